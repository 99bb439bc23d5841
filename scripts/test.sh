#!/usr/bin/env bash
# The whole Truce test suite, on a fresh Debian 12 machine or a developer's one:
#   scripts/test.sh                 # everything (mvn -B verify)
#   scripts/test.sh -pl core        # extra args go to mvn
#   TRUCE_TEST_SKIP_INSTALL=1 scripts/test.sh   # don't touch apt
#
# 1. installs the Debian packages the tests need, only those missing, and a JDK >= 17
#    (default-jdk-headless) and Maven when the machine has none;
# 2. starts a throwaway PostgreSQL 15 + PostGIS cluster on 127.0.0.1:<free port>
#    (scripts/pg-throwaway.sh), exporting TRUCE_TEST_PG_URL/USER/PASSWORD;
# 3. exports TRUCE_CHROMIUM and TRUCE_CHROMEDRIVER for the browser tests;
# 4. runs mvn -B verify from the project root with CI=true, so that a browser or PostgreSQL
#    test whose dependency is missing fails instead of being skipped, and exits with its exit code;
# 5. always stops the cluster and deletes its temp dir.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PG_THROWAWAY_LOG_PREFIX="[test]"
# shellcheck source=scripts/pg-throwaway.sh
source "$ROOT/scripts/pg-throwaway.sh"

log() { printf '[test] %s\n' "$*" >&2; }

PACKAGES=(postgresql-15 postgresql-15-postgis-3 chromium chromium-driver
          poppler-utils fonts-dejavu-core fonts-noto-core)

pkg_installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

# The JDK and Maven count as present when they are on the PATH, wherever they came from.
java_major() {
  java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1
}

has_jdk_17() {
  command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 &&
    [ "$(java_major)" -ge 17 ] 2>/dev/null
}

install_packages() {
  local missing=() p t0=$SECONDS
  for p in "${PACKAGES[@]}"; do
    pkg_installed "$p" || missing+=("$p")
  done
  has_jdk_17 || missing+=(default-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "Debian packages already installed: ${PACKAGES[*]}; JDK $(java_major) and Maven found"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      log "ERROR: missing packages (${missing[*]}) and not root, no sudo."
      log "Install them by hand, then rerun with TRUCE_TEST_SKIP_INSTALL=1."
      exit 1
    fi
  fi
  log "installing missing Debian packages: ${missing[*]}"
  local attempt
  for attempt in 1 2 3; do
    if "${sudo[@]}" apt-get -q update -o DPkg::Lock::Timeout=300 &&
       "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
           --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"; then
      log "apt install took $((SECONDS - t0))s"
      return 0
    fi
    log "apt failed (attempt $attempt/3)"
    sleep $((attempt * 5))
  done
  log "ERROR: could not install: ${missing[*]}"
  exit 1
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "${PG_THROWAWAY_DIR:-}" ]; then
    pg_throwaway_stop
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${TRUCE_TEST_SKIP_INSTALL:-0}" = "1" ]; then
  log "TRUCE_TEST_SKIP_INSTALL=1: not checking Debian packages"
else
  install_packages
fi

log "starting throwaway PostgreSQL 15 cluster"
pg_throwaway_start

export TRUCE_CHROMIUM=${TRUCE_CHROMIUM:-/usr/bin/chromium}
export TRUCE_CHROMEDRIVER=${TRUCE_CHROMEDRIVER:-/usr/bin/chromedriver}
log "TRUCE_TEST_PG_URL=$TRUCE_TEST_PG_URL TRUCE_TEST_PG_USER=$TRUCE_TEST_PG_USER"
log "TRUCE_CHROMIUM=$TRUCE_CHROMIUM TRUCE_CHROMEDRIVER=$TRUCE_CHROMEDRIVER"

# Under CI=true a browser or PostgreSQL test fails when Chromium or the cluster is missing,
# instead of skipping: this script has installed and started both.
export CI=true

cd "$ROOT"
log "running: CI=true mvn -B -ntp -Dstyle.color=never verify $*"
t0=$SECONDS
set +e
mvn -B -ntp -Dstyle.color=never verify "$@"
rc=$?
set -e
printf '\n'   # Debian's Maven 3.8.7 leaves a stray ANSI reset on the last line of stdout
log "mvn exited with $rc after $((SECONDS - t0))s"
exit "$rc"
