#!/usr/bin/env python3
# rules/docs_index.py: writes docs/README.md, the index of the checks, from rules/checks.json.
"""Usage: docs_index.py [--check] [--src-root DIR]

Without --check, (re)writes docs/README.md. With --check, exits 1 and names the
file when the committed index differs from what rules/checks.json gives, so the
index can never drift from the metadata (test/meta/docs-index.test).
"""
import argparse
import json
import os
import sys
import tempfile


def render(meta):
    fallacies = meta["fallacies"]
    lines = [
        "# fallacy-lint documentation",
        "",
        "<!-- Generated from rules/checks.json by rules/docs_index.py; do not edit. -->",
        "",
        "## Checks",
        "",
        "| check | severity | fallacy | finds |",
        "|---|---|---|---|",
    ]
    for c in sorted(meta["checks"], key=lambda c: c["id"]):
        page = os.path.relpath(c["docs"], "docs")
        lines.append(f"| [`{c['id']}`]({page}) | {c['severity']} | "
                     f"{fallacies[c['fallacy']]['title']} | {c['summary']} |")
    lines += ["", "## The fallacies", ""]
    for key in sorted(fallacies):
        users = ", ".join(f"`{c['id']}`" for c in sorted(meta["checks"], key=lambda c: c["id"])
                          if c["fallacy"] == key)
        lines.append(f"- **{fallacies[key]['title']}** ({users or 'no check yet'}): "
                     f"{fallacies[key]['text']}")
    lines += [
        "",
        "## Guides",
        "",
        "- [Network-API models](models.md): how the libraries are described, and how to add yours.",
        "- [Remote-call summaries](summaries.md): cross-file facts, `--summary-out` and `--summary-in`.",
        "- Front ends and CI: [clang-tidy plugin](integration/clang-tidy-plugin.md),"
        " [clangd](integration/clangd.md), [pre-commit](integration/pre-commit.md),"
        " [GitHub Actions](integration/github-actions.md).",
        "",
    ]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--src-root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    a = ap.parse_args()
    meta_path = os.path.join(a.src_root, "rules", "checks.json")
    out_path = os.path.join(a.src_root, "docs", "README.md")
    try:
        with open(meta_path, encoding="utf-8") as f:
            text = render(json.load(f))
    except (OSError, ValueError, KeyError) as e:
        print(f"{meta_path}: cannot build the docs index: {e}", file=sys.stderr)
        return 2
    if a.check:
        try:
            with open(out_path, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            print(f"{out_path}: out of date with rules/checks.json; run rules/docs_index.py",
                  file=sys.stderr)
            return 1
        print(f"{out_path}: up to date")
        return 0
    # Atomically: a reader never sees half an index.
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(out_path), prefix=".README.md.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, out_path)
    print(f"wrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
