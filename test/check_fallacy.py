#!/usr/bin/env python3
# test/check_fallacy.py: runs fallacy-lint on a lit test file and FileChecks messages and fixes.
"""Usage:
  check_fallacy.py [--check-suffix=S] [--expect-exit=N] <source> <check-id> <temp>
                   [-- <fallacy-lint args> [-- <compiler args>]]

The source's expectations live in comments:
  // CHECK-MESSAGES[-S]: :[[@LINE-1]]:3: warning: ... [check-id]
  // CHECK-NOTES[-S]:    like CHECK-MESSAGES, but notes are checked too
  // CHECK-FIXES[-S]:    a line of the file after fallacy-lint --fix

The file is copied to <temp> with every CHECK comment blanked (line numbers
stay the same), so an expectation can never match itself and the fixes are
checked on code only. Every warning and error must be expected
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


def filecheck(filecheck_bin, check_file, input_text, prefix, extra):
    cmd = [filecheck_bin, check_file, f"--check-prefix={prefix}", "--dump-input=fail"] + extra
    result = subprocess.run(cmd, input=input_text, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    if result.returncode != 0:
        sys.stderr.write(f"FileCheck failed for prefix {prefix}:\n{result.stdout}\n")
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
    p.add_argument("--check-suffix", "-check-suffix", default="")
    p.add_argument("--expect-exit", type=int, default=None)
    p.add_argument("source")
    p.add_argument("check")
    p.add_argument("temp")
    args = p.parse_args(argv)

    suffix = "-" + args.check_suffix if args.check_suffix else ""
    msg_prefix, notes_prefix, fix_prefix = (f"CHECK-MESSAGES{suffix}", f"CHECK-NOTES{suffix}",
                                            f"CHECK-FIXES{suffix}")
    with open(args.source, encoding="utf-8") as f:
        original = f.read()
    has = {pfx: re.search(r"\b" + re.escape(pfx) + r"(-NEXT|-SAME|-NOT|-DAG)?:", original) is not None
           for pfx in (msg_prefix, notes_prefix, fix_prefix)}
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
