#!/usr/bin/env python3
# test/expect_exit.py: runs a command and fails unless it exits with the given code.
"""Usage: expect_exit.py CODE COMMAND [ARGS...]

stdout and stderr pass through unchanged, so the output can be piped into
FileCheck; the exit status is 0 when COMMAND exited with CODE, else 1.
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    expected = int(sys.argv[1])
    rc = subprocess.call(sys.argv[2:])
    if rc != expected:
        sys.stderr.write(f"expect_exit.py: expected exit code {expected}, got {rc}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
