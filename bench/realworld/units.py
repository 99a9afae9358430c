#!/usr/bin/env python3
# bench/realworld/units.py: chooses a project's translation units and times clang's own parse of them.
#
#   units.py select FULL_DB SRC REGEX OUT_DIR [-j N]
#       keeps the units of FULL_DB (a compile_commands.json) whose path relative to SRC matches
#       REGEX, parses each with `-fsyntax-only`, and writes OUT_DIR/compile_commands.json (the
#       units that parse) and OUT_DIR/excluded.tsv (each unit left out, with clang's first error).
#   units.py parse-time DB [-j N]
#       parses every unit of DB with `-fsyntax-only`, N at a time, and prints the wall time in
#       seconds: the floor fallacy-lint is compared with in run.sh.
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import time

# Flags that write files (objects, dependency files) are dropped: a parse writes nothing.
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD"}


def arguments(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in DROP_WITH_VALUE:
            skip = True
            continue
        if a in DROP:
            continue
        out.append(a)
    return out + ["-fsyntax-only"]


def parse(entry):
    proc = subprocess.run(arguments(entry), cwd=entry["directory"], capture_output=True,
                          text=True, errors="replace")
    if proc.returncode == 0:
        return None
    for line in proc.stderr.splitlines():
        if "error:" in line or "fatal error:" in line:
            return line.strip()
    return f"clang exited with {proc.returncode}"


def unit_path(entry):
    path = entry["file"]
    if not os.path.isabs(path):
        path = os.path.join(entry["directory"], path)
    return os.path.normpath(path)


def load(path):
    try:
        with open(path) as f:
            db = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"units.py: {path}: {e}")
    if not isinstance(db, list):
        sys.exit(f"units.py: {path}: not a JSON array of compile commands")
    return db


def select(args):
    src = os.path.realpath(args.src)
    pattern = re.compile(args.regex)
    chosen, seen = [], set()
    for entry in load(args.full_db):
        path = os.path.realpath(unit_path(entry))
        rel = os.path.relpath(path, src)
        # Generated sources live in the build directory: never the project's code to review.
        if rel.startswith("..") or not pattern.search(rel) or path in seen:
            continue
        seen.add(path)
        chosen.append((rel, entry))
    if not chosen:
        sys.exit(f"units.py: {args.full_db}: no unit matches '{args.regex}' under {src}")
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        errors = list(pool.map(lambda c: parse(c[1]), chosen))
    os.makedirs(args.out_dir, exist_ok=True)
    kept = [e for (rel, e), err in zip(chosen, errors) if err is None]
    left = [(rel, err) for (rel, _), err in zip(chosen, errors) if err is not None]
    write(os.path.join(args.out_dir, "compile_commands.json"), json.dumps(kept, indent=1))
    write(os.path.join(args.out_dir, "excluded.tsv"),
          "".join(f"{rel}\t{err}\n" for rel, err in sorted(left)))
    print(f"units.py: {args.out_dir}: {len(kept)} units parse, {len(left)} left out", file=sys.stderr)
    if not kept:
        sys.exit(f"units.py: {args.full_db}: none of the {len(left)} units parses")


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def parse_time(args):
    db = load(args.db)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        failed = sum(err is not None for err in pool.map(parse, db))
    print(f"{time.monotonic() - start:.1f}")
    if failed:
        print(f"units.py: {args.db}: {failed} units did not parse", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("select")
    s.add_argument("full_db")
    s.add_argument("src")
    s.add_argument("regex")
    s.add_argument("out_dir")
    s.add_argument("-j", type=int, default=os.cpu_count())
    t = sub.add_parser("parse-time")
    t.add_argument("db")
    t.add_argument("-j", type=int, default=os.cpu_count())
    args = ap.parse_args()
    select(args) if args.cmd == "select" else parse_time(args)


if __name__ == "__main__":
    main()
