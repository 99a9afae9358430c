#!/usr/bin/env bash
# scripts/run-example.sh: builds fallacy-lint, then analyses the example service in examples/.
#
# Prints the findings as text and writes examples/fallacy-lint.sarif next to the
# project. Exits 0 when the analysis ran (the example has findings on purpose),
# and non-zero on a usage error or a translation unit that could not be analysed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FALLACY_BUILD_DIR:-$root/build}
examples=$root/examples
ex_build=$examples/build
sarif=$examples/fallacy-lint.sarif

if [[ ! -f $examples/CMakeLists.txt ]]; then
  echo "run-example.sh: $examples/CMakeLists.txt not found" >&2
  exit 2
fi

"$root/scripts/build.sh" fallacy-lint

# The example is configured, not built: compile_commands.json is all fallacy-lint
# needs, plus any sources the build generates (gRPC stubs), which are made here.
mkdir -p "$ex_build"
cmake -S "$examples" -B "$ex_build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$ex_build/configure.log" 2>&1 || {
  cat "$ex_build/configure.log" >&2
  echo "run-example.sh: configuring $examples failed (log above)" >&2
  exit 1
}
mapfile -t generated < <(ninja -C "$ex_build" -t targets all |
  sed -n 's/^\(.*\.\(h\|hh\|hpp\|c\|cc\|cpp\)\): CUSTOM_COMMAND$/\1/p')
if ((${#generated[@]})); then
  ninja -C "$ex_build" "${generated[@]}"
fi

lint=$build/bin/fallacy-lint
# Findings are the point of the example: exit 1 (findings reported) is success here.
run() {
  local rc=0
  (cd "$root" && "$lint" -p "$ex_build" "$@") || rc=$?
  if ((rc > 1)); then
    echo "run-example.sh: fallacy-lint $* exited with $rc" >&2
    exit "$rc"
  fi
}
# The service's own sources; the generated gRPC code is not ours to review.
mapfile -t sources < <(cd "$root" && ls examples/src/*.cpp)
run --format=text "${sources[@]}"
run --quiet --format=sarif -o "$sarif" "${sources[@]}"
echo "run-example.sh: SARIF written to ${sarif#"$root"/}" >&2
