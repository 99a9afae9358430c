#!/usr/bin/env python3
# bench/realworld/score.py: joins run.sh's SARIF with the reviewer's verdicts and prints the scores.
#
# Usage: score.py DEST [--results OUT] [--triage triage.tsv] [--markdown] [--todo FILE]
#
# Every finding is matched to a verdict in triage.tsv by, in order: its fingerprint (SARIF
# partialFingerprints, independent of line numbers), the hash of its line's text in the same file,
# its line number in the same file. A MISSED row (a real problem the tool did not report) that a
# finding now matches counts as a TP of that finding; a TP row that no finding matches any more is
# a lost TP and counts against recall, like a MISSED row. Units that could not be analysed (left
# out by setup.sh, failed in fallacy-lint, or a project that did not run) are listed, never
# dropped. --todo writes the unreviewed findings as triage rows to fill in.
import argparse
import collections
import csv
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = ("TP", "FP", "DEBATABLE", "MISSED")
COLUMNS = ["project", "file", "line", "check", "verdict", "cause", "evidence", "fingerprint",
           "linehash"]


def line_hash(text):
    """The line's text with all whitespace removed, hashed: survives re-indentation and moves."""
    return hashlib.sha1(re.sub(r"\s+", "", text).encode()).hexdigest()[:12]


class Sources:
    def __init__(self, dest):
        self.dest, self.cache = dest, {}

    def line(self, project, path, number):
        key = (project, path)
        if key not in self.cache:
            full = os.path.join(self.dest, "src", project, path)
            try:
                with open(full, encoding="utf-8", errors="replace") as f:
                    self.cache[key] = f.read().splitlines()
            except OSError:
                self.cache[key] = []
        lines = self.cache[key]
        return lines[number - 1] if 0 < number <= len(lines) else ""


def read_projects():
    rows = []
    with open(os.path.join(HERE, "projects.tsv")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rows.append(line.rstrip("\n").split("\t")[0])
    return rows


def read_triage(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        missing = set(COLUMNS) - set(reader.fieldnames or [])
        if missing:
            sys.exit(f"score.py: {path}: missing columns {', '.join(sorted(missing))}")
        for n, row in enumerate(reader, start=2):
            if row["verdict"] not in VERDICTS:
                sys.exit(f"score.py: {path}:{n}: verdict '{row['verdict']}' is not one of "
                         f"{', '.join(VERDICTS)}")
            try:
                row["line"] = int(row["line"])
            except ValueError:
                sys.exit(f"score.py: {path}:{n}: line '{row['line']}' is not a number")
            row["row"] = n
            rows.append(row)
    return rows


def uri_of(location, base):
    art = location["physicalLocation"]["artifactLocation"]
    uri = art.get("uri", "")
    if art.get("uriBaseId") is None and uri.startswith("file://"):
        uri = os.path.relpath(uri[len("file://"):], base)
    return uri


def read_results(out, dest, project, sources):
    """Findings and failed units of one project; None for the SARIF when the run produced none."""
    path = os.path.join(out, project + ".sarif")
    if not os.path.exists(path):
        return None, []
    try:
        with open(path) as f:
            sarif = json.load(f)
    except ValueError as e:
        sys.exit(f"score.py: {path}: not JSON: {e}")
    base = os.path.join(dest, "src", project)
    findings, failures = [], []
    for run in sarif.get("runs", []):
        for inv in run.get("invocations", []):
            for note in inv.get("toolExecutionNotifications", []):
                where = note.get("locations") or [{}]
                unit = uri_of(where[0], base) if "physicalLocation" in where[0] else "?"
                failures.append((unit, note["message"]["text"].splitlines()[0]))
        for res in run.get("results", []):
            loc = res["locations"][0]
            file = uri_of(loc, base)
            line = loc["physicalLocation"].get("region", {}).get("startLine", 0)
            notes = []
            for rel in res.get("relatedLocations", []):
                if "physicalLocation" not in rel:
                    continue
                rline = rel["physicalLocation"].get("region", {}).get("startLine", 0)
                notes.append(f"{uri_of(rel, base)}:{rline}: {rel.get('message', {}).get('text', '')}")
            findings.append({
                "notes": notes,
                "project": project, "file": file, "line": line, "check": res["ruleId"],
                "message": res["message"]["text"],
                "fingerprint": res.get("partialFingerprints", {}).get("fallacyLint/v1", ""),
                "linehash": line_hash(sources.line(project, file, line)),
            })
    return findings, failures


def match(findings, rows):
    """Gives each finding its verdict row (or None); returns the rows no finding matched."""
    free = list(rows)
    for key in ("fingerprint", "linehash", "line"):
        index = collections.defaultdict(list)
        for r in free:
            if r[key] != "":
                index[(r["project"], r["check"], r["file"] if key != "fingerprint" else "",
                       r[key])].append(r)
        for f in findings:
            if f.get("row") is not None:
                continue
            candidates = index.get((f["project"], f["check"], f["file"] if key != "fingerprint"
                                    else "", f[key]))
            if candidates:
                f["row"] = candidates.pop(0)
        used = {id(f["row"]) for f in findings if f.get("row") is not None}
        free = [r for r in free if id(r) not in used]
    return free


def count_units(dest, project):
    try:
        with open(os.path.join(dest, "db", project, "compile_commands.json")) as f:
            return len(json.load(f))
    except (OSError, ValueError):
        return 0


def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"


class Table:
    def __init__(self, markdown):
        self.markdown, self.rows = markdown, []

    def add(self, *cells):
        self.rows.append([str(c) for c in cells])

    def print(self, title):
        print(f"\n{'### ' if self.markdown else ''}{title}\n")
        if self.markdown:
            print("| " + " | ".join(self.rows[0]) + " |")
            print("|" + "|".join("---" for _ in self.rows[0]) + "|")
            for r in self.rows[1:]:
                print("| " + " | ".join(r) + " |")
            return
        widths = [max(len(r[i]) for r in self.rows) for i in range(len(self.rows[0]))]
        for r in self.rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dest")
    ap.add_argument("--results")
    ap.add_argument("--triage", default=os.path.join(HERE, "triage.tsv"))
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--todo", help="write the unreviewed findings here as triage rows")
    args = ap.parse_args()
    dest = os.path.abspath(args.dest)
    out = os.path.abspath(args.results or os.path.join(dest, "results"))
    sources = Sources(dest)
    rows = read_triage(args.triage)
    projects = read_projects()

    findings, not_analysed = [], []
    times = {}
    if os.path.exists(os.path.join(out, "times.tsv")):
        with open(os.path.join(out, "times.tsv")) as f:
            for r in csv.DictReader(f, delimiter="\t"):
                times[r["project"]] = r
    for p in projects:
        excluded = os.path.join(dest, "db", p, "excluded.tsv")
        if os.path.exists(excluded):
            with open(excluded) as f:
                for line in f:
                    unit, _, why = line.rstrip("\n").partition("\t")
                    not_analysed.append((p, unit, "left out by setup.sh: " + why))
        got, failures = read_results(out, dest, p, sources)
        if got is None:
            log = os.path.join(out, p + ".log")
            why = "no SARIF"
            if os.path.exists(log):
                with open(log, errors="replace") as f:
                    first = next((l.strip() for l in f if l.strip()), "")
                why += ": " + first if first else ""
            not_analysed.append((p, "(every unit)", why))
            continue
        findings += got
        not_analysed += [(p, u, "fallacy-lint: " + why) for u, why in failures]

    stale = match(findings, rows)
    lost_tp = [r for r in stale if r["verdict"] == "TP"]
    missed = [r for r in stale if r["verdict"] == "MISSED"]
    verdict = lambda f: (f["row"]["verdict"] if f.get("row") else "unreviewed")
    # A finding that matches a MISSED row was found since the review: a TP now.
    for f in findings:
        if verdict(f) == "MISSED":
            f["found"] = True

    def score(group_key):
        stats = collections.defaultdict(collections.Counter)
        for f in findings:
            v = verdict(f)
            stats[group_key(f)][{"MISSED": "TP"}.get(v, v)] += 1
            stats[group_key(f)]["findings"] += 1
        for r in missed + lost_tp:
            stats[group_key(r)]["missed"] += 1
        return stats

    def table(stats, first, keys, extra=None):
        t = Table(args.markdown)
        t.add(first, "findings", "TP", "FP", "debatable", "unreviewed", "precision", "missed",
              "recall", *(extra[0] if extra else []))
        total = collections.Counter()
        for k in keys:
            s = stats.get(k, collections.Counter())
            total.update(s)
            t.add(k, s["findings"], s["TP"], s["FP"], s["DEBATABLE"], s["unreviewed"],
                  ratio(s["TP"], s["TP"] + s["FP"]), s["missed"],
                  ratio(s["TP"], s["TP"] + s["missed"]), *(extra[1](k) if extra else []))
        t.add("all", total["findings"], total["TP"], total["FP"], total["DEBATABLE"],
              total["unreviewed"], ratio(total["TP"], total["TP"] + total["FP"]),
              total["missed"], ratio(total["TP"], total["TP"] + total["missed"]),
              *(extra[2]() if extra else []))
        return t

    by_check = score(lambda f: f["check"])
    checks = sorted(set(by_check))
    table(by_check, "check", checks).print("Per check")

    unit_counts = {p: count_units(dest, p) for p in projects}
    failed_units = collections.Counter(p for p, _, _ in not_analysed)
    by_project = score(lambda f: f["project"])
    table(by_project, "project", projects,
          (["units", "not analysed"], lambda p: [unit_counts[p], failed_units[p]],
           lambda: [sum(unit_counts.values()), len(not_analysed)])).print("Per project")

    causes = collections.defaultdict(collections.Counter)
    for f in findings:
        if verdict(f) == "FP":
            causes[f["row"]["cause"] or "(none)"][f["check"]] += 1
    if causes:
        t = Table(args.markdown)
        t.add("FP cause", "count", "checks")
        for cause, per in sorted(causes.items(), key=lambda c: (-sum(c[1].values()), c[0])):
            t.add(cause, sum(per.values()), ", ".join(f"{c} {n}" for c, n in per.most_common()))
        t.print("False positives by cause")

    if times:
        t = Table(args.markdown)
        t.add("project", "units", "fallacy-lint s", "clang++ -fsyntax-only s", "ratio", "exit")
        for p in projects:
            if p in times:
                r = times[p]
                t.add(p, r["units"], r["fallacy_s"], r["parse_s"], r["ratio"], r["exit"])
        t.print("Run time (same units, same parallelism)")

    if not_analysed:
        t = Table(args.markdown)
        t.add("project", "unit", "why")
        for p, u, why in not_analysed:
            t.add(p, u, why.replace("|", "\\|") if args.markdown else why)
        t.print("Units not analysed")

    if lost_tp:
        print("\nTP verdicts no finding matches any more (counted as missed):")
        for r in lost_tp:
            print(f"  triage.tsv:{r['row']}: {r['project']} {r['file']}:{r['line']} {r['check']}")
    others = [r for r in stale if r["verdict"] in ("FP", "DEBATABLE")]
    if others:
        print(f"\n{len(others)} FP/DEBATABLE verdicts match no finding any more (fixed or moved).")

    todo = [f for f in findings if not f.get("row")]
    if todo:
        print(f"\n{len(todo)} findings have no verdict.", file=sys.stderr)
    if args.todo:
        with open(args.todo, "w", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(COLUMNS + ["message", "notes"])
            for x in todo:
                w.writerow([x["project"], x["file"], x["line"], x["check"], "", "", "",
                            x["fingerprint"], x["linehash"],
                            re.sub(r"\s+", " ", x["message"].split("\n")[0]).strip(),
                            " | ".join(re.sub(r"\s+", " ", n) for n in x["notes"])])


if __name__ == "__main__":
    main()
