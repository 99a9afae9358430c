#!/usr/bin/env python3
# bench/realworld/extract.py: writes one commit of a fetched bare git directory into a folder.
#
# Usage: extract.py GIT_DIR COMMIT DEST
#
# Snapshots brought by the search tool's `fetch` lack files of 4 MiB and more, so
# `git archive` stops at the first missing blob. This writes every blob that is
# present, skips the missing ones (named on stderr: they are documentation and data
# files, never sources a unit needs; setup.sh fails later if one is), and keeps
# modes and symlinks. DEST must not exist: a project is recreated, never patched.
import os
import subprocess
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: extract.py GIT_DIR COMMIT DEST")
    git_dir, commit, dest = sys.argv[1:]
    if os.path.exists(dest):
        sys.exit(f"extract.py: {dest} already exists; remove it to recreate the project")
    git = ["git", f"--git-dir={git_dir}"]
    try:
        tree = subprocess.run(git + ["ls-tree", "-r", "-z", "--full-tree", commit],
                              check=True, capture_output=True).stdout
    except subprocess.CalledProcessError as e:
        sys.exit(f"extract.py: {git_dir}: cannot list {commit}: {e.stderr.decode().strip()}")
    entries = []
    for rec in tree.split(b"\0"):
        if not rec:
            continue
        meta, path = rec.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind != b"blob":  # submodules (commit entries) are not in the snapshot
            continue
        entries.append((mode.decode(), sha.decode(), path.decode()))
    tmp = dest + ".part"
    if os.path.exists(tmp):
        subprocess.run(["rm", "-rf", tmp], check=True)
    os.makedirs(tmp)
    cat = subprocess.Popen(git + ["cat-file", "--batch"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE)
    skipped = []
    for mode, sha, path in entries:
        cat.stdin.write(sha.encode() + b"\n")
        cat.stdin.flush()
        header = cat.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            skipped.append(path)
            continue
        data = cat.stdout.read(int(header[2]))
        cat.stdout.read(1)  # the newline after each object
        out = os.path.join(tmp, path)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if mode == "120000":
            os.symlink(data.decode(), out)
            continue
        with open(out, "wb") as f:
            f.write(data)
        if mode == "100755":
            os.chmod(out, 0o755)
    cat.stdin.close()
    cat.wait()
    os.rename(tmp, dest)
    for path in skipped:
        print(f"extract.py: {dest}: {path} is not in the snapshot (skipped)", file=sys.stderr)
    print(f"extract.py: {dest}: {len(entries) - len(skipped)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
