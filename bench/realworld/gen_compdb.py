#!/usr/bin/env python3
# bench/realworld/gen_compdb.py: writes a compile_commands.json for projects without a usable CMake build.
#
# Usage: gen_compdb.py --root SRC --out BUILD/compile_commands.json
#                      [--compiler clang++-19] [--group 'GLOB...' -- FLAG...]...
#
# Each --group names shell globs relative to SRC (recursive with **) and the
# flags its units compile with; a unit matched by two groups takes the first.
# The flags are what the project's own Makefile or documentation uses, written
# out in the project's recipe so that a reader can check them.
import argparse
import glob
import json
import os
import shlex
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--compiler", default="clang++-19")
    ap.add_argument("--group", action="append", nargs=2, metavar=("GLOBS", "FLAGS"),
                    required=True, help="space-separated globs, then the flags as one string")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    seen, entries = set(), []
    for globs, flags in args.group:
        matched = 0
        for pattern in globs.split():
            for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
                if path in seen or not os.path.isfile(path):
                    continue
                seen.add(path)
                matched += 1
                compiler = args.compiler
                if path.endswith(".c") and compiler.startswith("clang++"):
                    compiler = compiler.replace("clang++", "clang")
                cmd = [compiler] + shlex.split(flags.replace("@ROOT@", root)) + \
                    ["-c", path, "-o", "/dev/null"]
                entries.append({"directory": os.path.dirname(path), "file": path,
                                "arguments": cmd})
        if not matched:
            sys.exit(f"gen_compdb.py: {root}: no file matches '{globs}'")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(entries, f, indent=1)
    os.replace(tmp, args.out)
    print(f"gen_compdb.py: {args.out}: {len(entries)} units", file=sys.stderr)


if __name__ == "__main__":
    main()
