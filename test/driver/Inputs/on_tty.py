#!/usr/bin/env python3
# test/driver/Inputs/on_tty.py: runs a command with its stdout on a pseudo-terminal and prints what it wrote.
"""Usage: on_tty.py [--stderr] COMMAND [ARGS...]

For tests of behaviour that depends on stdout (and with --stderr, stderr
too) being a terminal: --color=auto, the progress line. Exits 0 whatever the
command's exit code; the output is what matters.
"""
import os
import pty
import subprocess
import sys


def main():
    args = sys.argv[1:]
    both = args[:1] == ["--stderr"]
    if both:
        args = args[1:]
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdout=slave, stderr=slave if both else subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO once the command has exited and closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    sys.stdout.write(b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"))


if __name__ == "__main__":
    main()
