#!/usr/bin/env python3
# test/driver/Inputs/interrupt.py: interrupts a fallacy-lint run and checks that it cleans up after itself.
"""Usage: interrupt.py SIGNAL TMPDIR REPORT COMMAND [ARGS...]

Starts COMMAND with TMPDIR as its temporary directory, waits until it has a
worker process, sends SIGNAL (INT or TERM) to it and checks that it exits
with 128 + the signal number, that its workers are gone, that TMPDIR is empty
and that REPORT still has the content it had before. Prints what it checked;
exits 1 on the first problem.
"""
import os
import signal
import subprocess
import sys
import time


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def fail(message):
    print("interrupt.py: " + message)
    sys.exit(1)


def main():
    sig = getattr(signal, "SIG" + sys.argv[1])
    tmpdir, report, command = sys.argv[2], sys.argv[3], sys.argv[4:]
    with open(report) as f:
        before = f.read()
    proc = subprocess.Popen(command, env=dict(os.environ, TMPDIR=tmpdir))
    deadline = time.time() + 30
    workers = []
    while not workers and time.time() < deadline and proc.poll() is None:
        time.sleep(0.1)
        workers = children(proc.pid)
    if not workers:
        fail("no worker process started")
    time.sleep(0.5)
    proc.send_signal(sig)
    try:
        rc = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("did not exit after the signal")
    if rc != 128 + sig:
        fail(f"exit code {rc}, expected {128 + sig}")
    print(f"exit code {rc}")
    time.sleep(0.2)
    if any(alive(w) for w in workers):
        fail(f"workers still running: {workers}")
    print("workers stopped")
    if os.listdir(tmpdir):
        fail(f"temporary files left: {os.listdir(tmpdir)}")
    print("no temporary files")
    with open(report) as f:
        if f.read() != before:
            fail("the report was overwritten")
    print("report untouched")


if __name__ == "__main__":
    main()
