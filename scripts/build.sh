#!/usr/bin/env bash
# scripts/build.sh: installs missing dependencies, configures build/ and builds every target.
#
# Usage: scripts/build.sh [ninja targets...]   (default: everything)
# Environment: FALLACY_BUILD_DIR (default: build/), FALLACY_BUILD_TYPE (default: RelWithDebInfo).
# Works as root or as a user with sudo (only scripts/install-deps.sh needs it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FALLACY_BUILD_DIR:-$root/build}
build_type=${FALLACY_BUILD_TYPE:-RelWithDebInfo}

"$root/scripts/install-deps.sh"

start=$SECONDS
mkdir -p "$build"
# Configuring an existing build directory again is cheap and picks up new files.
cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE="$build_type" \
  -DFALLACY_REQUIRE_ALL_FAMILIES=ON \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2
  echo "build.sh: configuring $build failed (log above)" >&2
  exit 1
}
ninja -C "$build" "$@"
echo "build.sh: $build is up to date ($((SECONDS - start))s)" >&2
