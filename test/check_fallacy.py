#!/usr/bin/env python3
# test/check_fallacy.py: runs fallacy-lint on a lit test file and FileChecks messages and fixes.
"""Usage:
  check_fallacy.py [--check-suffix=S | --check-suffixes=S1,S2] [--expect-exit=N] <source> <check-id> <temp>
                   [-- <fallacy-lint args> [-- <compiler args>]]

The source's expectations live in comments:
  // CHECK-MESSAGES[-S]: :[[@LINE-1]]:3: warning: ... [check-id]
  // CHECK-NOTES[-S]:    like CHECK-MESSAGES, but notes are checked too
  // CHECK-FIXES[-S]:    a line of the file after fallacy-lint --fix

The file is copied to <temp> with every CHECK comment blanked (line numbers
stay the same), so an expectation can never match itself and the fixes are
checked on code only. --check-suffixes=,S checks the expectations of several
prefixes in one run (an empty entry is the unsuffixed one), as clang-tidy's
check_clang_tidy.py does: an option variant expects the default run's
findings plus its own. Every warning and error must be expected
(--implicit-check-not); with CHECK-NOTES every note must be expected too. A
file without CHECK-MESSAGES or CHECK-NOTES must produce no warning at all.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def filecheck(filecheck_bin, check_file, input_text, prefixes, extra):
    cmd = [filecheck_bin, check_file, f"--check-prefixes={','.join(prefixes)}",
           "--dump-input=fail"] + extra
    result = subprocess.run(cmd, input=input_text, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    if result.returncode != 0:
        sys.stderr.write(f"FileCheck failed for prefix {','.join(prefixes)}:\n{result.stdout}\n")
        sys.exit(1)


def main():
    argv = sys.argv[1:]
    lint_args, compile_args = [], []
    if "--" in argv:
        i = argv.index("--")
        argv, rest = argv[:i], argv[i + 1:]
        if "--" in rest:
            j = rest.index("--")
            lint_args, compile_args = rest[:j], rest[j + 1:]
        else:
            lint_args = rest
    p = argparse.ArgumentParser()
    p.add_argument("--fallacy-lint", required=True)
    p.add_argument("--filecheck", required=True)
    p.add_argument("--check-suffix", "-check-suffix", default=None)
    p.add_argument("--check-suffixes", "-check-suffixes", default=None)
    p.add_argument("--expect-exit", type=int, default=None)
    p.add_argument("source")
    p.add_argument("check")
    p.add_argument("temp")
    args = p.parse_args(argv)

    if args.check_suffix is not None and args.check_suffixes is not None:
        sys.exit("use --check-suffix or --check-suffixes, not both")
    suffixes = (args.check_suffixes.split(",") if args.check_suffixes is not None
                else [args.check_suffix or ""])
    tails = ["-" + x if x else "" for x in suffixes]
    msg_prefix = [f"CHECK-MESSAGES{t}" for t in tails]
    notes_prefix = [f"CHECK-NOTES{t}" for t in tails]
    fix_prefix = [f"CHECK-FIXES{t}" for t in tails]
    with open(args.source, encoding="utf-8") as f:
        original = f.read()
    has = {tuple(pfx): any(re.search(r"\b" + re.escape(x) + r"(-NEXT|-SAME|-NOT|-DAG)?:", original)
                           for x in pfx)
           for pfx in (msg_prefix, notes_prefix, fix_prefix)}
    # FileCheck rejects a prefix without any check line: pass the used ones.
    used = lambda pfx: tuple(x for x in pfx if re.search(r"\b" + re.escape(x) + r"(-NEXT|-SAME|-NOT|-DAG)?:", original)) or tuple(pfx)
    has = {used(k): v for k, v in has.items()}
    msg_prefix, notes_prefix, fix_prefix = used(msg_prefix), used(notes_prefix), used(fix_prefix)
    if has[msg_prefix] and has[notes_prefix]:
        sys.exit("use CHECK-MESSAGES or CHECK-NOTES in one run, not both")

    # Blank every CHECK comment (any prefix, so other suffixes' expectations
    # do not leak into this run's code), keeping the line structure.
    blanked = re.sub(r"//\s*CHECK-[A-Z0-9-]+:.*", "", original)
    ext = os.path.splitext(args.source)[1]
    temp = args.temp if args.temp.endswith(ext) else args.temp + ext
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w", encoding="utf-8") as f:
        f.write(blanked)

    cmd = [args.fallacy_lint, f"--checks=-*,{args.check}", "--fix", "--color=never",
           "--format=text"] + lint_args + [temp, "--"] + compile_args
    print("Running:", " ".join(shlex.quote(c) for c in cmd))
    result = run(cmd)
    output = result.stdout
    print(output)
    expected = args.expect_exit
    if expected is None:
        if result.returncode not in (0, 1):
            sys.exit(f"fallacy-lint exited with {result.returncode} (expected 0 or 1)")
    elif result.returncode != expected:
        sys.exit(f"fallacy-lint exited with {result.returncode} (expected {expected})")

    if has[notes_prefix]:
        filecheck(args.filecheck, args.source, output, notes_prefix,
                  ["--implicit-check-not={{note|warning|error}}:"])
    elif has[msg_prefix]:
        filecheck(args.filecheck, args.source, output, msg_prefix,
                  ["--implicit-check-not={{warning|error}}:"])
    elif re.search(r"\b(warning|error):", output):
        sys.exit("fallacy-lint reported a diagnostic, but the test expects none")

    if has[fix_prefix]:
        with open(temp, encoding="utf-8") as f:
            fixed = f.read()
        filecheck(args.filecheck, args.source, fixed, fix_prefix, ["--match-full-lines"])
    elif has[msg_prefix] or has[notes_prefix]:
        # No CHECK-FIXES: the file must be unchanged, i.e. no fix was offered.
        with open(temp, encoding="utf-8") as f:
            if f.read() != blanked:
                sys.exit("fallacy-lint changed the file, but the test has no CHECK-FIXES")


if __name__ == "__main__":
    main()
