#!/usr/bin/env python3
# test/docs/check_docs_examples.py: compiles the examples in docs/checks/*.md and checks their warnings.
"""Usage:
  check_docs_examples.py --fallacy-lint=BIN --docs-dir=DIR --work-dir=DIR
                         --family=NAME=CFLAGS ... [--extra-arg=FLAG ...] [page.md ...]

THE CONVENTION FOR DOCS WRITERS (docs/checks/<check-id>.md)

An example that this test compiles is a fenced ```cpp block whose FIRST line is
exactly one of

    // Bad example (<family>)
    // Good example (<family>)

where <family> names the API family whose real headers the example includes:
libcurl, grpc, boost, httplib, hiredis, libpq, libpqxx, zmq, cppzmq, or plain
(no network library). Each block is a complete translation unit: its own
#includes, declarations and function bodies; it is compiled as C++17 with the
family's flags from test/CMakeLists.txt (gRPC examples include our test stubs,
e.g. #include "inventory.grpc.pb.h", generated from test/proto/inventory.proto).
fallacy-lint's own header, #include <fallacy/annotations.h>, resolves in every
family (the test passes -I<repo>/include with --extra-arg).

In a bad example, every line that must be flagged carries a trailing comment

    curl_easy_perform(H); // warning: 'curl_easy_perform' can wait forever...

The check of the page must warn on exactly those lines and nowhere else. The
text after `warning:` must appear in the real message (a trailing `...` marks
an abbreviation; an empty text accepts any message). A good example must get
no warning at all. The same marker serves a check whose default severity is
`note`: its findings are the note lines that carry the [check-id] tag. Any compiler error fails the test. Every page needs at least
one bad and one good example; ```cpp blocks without the marker line (fragments,
configuration snippets) are not compiled.

Failures are one line each on stderr: `docs/checks/<id>.md:<line>: <what is wrong>`.
"""
import argparse
import collections
import glob
import os
import re
import shlex
import subprocess
import sys

MARKER = re.compile(r"^//\s*(Bad|Good) example \(([a-z0-9]+)\)\s*$")
EXPECT = re.compile(r"//\s*warning:\s*(.*?)\s*$")
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|fatal error|note): (.*?)(?: \[([^\]]+)\])?$")
FAMILIES = ("libcurl", "grpc", "boost", "httplib", "hiredis", "libpq", "libpqxx", "zmq",
            "cppzmq", "plain")

Block = collections.namedtuple("Block", "page check kind family md_line lines expected path")


def extract_blocks(path, page, problems):
    """The marked ```cpp blocks of the docs page at path (page: its name in messages)."""
    check = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        text = f.read().split("\n")
    blocks, i = [], 0
    while i < len(text):
        if not re.match(r"^\s*```(cpp|c\+\+)\s*$", text[i]):
            i += 1
            continue
        start = i + 1
        j = start
        while j < len(text) and not text[j].strip().startswith("```"):
            j += 1
        if j == len(text):
            problems.append(f"{page}:{i + 1}: unterminated ```cpp block")
            break
        body = text[start:j]
        m = MARKER.match(body[0].strip()) if body else None
        if body and body[0].strip().startswith("//") and "example" in body[0].lower() and not m:
            problems.append(f"{page}:{start + 1}: marker line must be `// Bad example (<family>)` "
                            f"or `// Good example (<family>)`, found {body[0].strip()!r}")
        if m:
            kind, family = m.group(1).lower(), m.group(2)
            expected = {}
            for n, line in enumerate(body, 1):
                e = EXPECT.search(line)
                if e:
                    expected[n] = re.sub(r"(\.\.\.|…)$", "", e.group(1)).strip()
            blocks.append(Block(page, check, kind, family, start + 1, body, expected, None))
        i = j + 1
    return blocks


def parse_diagnostics(output):
    """{basename: [(line, severity, message, check)]} from fallacy-lint's text output."""
    found = collections.defaultdict(list)
    for line in output.splitlines():
        m = DIAG.match(line)
        # A check whose severity is `note` reports at note level; its finding
        # carries the [check-id] tag, the notes attached to a finding do not.
        if m and not (m.group(4) == "note" and not m.group(6)):
            level = "warning" if m.group(4) == "note" else m.group(4)
            found[os.path.basename(m.group(1))].append(
                (int(m.group(2)), level, m.group(5), m.group(6) or ""))
    return found


def run_group(args, check, family, blocks, problems):
    flags = ["-std=c++17"] + args.extra_arg + shlex.split(args.families.get(family, ""))
    cmd = [args.fallacy_lint, f"--checks=-*,{check}", "--color=never", "--format=text"]
    cmd += [b.path for b in blocks] + ["--"] + flags
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    if result.returncode not in (0, 1, 3):
        problems.append(f"{blocks[0].page}: fallacy-lint exited with {result.returncode} on the "
                        f"{family} examples: {' '.join(shlex.quote(c) for c in cmd)}\n"
                        f"{result.stdout}")
        return
    diags = parse_diagnostics(result.stdout)
    attributed = False
    for b in blocks:
        where = f"{b.page}:{b.md_line}"
        mine = diags.get(os.path.basename(b.path), [])
        errors = [d for d in mine if d[1] != "warning"]
        if errors:
            attributed = True
            problems.append(f"{b.page}:{b.md_line + errors[0][0] - 1}: the {b.kind} example "
                            f"({family}) does not compile: {errors[0][2]}")
            continue
        warned = collections.defaultdict(list)
        for line, _, message, who in mine:
            warned[line].append((message, who))
        for line, hits in sorted(warned.items()):
            md = b.md_line + line - 1
            for message, who in hits:
                if who.split(",")[0] != check:
                    problems.append(f"{b.page}:{md}: unexpected warning from {who or 'the compiler'}"
                                    f" in the {b.kind} example: {message}")
                elif line not in b.expected:
                    what = "a good example must not warn" if b.kind == "good" else \
                        "no `// warning:` comment on this line"
                    problems.append(f"{b.page}:{md}: {check} warns here, but {what}: {message}")
                elif b.expected[line] and b.expected[line] not in message:
                    problems.append(f"{b.page}:{md}: the comment expects "
                                    f"{b.expected[line]!r} but the message is {message!r}")
        if b.kind == "good" and b.expected:
            problems.append(f"{where}: a good example has `// warning:` comments")
        for line in sorted(b.expected):
            if b.kind == "bad" and not any(who.split(",")[0] == check
                                           for _, who in warned.get(line, [])):
                problems.append(f"{b.page}:{b.md_line + line - 1}: {check} does not warn on "
                                f"this line of the bad example")
    if result.returncode == 3 and not attributed:
        tail = "\n".join(result.stdout.strip().splitlines()[-10:])
        problems.append(f"{blocks[0].page}: fallacy-lint could not analyse a {family} example "
                        f"(exit 3):\n{tail}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fallacy-lint", required=True)
    p.add_argument("--docs-dir", required=True)
    p.add_argument("--work-dir", required=True)
    p.add_argument("--family", action="append", default=[], help="NAME=CFLAGS of an available family")
    p.add_argument("--extra-arg", action="append", default=[],
                   help="a compiler flag for every example (e.g. -I<repo>/include)")
    p.add_argument("pages", nargs="*")
    args = p.parse_args()
    args.families = {"plain": ""}
    for spec in args.family:
        name, _, flags = spec.partition("=")
        args.families[name] = flags

    root = os.path.dirname(os.path.dirname(os.path.abspath(args.docs_dir)))
    pages = args.pages or sorted(glob.glob(os.path.join(args.docs_dir, "*.md")))
    pages = [p for p in pages if os.path.basename(p).lower() not in ("readme.md", "index.md")]
    problems = []
    if not pages:
        print(f"{args.docs_dir}: no docs pages to check", file=sys.stderr)
        return 1
    os.makedirs(args.work_dir, exist_ok=True)
    groups = collections.defaultdict(list)
    counted = 0
    for page in pages:
        rel = os.path.relpath(page, root)
        blocks = extract_blocks(page, rel, problems)
        kinds = {b.kind for b in blocks}
        for kind in ("bad", "good"):
            if kind not in kinds:
                problems.append(f"{rel}: no `// {kind.capitalize()} example (<family>)` block")
        for n, b in enumerate(blocks):
            if b.family not in FAMILIES:
                problems.append(f"{rel}:{b.md_line}: unknown family {b.family!r} "
                                f"(one of {', '.join(FAMILIES)})")
                continue
            if b.kind == "bad" and not b.expected:
                problems.append(f"{rel}:{b.md_line}: a bad example needs a `// warning:` comment "
                                f"on each line that must be flagged")
            if b.family not in args.families:
                print(f"{rel}:{b.md_line}: skipped, {b.family} headers are not installed")
                continue
            path = os.path.join(args.work_dir, f"{b.check}-{n + 1}-{b.kind}-{b.family}.cpp")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(b.lines) + "\n")
            groups[(b.check, b.family)].append(b._replace(path=path))
            counted += 1
    for (check, family), blocks in sorted(groups.items()):
        run_group(args, check, family, blocks, problems)

    # Problems go to stderr, so lit shows them as they are even when stdout is piped.
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in the docs examples", file=sys.stderr)
        return 1
    print(f"{counted} docs example(s) in {len(pages)} page(s) behave as documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
