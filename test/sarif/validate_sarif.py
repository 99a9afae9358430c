#!/usr/bin/env python3
# test/sarif/validate_sarif.py: validates SARIF logs with the SARIF Multitool and GitHub's ingestion rules.
"""Usage: validate_sarif.py [--multitool PATH] [--policy PATH] [--keep DIR] <file.sarif>...

Runs `validate --rule-kind "Ghas;Sarif"` with the policy that turns GitHub's
rules GH1001-GH1007 on, then reads the validator's own output log. The
Multitool exits 0 whatever it finds, even on invalid JSON, so this script is
what fails: on any result of level error or warning, on any error in the
validator's notifications (it reports a crash on a log it cannot handle
there), and on a missing or unparseable output log. Every problem is printed.

The Multitool is found, in order: --multitool, $FALLACY_SARIF_MULTITOOL, then
tools/node_modules/ of the repository holding this script (scripts/install-deps.sh
installs it there). Exit status: 0 valid, 1 problems found, 2 cannot validate.
"""
import argparse
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FAILING_LEVELS = ("error", "warning")


def native_multitool(path):
    """The native executable behind an npm wrapper, or None.

    The npm package's bin.js re-runs the tool through a shell, which splits
    arguments such as "Ghas;Sarif" at the semicolon, so the native binary is
    preferred when it can be found next to the wrapper.
    """
    real = os.path.realpath(path)
    if not real.endswith(".js"):
        return real
    system = {"Linux": "linux", "Darwin": "darwin", "Windows": "win32"}.get(platform.system(), "")
    package_dir = os.path.dirname(os.path.dirname(real))  # node_modules/@microsoft
    for name in (f"sarif-multitool-{system}", os.path.basename(os.path.dirname(real))):
        for exe in ("Sarif.Multitool", "Sarif.Multitool.exe"):
            candidate = os.path.join(package_dir, name, exe)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    return None


def find_multitool(explicit):
    candidates = [explicit, os.environ.get("FALLACY_SARIF_MULTITOOL")]
    bin_dir = os.path.join(REPO, "tools", "node_modules", ".bin")
    candidates += [os.path.join(bin_dir, n) for n in ("sarif", "sarif-multitool")]
    for c in candidates:
        if c and os.path.exists(c):
            native = native_multitool(c)
            # Through the npm wrapper, every argument is quoted for its shell.
            return (native, False) if native else (os.path.realpath(c), True)
    return None, False


def message_text(message, rule):
    """The text of a SARIF message, formatting {0}, {1}... from the rule's message strings."""
    if not isinstance(message, dict):
        return str(message)
    if "text" in message:
        return message["text"]
    template = ((rule or {}).get("messageStrings") or {}).get(message.get("id"), {}).get("text")
    if template is None:
        return json.dumps(message)
    args = message.get("arguments") or []
    return re.sub(r"\{(\d+)\}",
                  lambda m: args[int(m.group(1))] if int(m.group(1)) < len(args) else m.group(0),
                  template)


def problems_in(output_log):
    """Every error or warning the validator reported, one line each."""
    problems = []
    for run in output_log.get("runs") or []:
        rules = {r.get("id"): r for r in (run.get("tool", {}).get("driver", {}).get("rules") or [])}
        for result in run.get("results") or []:
            rule_id = result.get("ruleId", "?")
            # SARIF's default level is warning when a result names none.
            level = result.get("level", "warning")
            if level not in FAILING_LEVELS:
                continue
            where = ""
            for loc in result.get("locations") or []:
                region = loc.get("physicalLocation", {}).get("region", {})
                if "startLine" in region:
                    where = f" (line {region['startLine']})"
            problems.append(f"{level} {rule_id}{where}: "
                            f"{message_text(result.get('message'), rules.get(rule_id))}")
        for inv in run.get("invocations") or []:
            notes = (inv.get("toolExecutionNotifications") or []) + \
                    (inv.get("toolConfigurationNotifications") or [])
            for n in notes:
                if n.get("level", "warning") in FAILING_LEVELS:
                    text = message_text(n.get("message"), None).splitlines()
                    rule = n.get("descriptor", {}).get("id", "notification")
                    problems.append(f"{n.get('level', 'warning')} {rule}: {text[0] if text else ''}")
    return problems


def validate(multitool, via_shell, policy, sarif, out_path):
    """Problems with one SARIF file; raises RuntimeError when it cannot be validated."""
    try:
        with open(sarif, encoding="utf-8") as f:
            json.load(f)
    except (OSError, ValueError) as e:
        # The Multitool would say nothing useful about unreadable JSON.
        return [f"error: not a readable JSON file: {e}"]
    args = ["validate", sarif, "--rule-kind", "Ghas;Sarif", "-c", policy,
            "-o", out_path, "--log", "ForceOverwrite"]
    if via_shell:
        args = [shlex.quote(a) for a in args]
    if os.path.exists(out_path):
        os.remove(out_path)
    proc = subprocess.run([multitool] + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    try:
        with open(out_path, encoding="utf-8-sig") as f:
            output_log = json.load(f)
    except (OSError, ValueError) as e:
        raise RuntimeError(f"the Multitool wrote no readable output log ({e}); "
                           f"exit status {proc.returncode}, output:\n{proc.stdout}")
    problems = problems_in(output_log)
    if proc.returncode != 0:
        # Its console output ends in .NET stack traces; the head says what happened.
        head = [l for l in proc.stdout.splitlines() if l.strip() and not l.startswith("   at ")]
        problems.append(f"error: the Multitool exited with status {proc.returncode}: "
                        + " | ".join(head[:4]))
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--multitool", help="path of the SARIF Multitool (sarif, sarif-multitool or Sarif.Multitool)")
    p.add_argument("--policy", default=os.path.join(HERE, "github-policy.xml"))
    p.add_argument("--keep", help="directory to keep the validator's output logs in")
    p.add_argument("files", nargs="+")
    args = p.parse_args()

    multitool, via_shell = find_multitool(args.multitool)
    if not multitool:
        print("validate_sarif: cannot find the SARIF Multitool; run scripts/install-deps.sh "
              "or pass --multitool", file=sys.stderr)
        return 2
    if not os.path.isfile(args.policy):
        print(f"validate_sarif: {args.policy}: policy file not found", file=sys.stderr)
        return 2

    failed = False
    with tempfile.TemporaryDirectory(prefix="validate-sarif-") as tmp:
        out_dir = args.keep or tmp
        for i, sarif in enumerate(args.files):
            out_path = os.path.join(out_dir, f"validation-{i}-{os.path.basename(sarif)}")
            try:
                problems = validate(multitool, via_shell, args.policy, os.path.abspath(sarif),
                                    out_path)
            except RuntimeError as e:
                print(f"{sarif}: cannot validate: {e}", file=sys.stderr)
                return 2
            for problem in problems:
                print(f"{sarif}: {problem}")
            if problems:
                failed = True
            else:
                print(f"{sarif}: valid (SARIF Multitool, rule kinds Ghas;Sarif, GitHub policy)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
