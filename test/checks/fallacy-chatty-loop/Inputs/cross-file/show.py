#!/usr/bin/env python3
# Inputs/cross-file/show.py: prints a JSON report, a SARIF log or a summary file as one line per item, for FileCheck.
"""Usage: show.py json|sarif|summary FILE

json:    <check> <level> <file>:<line>:<col> <message> | <note file>:<line> <note>; ...
sarif:   <ruleId> <level> <uri>:<line>:<col> <message> | <related uri>:<line> <text>; ...
summary: version <n>
         function <name> calls=<names of called functions> [remote <operation> at <file>:<line>:<col> batch=<yes|no>]
         pending <check> at <file>:<line>:<col> requires=<kind>:<names> [batch]
File names are printed without their directories; USRs are printed as the
function names they stand for, so the lines do not depend on the temp dir.
"""
import json
import os
import sys


def base(path):
    return os.path.basename(path)


def show_json(doc):
    for f in doc:
        notes = "; ".join(f"{base(n['file'])}:{n['line']} {n['message']}" for n in f["notes"])
        print(f"{f['check']} {f['level']} {base(f['file'])}:{f['line']}:{f['column']} "
              f"{f['message']} | {notes}")


def show_sarif(doc):
    for run in doc["runs"]:
        rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
        for r in run["results"]:
            loc = r["locations"][0]["physicalLocation"]
            region = loc["region"]
            related = "; ".join(
                f"{base(x['physicalLocation']['artifactLocation']['uri'])}:"
                f"{x['physicalLocation']['region']['startLine']} {x['message']['text']}"
                for x in r.get("relatedLocations", []))
            index_ok = rules[r["ruleIndex"]] == r["ruleId"] if "ruleIndex" in r else "absent"
            print(f"{r['ruleId']} {r['level']} {base(loc['artifactLocation']['uri'])}:"
                  f"{region['startLine']}:{region['startColumn']} {r['message']['text']} | "
                  f"{related} | ruleIndex={index_ok}")


def where(loc):
    return f"{base(loc['file'])}:{loc['line']}:{loc['column']}"


def show_summary(doc):
    names = {f["usr"]: f["name"] for f in doc.get("functions", [])}

    def name(usr):
        return names.get(usr, usr.split("@F@")[-1].split("#")[0])

    print(f"version {doc['version']}")
    for f in sorted(doc.get("functions", []), key=lambda f: (f["name"], f["usr"])):
        line = f"function {f['name']} calls={','.join(sorted(name(c) for c in f['calls']))}"
        if "remote" in f:
            r = f["remote"]
            line += f" remote {r['operation']} at {where(r['site'])} batch={'yes' if r['batch'] else 'no'}"
        print(line)
    def at(finding):
        with open(finding["file"], encoding="utf-8") as f:
            before = f.read(finding["offset"])
        line = before.count("\n") + 1
        return f"{base(finding['file'])}:{line}:{len(before) - (before.rfind(chr(10)) + 1) + 1}"

    for p in sorted(doc.get("pending", []),
                    key=lambda p: (base(p["finding"]["file"]), p["finding"]["offset"])):
        requires = " ".join(f"{c['kind']}:{','.join(name(u) for u in c['anyOf'])}"
                            for c in p["requires"])
        print(f"pending {p['finding']['check']} at {at(p['finding'])} requires={requires}"
              + (" batch" if p.get("batchNote") else ""))


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    {"json": show_json, "sarif": show_sarif, "summary": show_summary}[kind](doc)


if __name__ == "__main__":
    main()
