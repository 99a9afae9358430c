#!/usr/bin/env bash
# scripts/install-deps.sh: installs every build and test dependency on Debian 12 when missing.
set -euo pipefail

PKGS=(
  # toolchain and the clang-tidy/clangd libraries the checks are built on
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools clang-tidy-19 clangd-19
  cmake ninja-build python3 git pkg-config
  nlohmann-json3-dev libgtest-dev
  # network libraries whose real headers the tests parse
  libcurl4-openssl-dev libgrpc++-dev protobuf-compiler-grpc protobuf-compiler libprotobuf-dev
  libboost-dev libboost-system-dev libcpp-httplib-dev libhiredis-dev
  libpq-dev libpqxx-dev libzmq3-dev cppzmq-dev
  # the SARIF Multitool runs on Node.js
  nodejs npm
)

missing=()
for p in "${PKGS[@]}"; do
  # nodejs may come from NodeSource (which bundles npm); accept a working node+npm.
  if [[ $p == npm || $p == nodejs ]] && command -v node >/dev/null && command -v npm >/dev/null; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

SUDO=
[[ $(id -u) -ne 0 ]] && SUDO=sudo
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# SARIF Multitool, used by the test suite to validate SARIF with GitHub's ingestion rules.
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -d $here/tools/node_modules/@microsoft/sarif-multitool ]]; then
  echo "install-deps: installing @microsoft/sarif-multitool into tools/" >&2
  mkdir -p "$here/tools"
  (cd "$here/tools" && npm install --no-audit --no-fund --silent @microsoft/sarif-multitool >/dev/null)
fi
