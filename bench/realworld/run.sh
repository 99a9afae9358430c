#!/usr/bin/env bash
# bench/realworld/run.sh: runs fallacy-lint over every project that setup.sh recreated, and times it.
#
# Usage: bench/realworld/run.sh DEST [OUT] [project...]
#   DEST  what setup.sh made;  OUT  where results go (default: DEST/results)
# Environment: FALLACY_LINT (default: build/bin/fallacy-lint of this checkout), JOBS (default:
# the core count), FALLACY_ARGS (extra arguments, e.g. --checks=... to measure one check).
#
# Per project: OUT/<name>.sarif, OUT/<name>.log (fallacy-lint's stderr) and a line of
# OUT/times.tsv: units, fallacy-lint's wall time, clang++-19 -fsyntax-only's wall time over the
# same units at the same parallelism, their ratio, and fallacy-lint's exit status. The project's
# own .clang-tidy files are read as a user's would be; its headers are reported (the header
# filter is the project's root) and paths in the SARIF are relative to that root.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -ge 1 ]] || { echo "usage: run.sh DEST [OUT] [project...]" >&2; exit 2; }
DEST=$(cd "$1" && pwd) || exit 2
OUT=${2:-$DEST/results}
shift $(($# >= 2 ? 2 : 1))
mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)
lint=${FALLACY_LINT:-$here/../../build/bin/fallacy-lint}
jobs=${JOBS:-$(nproc)}
[[ -x $lint ]] || { echo "run.sh: $lint is not built (scripts/build.sh fallacy-lint)" >&2; exit 2; }
read -ra extra <<<"${FALLACY_ARGS:-}"

mapfile -t names < <(grep -v '^#' "$here/projects.tsv" | grep -v '^[[:space:]]*$' | cut -f1)
if (($#)); then names=("$@"); fi

times=$OUT/times.tsv
printf 'project\tunits\tfallacy_s\tparse_s\tratio\texit\n' >"$times.tmp"
status=0
for name in "${names[@]}"; do
  db=$DEST/db/$name
  if [[ ! -f $db/compile_commands.json ]]; then
    echo "run.sh: $name: not set up ($db/compile_commands.json missing; run setup.sh)" >&2
    printf '%s\t0\t-\t-\t-\tnot-set-up\n' "$name" >>"$times.tmp"
    status=1
    continue
  fi
  units=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$db/compile_commands.json")
  src=$DEST/src/$name
  start=$(date +%s%N)
  # Exit 1 means findings, 3 units that could not be analysed (named in the SARIF), 2 a usage
  # or configuration error (then there may be no SARIF at all); score.py reports each.
  (cd "$src" && "$lint" -p "$db" --format=sarif -o "$OUT/$name.sarif" --quiet -j "$jobs" \
    --source-root="$src" --header-filter="^$src/" "${extra[@]}") 2>"$OUT/$name.log"
  rc=$?
  end=$(date +%s%N)
  parse=$("$here/units.py" parse-time "$db/compile_commands.json" -j "$jobs")
  read -r lint_s ratio < <(python3 -c 'import sys; s = (int(sys.argv[2]) - int(sys.argv[1])) / 1e9
print(f"{s:.1f} {s / max(float(sys.argv[3]), 0.1):.2f}")' "$start" "$end" "$parse")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$units" "$lint_s" "$parse" "$ratio" "$rc" >>"$times.tmp"
  echo "run.sh: $name: $units units, fallacy-lint ${lint_s}s (exit $rc), parse ${parse}s" >&2
  ((rc == 2)) && { sed 's/^/  /' "$OUT/$name.log" | head -5 >&2; status=1; }
done
mv "$times.tmp" "$times"
echo "run.sh: results in $OUT" >&2
exit $status
