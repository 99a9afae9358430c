#!/usr/bin/env bash
# scripts/test.sh: builds everything (scripts/build.sh) and runs the whole test suite.
#
# Fails on any failing lit test or unit test. Environment as for scripts/build.sh;
# LIT_OPTS passes extra options to lit (for example LIT_OPTS=--filter=frontends).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FALLACY_BUILD_DIR:-$root/build}

start=$SECONDS
"$root/scripts/build.sh"
built=$SECONDS
ninja -C "$build" check
echo "test.sh: build $((built - start))s, tests $((SECONDS - built))s, total $((SECONDS - start))s" >&2
