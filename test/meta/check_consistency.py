#!/usr/bin/env python3
# test/meta/check_consistency.py: rules/checks.json against the registry, the docs pages and the tests.
"""Usage:
  check_consistency.py --src-root=DIR --list-cmd='<command printing registered checks>' [...]

rules/checks.json is the one source of truth about checks (STYLE.md, section 3).
Prints one line per problem on stderr, `<file>: <what is wrong>`, and exits 1
if there is any. For every record in rules/checks.json:

- the id is `fallacy-` + kebab-case, unique; `fallacy` is a key of the
  `fallacies` table; severity is note, warning or error; `docs` is
  docs/checks/<id>.md; the summary is one sentence that never says "this check";
- every --list-cmd lists the id (a check class is registered for it), and lists
  no fallacy-* id without a record. A list command prints one check per line,
  the id first (clang-tidy --list-checks and fallacy-lint --list-checks both do);
- the registration line in checks/FallacyModule.cpp names a class whose header's
  first `///` line is the summary, and the id appears nowhere else in checks/;
- docs/checks/<id>.md exists and starts with `# <id>`; the first paragraph after
  the heading is exactly the summary, on one line; the next paragraph is one line
  `Fallacy: <fallacy title>. Default severity: <severity>. ...` (with
  `Fix-it: ...` when the record has fixits); its `## Options` section lists
  exactly the record's options with their defaults (absent or "None." when the
  record has none). Each option is written as one of:
      ### `DefaultTimeoutMs`            (a heading, with `Default: \`30000\`` in
      Type: int. Default: `30000`. ...   the text below it)
      - `DefaultTimeoutMs` (int, default `30000`): ...
      | `DefaultTimeoutMs` | int | `30000` | ... |   (a table with a Default column)
- test/checks/<id>/ holds at least one lit test (a file with a RUN: line).
And every docs/checks/*.md belongs to a record.
"""
import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys

ID_RE = re.compile(r"^fallacy-[a-z0-9]+(-[a-z0-9]+)*$")
SEVERITIES = ("note", "warning", "error")
TEST_SUFFIXES = (".cpp", ".c", ".test")


class Report:
    def __init__(self, root):
        self.root = root
        self.problems = []

    def add(self, path, message):
        rel = os.path.relpath(path, self.root) if os.path.isabs(path) else path
        self.problems.append(f"{rel}: {message}")


def registered_ids(cmd, report):
    """Runs a --list-checks command; returns the fallacy-* ids it prints, or None."""
    try:
        result = subprocess.run(shlex.split(cmd), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        report.add("rules/checks.json", f"cannot list registered checks with `{cmd}`: {e}")
        return None
    if result.returncode != 0:
        tail = " | ".join(result.stdout.strip().splitlines()[-3:])
        report.add("rules/checks.json", f"`{cmd}` exited with {result.returncode}: {tail}")
        return None
    ids = []
    for line in result.stdout.splitlines():
        m = re.match(r"^\s*(fallacy-[A-Za-z0-9-]+)(\s|$)", line)
        if m:
            ids.append(m.group(1))
    return ids


def paragraphs(lines):
    """Splits lines into paragraphs: lists of (line number, text), blank-line separated."""
    out, cur = [], []
    for no, line in lines:
        if line.strip():
            cur.append((no, line.rstrip("\n")))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def section(lines, title):
    """The (line number, text) pairs of the `## <title>` section, or None."""
    start = None
    for i, (_, line) in enumerate(lines):
        if re.match(r"^##\s+" + re.escape(title) + r"\s*$", line.strip()):
            start = i + 1
        elif start is not None and re.match(r"^##\s", line):
            return lines[start:i]
    return lines[start:] if start is not None else None


def strip_code_blocks(lines):
    out, fenced = [], False
    for no, line in lines:
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            out.append((no, line))
    return out


def normalize_default(value):
    v = str(value).strip().strip("`").strip()
    if v in ('""', "''", "(empty)", "empty", "none", "(none)"):
        return ""
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
    return v


def record_default(option):
    d = option.get("default", "")
    if isinstance(d, bool):
        return "true" if d else "false"
    return normalize_default(d)


def default_in(text):
    """The value after `default` or `Default:` in a line of prose, or None."""
    d = re.search(r"default:?\s+(?:`([^`]*)`|([^\s,;)]+?))(?:[,.;)]|\s|$)", text, re.I)
    if not d:
        return None
    return normalize_default(d.group(1) if d.group(1) is not None else d.group(2))


def documented_options(lines):
    """{name: default or None} from an Options section, in any of the documented forms."""
    found = {}
    heading = None
    table_default_col = None
    for _, line in lines:
        s = line.strip()
        m = re.match(r"^###\s+`?([A-Za-z][A-Za-z0-9]*)`?\s*$", s)
        if m:
            heading = m.group(1)
            found[heading] = None
            continue
        if s.startswith("|"):
            cells = [c.strip() for c in s.strip("|").split("|")]
            lowered = [c.lower() for c in cells]
            if "default" in lowered:
                table_default_col = lowered.index("default")
                continue
            if all(re.match(r"^:?-+:?$", c) for c in cells if c):
                continue
            m = re.match(r"^`?([A-Za-z][A-Za-z0-9]*)`?$", cells[0]) if cells else None
            if m:
                default = None
                if table_default_col is not None and table_default_col < len(cells):
                    default = normalize_default(cells[table_default_col])
                found[m.group(1)] = default
            continue
        m = re.match(r"^[-*]\s+(?:\*\*)?`([A-Za-z][A-Za-z0-9]*)`(?:\*\*)?(.*)$", s)
        if m:
            heading = None
            found[m.group(1)] = default_in(m.group(2))
            continue
        if heading and found[heading] is None:
            found[heading] = default_in(s)
    return found


def check_docs_page(record, meta, path, report):
    cid = record["id"]
    with open(path, encoding="utf-8") as f:
        raw = f.read().split("\n")
    lines = list(enumerate(raw, 1))
    paras = paragraphs(strip_code_blocks(lines))
    if not paras or paras[0][0][1].strip() != f"# {cid}" or len(paras[0]) != 1:
        report.add(path, f"must start with the heading `# {cid}` on a line of its own")
        return
    if len(paras) < 2 or len(paras[1]) != 1 or paras[1][0][1].strip() != record.get("summary", ""):
        got = " ".join(t.strip() for _, t in paras[1]) if len(paras) > 1 else "(nothing)"
        report.add(path, f"the first paragraph after the heading must be exactly the summary "
                         f"{record.get('summary')!r} on one line, found {got!r}")
    line = paras[2][0][1].strip() if len(paras) > 2 and len(paras[2]) == 1 else ""
    no = paras[2][0][0] if len(paras) > 2 else len(raw)
    where = f"{path}:{no}"
    if not line.startswith("Fallacy: "):
        report.add(where, "the paragraph after the summary must be one line "
                          f"`Fallacy: ... Default severity: {record.get('severity')}. ...`")
    else:
        sev = re.search(r"Default severity: ([a-z]+)\.", line)
        if not sev or sev.group(1) != record.get("severity"):
            report.add(where, f"must say `Default severity: {record.get('severity')}.` "
                              f"(rules/checks.json), found {line!r}")
        fallacy = (meta.get("fallacies") or {}).get(record.get("fallacy"), {})
        title = fallacy.get("title", "") if isinstance(fallacy, dict) else ""
        named = re.match(r"^Fallacy: (.*?)\.( |$)", line)
        if title and (not named or named.group(1).strip().lower() != title.lower()):
            report.add(where, f"must name the fallacy `Fallacy: {title[0].lower() + title[1:]}.`, "
                              f"found {line!r}")
        fix = re.search(r"Fix-it: ([^.]*)", line)
        offers = fix and fix.group(1).strip().lower() not in ("none", "no")
        if record.get("fixits") and not offers:
            report.add(where, "the record has fixits, so the line must say `Fix-it: <families>.`")
        if not record.get("fixits") and offers:
            report.add(where, "says `Fix-it:` but the record has no fixits")

    options = section(strip_code_blocks(lines), "Options")
    want = {o["name"]: record_default(o) for o in record.get("options", [])}
    if options is None:
        if want:
            report.add(path, f"has no `## Options` section; the record declares "
                             f"{', '.join(sorted(want))}")
        return
    got = documented_options(options)
    for name in sorted(set(want) - set(got)):
        report.add(path, f"## Options does not list option `{name}` "
                             f"(default `{want[name] or chr(34) * 2}`)")
    for name in sorted(set(got) - set(want)):
        report.add(path, f"## Options lists `{name}`, which is not an option of {cid} in "
                         f"rules/checks.json")
    for name in sorted(set(want) & set(got)):
        if got[name] is None:
            report.add(path, f"## Options: no default found for `{name}` "
                             f"(write `Default: \\`{want[name]}\\``)")
        elif got[name] != want[name]:
            report.add(path, f"## Options: `{name}` defaults to `{got[name]}` here but to "
                             f"`{want[name]}` in rules/checks.json")


def check_sources(record, root, registrations, report):
    """The registration line, the class's doc summary, and no other mention of the id."""
    cid = record["id"]
    module = os.path.join(root, "checks", "FallacyModule.cpp")
    cls = registrations.get(cid)
    if not cls:
        report.add(module, f"no `registerCheck<...>(\"{cid}\")` line")
    else:
        header = os.path.join(root, "checks", f"{cls}.h")
        if not os.path.isfile(header):
            report.add(header, f"missing: the class registered for {cid} is {cls}")
        else:
            with open(header, encoding="utf-8") as f:
                docs = [l.strip()[3:].strip() for l in f if l.strip().startswith("///")]
            if not docs or docs[0] != record.get("summary"):
                report.add(header, f"the first `///` line of {cls} must be the summary "
                                   f"{record.get('summary')!r}, found "
                                   f"{docs[0] if docs else '(none)'!r}")
    for path in sorted(glob.glob(os.path.join(root, "checks", "**", "*.*"), recursive=True)):
        if path == module or not path.endswith((".h", ".cpp")):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for no, line in enumerate(f, 1):
                if f'"{cid}"' in line:
                    report.add(f"{path}:{no}", f"spells the id \"{cid}\"; only its registration "
                                               f"line in checks/FallacyModule.cpp may")


def check_tests(cid, root, report):
    d = os.path.join(root, "test", "checks", cid)
    tests = []
    for path in glob.glob(os.path.join(d, "**", "*"), recursive=True):
        if "Inputs" in os.path.relpath(path, d).split(os.sep) or not path.endswith(TEST_SUFFIXES):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            if "RUN:" in f.read():
                tests.append(path)
    if not tests:
        report.add(d, f"holds no lit test for {cid} (a .cpp/.c/.test file with a RUN: line)")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--src-root", required=True)
    p.add_argument("--list-cmd", action="append", default=[],
                   help="a command printing the registered checks, one per line")
    args = p.parse_args()
    root = os.path.abspath(args.src_root)
    report = Report(root)
    rules = os.path.join(root, "rules", "checks.json")
    try:
        with open(rules, encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, ValueError) as e:
        print(f"rules/checks.json: cannot be read: {e}")
        return 1
    records = meta.get("checks", [])
    fallacies = meta.get("fallacies", {})
    if not records:
        report.add(rules, "has no checks")

    module = os.path.join(root, "checks", "FallacyModule.cpp")
    with open(module, encoding="utf-8") as f:
        registrations = dict((cid, cls) for cls, cid in re.findall(
            r'registerCheck<\s*(?:\w+::)*(\w+)\s*>\(\s*"([^"]+)"\s*\)', f.read()))

    seen = set()
    for i, record in enumerate(records):
        cid = record.get("id", "")
        where = f"rules/checks.json: checks[{i}] ({cid or 'no id'})"
        if not ID_RE.match(cid):
            report.add(where, "id must be `fallacy-` followed by kebab-case words")
            continue
        if cid in seen:
            report.add(where, "duplicate id")
            continue
        seen.add(cid)
        for key in ("title", "fallacy", "summary", "description", "severity", "docs"):
            if not record.get(key):
                report.add(where, f"missing `{key}`")
        if record.get("fallacy") and record["fallacy"] not in fallacies:
            report.add(where, f"fallacy `{record['fallacy']}` is not a key of `fallacies` "
                              f"(known: {', '.join(sorted(fallacies)) or 'none'})")
        if record.get("severity") not in SEVERITIES:
            report.add(where, f"severity {record.get('severity')!r} is not one of "
                              f"{', '.join(SEVERITIES)}")
        summary = record.get("summary", "")
        if summary and (not summary.endswith(".") or summary.count(". ") or
                        "this check" in summary.lower()):
            report.add(where, "summary must be one sentence ending with a period, "
                              "never saying \"this check\"")
        expected_docs = f"docs/checks/{cid}.md"
        if record.get("docs") != expected_docs:
            report.add(where, f"docs must be {expected_docs!r}, found {record.get('docs')!r}")
        names = [o.get("name") for o in record.get("options", [])]
        if len(names) != len(set(names)):
            report.add(where, "an option is declared twice")
        page = os.path.join(root, expected_docs)
        if os.path.isfile(page):
            check_docs_page(record, meta, page, report)
        else:
            report.add(page, f"missing: every check needs its docs page ({cid})")
        check_sources(record, root, registrations, report)
        check_tests(cid, root, report)

    for cid in sorted(set(registrations) - seen):
        report.add(module, f"registers {cid}, which has no record in rules/checks.json")
    for cmd in args.list_cmd:
        ids = registered_ids(cmd, report)
        if ids is None:
            continue
        for cid in sorted(seen - set(ids)):
            report.add("rules/checks.json", f"{cid} is not listed by `{cmd}` (no check class "
                                            f"registered under that id?)")
        for cid in sorted(set(ids) - seen):
            report.add("rules/checks.json", f"`{cmd}` lists {cid}, which has no record")

    for page in sorted(glob.glob(os.path.join(root, "docs", "checks", "*.md"))):
        cid = os.path.splitext(os.path.basename(page))[0]
        if cid not in seen and cid.lower() not in ("readme", "index"):
            report.add(page, f"no record for {cid} in rules/checks.json")

    # Problems go to stderr, so lit shows them as they are even when stdout is piped.
    for line in report.problems:
        print(line, file=sys.stderr)
    if report.problems:
        print(f"{len(report.problems)} problem(s) in the check metadata, docs and tests",
              file=sys.stderr)
        return 1
    print(f"{len(seen)} check(s) consistent across rules/checks.json, the registry, "
          f"docs/checks and test/checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
