#!/usr/bin/env bash
# bench/realworld/setup.sh: recreates the real-world projects at their pinned commits, with databases.
#
# Usage: bench/realworld/setup.sh DEST [project...]     (default: every project in projects.tsv)
# Environment: MIRROR, where `fetch` put the snapshots (default /work/.mirror; the snapshot of
# github:owner/name is $MIRROR/owner+name/repo).
#
# For each project: DEST/src/<name> (its sources at the pinned commit), DEST/build/<name> (its
# configured build, with generated sources such as protoc's), DEST/db/<name>/compile_commands.json
# (the units analysed: those the units column selects and clang 19 parses) and
# DEST/db/<name>/excluded.tsv (the units left out on purpose, with clang's error). A project that
# cannot be set up is named with the reason; the others are still set up; the exit status is 1.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -ge 1 ]] || { echo "usage: setup.sh DEST [project...]" >&2; exit 2; }
mkdir -p "$1" || exit 2
DEST=$(cd "$1" && pwd)
shift
MIRROR=${MIRROR:-/work/.mirror}
jobs=$(nproc)

# projects.tsv, without comments: name repo commit families kind units
mapfile -t rows < <(grep -v '^#' "$here/projects.tsv" | grep -v '^[[:space:]]*$')
want=("$@")
selected=()
for row in "${rows[@]}"; do
  IFS=$'\t' read -r name _ <<<"$row"
  if ((${#want[@]} == 0)) || [[ " ${want[*]} " == *" $name "* ]]; then selected+=("$row"); fi
done
((${#selected[@]})) || { echo "setup.sh: no project named ${want[*]} in projects.tsv" >&2; exit 2; }

snapshot() { echo "$MIRROR/${1/\//+}/repo"; }

# Sources at a commit; an existing tree at the same commit is kept (it holds nothing of ours).
extract() { # name repo commit
  local out=$DEST/src/$1 stamp=$DEST/src/.$1.commit git
  git=$(snapshot "$2")
  [[ -f $stamp && $(cat "$stamp") == "$3" && -d $out ]] && return 0
  [[ -d $git ]] || { echo "no snapshot at $git: fetch github:$2 with the search tool" >&2; return 1; }
  rm -rf "$out" "$stamp"
  "$here/extract.py" "$git" "$3" "$out" 2>"$DEST/src/.$1.extract.log" ||
    { cat "$DEST/src/.$1.extract.log" >&2; return 1; }
  echo "$3" >"$stamp"
}

# Helpers for the recipes (SRC, BUILD and DEST are set for them).
extract_extra() { extract "$@"; }
cmake_db() {
  cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "$@" >"$BUILD.configure.log" 2>&1 ||
    { tail -20 "$BUILD.configure.log" >&2; echo "cmake configure failed: $BUILD.configure.log" >&2; return 1; }
  # Sources and headers that the build generates (protoc's, configure_file's) are made now.
  local generated
  mapfile -t generated < <(ninja -C "$BUILD" -t targets all |
    sed -n 's/^\(.*\.\(h\|hh\|hpp\|inc\|c\|cc\|cpp\|cxx\)\): CUSTOM_COMMAND$/\1/p')
  if ((${#generated[@]})); then
    ninja -C "$BUILD" "${generated[@]}" >"$BUILD.generate.log" 2>&1 ||
      { tail -20 "$BUILD.generate.log" >&2; echo "generating sources failed: $BUILD.generate.log" >&2; return 1; }
  fi
}
gen_db() { "$here/gen_compdb.py" --root "$SRC" --out "$BUILD/compile_commands.json" "$@"; }

# Every recipe's Debian packages, installed once (as scripts/install-deps.sh does).
"$here/../../scripts/install-deps.sh" || exit 1
pkgs=()
for row in "${selected[@]}"; do
  IFS=$'\t' read -r name _ <<<"$row"
  packages=()
  # shellcheck source=/dev/null
  source "$here/recipes/$name.sh" || { echo "setup.sh: recipes/$name.sh is missing" >&2; exit 2; }
  pkgs+=("${packages[@]}")
done
missing=()
for p in $(printf '%s\n' "${pkgs[@]}" | sort -u); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  echo "setup.sh: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    { echo "setup.sh: could not install ${missing[*]}" >&2; exit 1; }
fi

failed=()
for row in "${selected[@]}"; do
  IFS=$'\t' read -r name repo commit families kind units <<<"$row"
  echo "setup.sh: $name ($repo at ${commit:0:12})" >&2
  SRC=$DEST/src/$name BUILD=$DEST/build/$name
  mkdir -p "$DEST/src" "$DEST/build" "$DEST/db"
  unset -f configure
  source "$here/recipes/$name.sh"
  if ! extract "$name" "$repo" "$commit"; then failed+=("$name: sources"); continue; fi
  rm -rf "$BUILD"
  mkdir -p "$BUILD"
  if ! configure; then failed+=("$name: configure"); continue; fi
  if ! "$here/units.py" select "$BUILD/compile_commands.json" "$SRC" "$units" "$DEST/db/$name" -j "$jobs"; then
    failed+=("$name: units")
    continue
  fi
  while IFS=$'\t' read -r unit reason; do
    echo "  left out: $unit: $reason" >&2
  done <"$DEST/db/$name/excluded.tsv"
done

if ((${#failed[@]})); then
  printf 'setup.sh: not set up: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "setup.sh: ${#selected[@]} projects in $DEST" >&2
