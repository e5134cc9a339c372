#!/usr/bin/env bash
# Installs everything the build, the server and the tests need on a Debian 12 machine that has only
# the base image. Idempotent: when every package is present it only checks (well under a second),
# so `make run` and `make test` can call it every time.
#   tools/bootstrap.sh          install what is missing (apt packages, then npm ci in web/)
#   tools/bootstrap.sh --check  exit 1 if something is missing, install nothing
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep in sync with docs/stack notes in README.md. Debian packages only.
apt_packages=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache make git clang-format clang-tidy
  # clang's libFuzzer for the fuzz targets in tests/fuzz (g++ has none)
  clang libclang-rt-14-dev
  # C++ libraries
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  libsoci-dev libsqlite3-dev libpq-dev libmariadb-dev
  nlohmann-json3-dev libexpected-dev libsodium-dev libssl-dev
  libcurl4-openssl-dev ca-certificates libspdlog-dev prometheus-cpp-dev
  libphonenumber-dev libhowardhinnant-date-dev tzdata libcli11-dev
  libgtest-dev libgmock-dev
  # servers the tests start on loopback, the browser for browser tests
  postgresql mariadb-server sqlite3 chromium
  # used by the test harness to find free ports and wait for servers
  procps iproute2 curl
)

missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

web_ok=1
if [ -f web/package-lock.json ]; then
  # npm ci is slow; skip it when node_modules matches the lock file.
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    web_ok=0
  fi
fi

if [ "${1:-}" = "--check" ]; then
  if [ ${#missing[@]} -gt 0 ] || [ $web_ok -eq 0 ]; then
    echo "bootstrap: missing: ${missing[*]} $([ $web_ok -eq 0 ] && echo 'web/node_modules')" >&2
    exit 1
  fi
  exit 0
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # apt on these machines never starts services; we start our own throwaway servers in tests.
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ $web_ok -eq 0 ]; then
  command -v npm >/dev/null || { echo "bootstrap: node/npm not found (Node 20 expected)" >&2; exit 1; }
  echo "bootstrap: npm ci (web/)"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
  touch web/node_modules/.package-lock.json
fi
