#!/usr/bin/env python3
# test/driver/Inputs/in_temp_dir.py: runs a command on copies of files in a fresh directory outside the build tree.
"""Usage: in_temp_dir.py FILE... -- COMMAND [ARGS...]

Copies the FILEs into a new directory under the system's temporary
directory, replaces "{dir}" in COMMAND and ARGS with its path, runs the
command there (output passes through) and exits with its exit code. For
tests about searching parent directories, which inside the build tree
could find the build's own compile_commands.json.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    if "--" not in sys.argv:
        sys.exit(__doc__)
    split = sys.argv.index("--")
    files, command = sys.argv[1:split], sys.argv[split + 1:]
    with tempfile.TemporaryDirectory(prefix="fallacy-lint-test-") as tmp:
        for f in files:
            shutil.copy(f, tmp)
        command = [arg.replace("{dir}", tmp) for arg in command]
        sys.exit(subprocess.call(command, cwd=tmp))


if __name__ == "__main__":
    main()
