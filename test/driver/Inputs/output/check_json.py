#!/usr/bin/env python3
# test/driver/Inputs/output/check_json.py: checks the shape of --format=json output and prints one line per finding.
import json
import re
import sys

FIELDS = {"check", "level", "message", "file", "line", "column", "endLine", "endColumn",
          "notes", "fixes", "fingerprint"}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        findings = json.load(f)
    if not isinstance(findings, list):
        sys.exit("not a JSON array")
    for f in findings:
        missing = FIELDS - f.keys()
        if missing:
            sys.exit(f"finding without {sorted(missing)}: {f}")
        if not f["message"]:
            sys.exit(f"empty message: {f}")
        for fix in f["fixes"]:
            if not {"file", "offset", "length", "text", "line", "column"} <= fix.keys():
                sys.exit(f"fix without a position: {fix}")
        fix_at = ",".join(f"{x['line']}:{x['column']}" for x in f["fixes"])
        ok = "ok" if re.fullmatch(r"[0-9a-f]{32}:[0-9]+", f["fingerprint"]) else f["fingerprint"]
        print(f"{f['check']} {f['level']} {f['file']} {f['line']}:{f['column']}-"
              f"{f['endLine']}:{f['endColumn']} notes={len(f['notes'])} fixes={len(f['fixes'])} "
              f"fix-at={fix_at} fingerprint={ok}")
    distinct = len({f["fingerprint"] for f in findings})
    print(f"{len(findings)} findings, {distinct} distinct fingerprints")


if __name__ == "__main__":
    main()
