#!/usr/bin/env python3
# test/run_all.py: runs the lit suite and the unit tests, both, and fails if either fails.
import subprocess
import sys


def main():
    python, lit, lit_dir, unit = sys.argv[1:5]
    failed = []
    if subprocess.call([python, lit, "-sv", lit_dir]) != 0:
        failed.append("lit tests")
    if subprocess.call([unit, "--gtest_brief=1"]) != 0:
        failed.append("unit tests")
    if failed:
        print("FAILED: " + " and ".join(failed), file=sys.stderr)
        sys.exit(1)
    print("all lit and unit tests passed")


if __name__ == "__main__":
    main()
