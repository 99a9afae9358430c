#!/usr/bin/env python3
# test/driver/Inputs/output/sarif_digest.py: prints the parts of a SARIF log the driver tests check, one fact per line.
import json
import re
import sys


def region(r):
    return f"{r['startLine']}:{r['startColumn']}-{r['endLine']}:{r['endColumn']}" if r else "none"


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    print(f"version {log['version']} runs {len(log['runs'])}")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    print(f"tool {driver['name']} {driver['version']} rules {[r['id'] for r in driver['rules']]}")
    print(f"columnKind {run['columnKind']} root {run['originalUriBaseIds']['%SRCROOT%']['uri']}")
    for inv in run["invocations"]:
        print(f"executionSuccessful {str(inv['executionSuccessful']).lower()}")
        for n in inv.get("toolExecutionNotifications", []):
            uri = n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            print(f"notification {n['level']} {uri}: {n['message']['text'].splitlines()[0]}")
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]
        art = loc["artifactLocation"]
        fp = r["partialFingerprints"]["fallacyLint/v1"]
        fp = "ok" if re.fullmatch(r"[0-9a-f]{32}:[0-9]+", fp) else fp
        rule = driver["rules"][r["ruleIndex"]]["id"]
        inserted = [rep.get("insertedContent", {}).get("text", "")
                    for fix in r.get("fixes", []) for ch in fix["artifactChanges"]
                    for rep in ch["replacements"]]
        print(f"result {r['ruleId']} (rule {rule}) {r['level']} {art.get('uriBaseId', '-')}/{art['uri']} "
              f"{region(loc.get('region'))} related={len(r.get('relatedLocations', []))} "
              f"fingerprint={fp} inserts={inserted!r}")


if __name__ == "__main__":
    main()
