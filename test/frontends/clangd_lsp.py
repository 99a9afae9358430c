#!/usr/bin/env python3
# test/frontends/clangd_lsp.py: a minimal LSP client that drives fallacy-clangd through one exchange.
"""Usage:
  clangd_lsp.py --clangd=BIN --workspace=DIR --source=FILE --check=ID
                [--fast-check-filter=none|loose|default] [--expect=present|absent]
                [--expect-fix=TEXT] [--control-check=ID] [--timeout=SECONDS]
                [-- <compiler args>]

Creates DIR with a copy of FILE, a compile_commands.json (the compiler args
after `--`) and a .clangd file enabling `fallacy-*`, then talks LSP to the
server over stdio: initialize, initialized, didOpen, and waits for
textDocument/publishDiagnostics.

--expect=present (default): a diagnostic whose code is ID must be published,
  at the start of a call; no error diagnostics may be published (an error
  usually means a header did not resolve). Then textDocument/codeAction for
  that diagnostic must offer a quick fix with a workspace edit for the file;
  the edit is applied and the changed file printed as `fixed| <line>` lines.
  With --expect-fix, the edit's new text must contain TEXT.
--expect=absent: diagnostics are published for the file and none is ID
  (used with --fast-check-filter=default to pin clangd's fast-check filter).
  --control-check adds a clang-tidy check on clangd's fast list to .clangd; its
  diagnostic must be published, which proves clang-tidy did run on the file.

Always ends with shutdown/exit. Every failure is one clear line on stderr,
followed by the diagnostics seen and the tail of clangd's log.
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request


class LspError(Exception):
    pass


class Server:
    """A language server process spoken to over stdio with Content-Length framing."""

    def __init__(self, cmd, cwd, env, log_path):
        self.log = open(log_path, "wb")
        self.log_path = log_path
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log)
        self.inbox = queue.Queue()
        self.next_id = 1
        self.notifications = []
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.decode("ascii", "replace").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers.get("content-length", "0")))
            try:
                self.inbox.put(json.loads(body.decode("utf-8")))
            except ValueError:
                self.inbox.put({"unparsable": body.decode("utf-8", "replace")})

    def _send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        try:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise LspError(f"clangd exited (code {self.proc.poll()}) before "
                           f"'{message.get('method', 'a reply')}' could be sent")

    def notify(self, method, params):
        self._send({"method": method, "params": params})

    def request(self, method, params, timeout):
        rid = self.next_id
        self.next_id += 1
        self._send({"id": rid, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout,
                          f"a reply to '{method}'")
        if "error" in reply:
            raise LspError(f"'{method}' failed: {json.dumps(reply['error'])}")
        return reply.get("result")

    def wait(self, predicate, timeout, what):
        """Returns the first message matching predicate; answers server requests meanwhile."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LspError(f"timed out after {timeout:.0f}s waiting for {what}")
            try:
                msg = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if msg is None:
                raise LspError(f"clangd exited (code {self.proc.wait()}) while waiting for {what}")
            if "method" in msg and "id" in msg:
                # workspace/configuration, window/workDoneProgress/create, ...: accept quietly.
                self._send({"id": msg["id"], "result": None})
                continue
            if "method" in msg:
                self.notifications.append(msg)
            if predicate(msg):
                return msg

    def close(self, timeout):
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout)
                self.notify("exit", None)
                self.proc.wait(timeout=timeout)
        except (LspError, subprocess.TimeoutExpired) as e:
            self.proc.kill()
            self.proc.wait()
            raise LspError(f"clangd did not shut down cleanly: {e}")
        finally:
            self.log.close()
        if self.proc.returncode != 0:
            raise LspError(f"clangd exited with code {self.proc.returncode} after shutdown/exit")

    def log_tail(self, lines=30):
        self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:])


def file_uri(path):
    return "file://" + urllib.request.pathname2url(os.path.abspath(path))


def uri_path(uri):
    return urllib.parse.unquote(urllib.parse.urlparse(uri).path)


def make_workspace(args, compile_args):
    ws = os.path.abspath(args.workspace)
    shutil.rmtree(ws, ignore_errors=True)
    os.makedirs(os.path.join(ws, "xdg"))
    source = os.path.join(ws, os.path.basename(args.source))
    shutil.copyfile(args.source, source)
    entry = {"directory": ws, "file": source,
             "arguments": ["clang++"] + compile_args + ["-c", source]}
    with open(os.path.join(ws, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump([entry], f, indent=2)
    checks = ["fallacy-*"] + ([args.control_check] if args.control_check else [])
    lines = ["Diagnostics:", "  ClangTidy:", f"    Add: [{', '.join(checks)}]"]
    if args.fast_check_filter != "default":
        lines.append(f"    FastCheckFilter: {args.fast_check_filter.capitalize()}")
    # Indexing the standard library is of no use here and keeps clangd busy after exit.
    lines += ["Index:", "  StandardLibrary: No"]
    with open(os.path.join(ws, ".clangd"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return ws, source


def describe(diags, text_lines):
    out = []
    for d in diags:
        start = d["range"]["start"]
        line = text_lines[start["line"]].strip() if start["line"] < len(text_lines) else "?"
        out.append(f"  {start['line'] + 1}:{start['character'] + 1} severity={d.get('severity')} "
                   f"code={d.get('code')} source={d.get('source')}: {d.get('message')}  [{line}]")
    return "\n".join(out) or "  (none)"


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 columns; the inputs are ASCII) to text."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(pos):
        return offsets[pos["line"]] + pos["character"]

    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        text = text[:offset(e["range"]["start"])] + e["newText"] + text[offset(e["range"]["end"]):]
    return text


def edits_for(action, uri):
    edit = action.get("edit") or {}
    edits = list((edit.get("changes") or {}).get(uri, []))
    for change in edit.get("documentChanges") or []:
        if change.get("textDocument", {}).get("uri") == uri:
            edits.extend(change.get("edits", []))
    return edits


def check_quick_fix(server, args, uri, text, diag):
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": diag["range"],
        "context": {"diagnostics": [diag]},
    }, args.timeout) or []
    print(f"code actions offered: {len(actions)}")
    for a in actions:
        print(f"  action: kind={a.get('kind')} title={a.get('title')!r}")
    fixes = [a for a in actions if a.get("kind") == "quickfix" and edits_for(a, uri)]
    if not fixes:
        raise LspError(f"no quick fix with a workspace edit for {args.check} was offered "
                       f"(got {len(actions)} code action(s): "
                       f"{[a.get('title') for a in actions]})")
    edits = edits_for(fixes[0], uri)
    new_text = "".join(e["newText"] for e in edits)
    if args.expect_fix and args.expect_fix not in new_text:
        raise LspError(f"the quick fix '{fixes[0].get('title')}' inserts {new_text!r}, "
                       f"which does not contain {args.expect_fix!r}")
    for line in apply_edits(text, edits).split("\n"):
        print(f"fixed| {line}")


def run(args, compile_args):
    ws, source = make_workspace(args, compile_args)
    uri = file_uri(source)
    with open(source, encoding="utf-8") as f:
        text = f.read()
    text_lines = text.split("\n")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(ws, "xdg"))
    cmd = [os.path.abspath(args.clangd), "--background-index=false", "--clang-tidy", "--log=info",
           "--pch-storage=memory"]
    server = Server(cmd, ws, env, os.path.join(ws, "clangd.log"))
    published = []
    try:
        server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": file_uri(ws),
            "capabilities": {
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True},
                    "codeAction": {"codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": ["quickfix", "refactor", "source"]}}},
                },
                "workspace": {"workspaceEdit": {"documentChanges": False}},
            },
        }, args.timeout)
        server.notify("initialized", {})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})

        def is_ours(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri)

        msg = server.wait(is_ours, args.timeout, f"textDocument/publishDiagnostics for {source}")
        published = msg["params"]["diagnostics"]
        if args.expect == "absent":
            # A second publish could still carry the check; give it a moment.
            try:
                msg = server.wait(is_ours, 3, "a second publishDiagnostics")
                published = msg["params"]["diagnostics"]
            except LspError:
                pass
        ours = [d for d in published if d.get("code") == args.check]
        errors = [d for d in published if d.get("severity") == 1]
        print("diagnostics published:")
        print(describe(published, text_lines))

        if args.control_check and not any(d.get("code") == args.control_check
                                           for d in published):
            raise LspError(f"the control check {args.control_check} reported nothing, so "
                           f"clang-tidy may not have run at all")
        if args.expect == "absent":
            if ours:
                raise LspError(f"{args.check} was reported although the test expects clangd "
                               f"to skip it")
            print(f"no {args.check} diagnostic, as expected")
        else:
            if errors:
                raise LspError("clangd reported errors for the input (a header that does not "
                               "resolve, such as a wrong resource directory?)")
            if not ours:
                raise LspError(f"publishDiagnostics for {source} has no diagnostic with "
                               f"code {args.check}")
            start = ours[0]["range"]["start"]
            print(f"{args.check} at {start['line'] + 1}:{start['character'] + 1}: "
                  f"{text_lines[start['line']].strip()}")
            print(f"message: {ours[0].get('message')}")
            check_quick_fix(server, args, uri, text, ours[0])
    except LspError as e:
        sys.stderr.write(f"error: {e}\n")
        sys.stderr.write(f"diagnostics seen:\n{describe(published, text_lines)}\n")
        sys.stderr.write(f"last lines of {server.log_path}:\n{server.log_tail()}\n")
        try:
            server.close(5)
        except LspError:
            pass
        return 1
    try:
        server.close(args.timeout)
    except LspError as e:
        sys.stderr.write(f"error: {e}\n{server.log_tail()}\n")
        return 1
    return 0


def main():
    argv = sys.argv[1:]
    compile_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, compile_args = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clangd", required=True)
    p.add_argument("--workspace", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--check", required=True)
    p.add_argument("--fast-check-filter", choices=["none", "loose", "default"], default="none")
    p.add_argument("--expect", choices=["present", "absent"], default="present")
    p.add_argument("--expect-fix", default="")
    p.add_argument("--control-check", default="")
    p.add_argument("--timeout", type=float, default=120)
    args = p.parse_args(argv)
    if not os.access(args.clangd, os.X_OK):
        sys.exit(f"error: {args.clangd} is not an executable (build fallacy-clangd first)")
    sys.exit(run(args, compile_args))


if __name__ == "__main__":
    main()
