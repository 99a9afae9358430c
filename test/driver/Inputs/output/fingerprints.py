#!/usr/bin/env python3
# test/driver/Inputs/output/fingerprints.py: prints rule, file and fingerprint of each SARIF result, one per line.
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    run = json.load(f)["runs"][0]
for r in run["results"]:
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    print(r["ruleId"], uri, r["partialFingerprints"]["fallacyLint/v1"])
