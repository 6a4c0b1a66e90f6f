#!/usr/bin/env bash
# The browser tests (tests/e2e): axe (WCAG 2.1 AA) on every page in every language as every role,
# a keyboard-only walk of the main task, and the print style of a position page. playwright-core
# drives Debian's Chromium; no browser is ever downloaded.
#
#   scripts/e2e.sh                       # all of them
#   scripts/e2e.sh keyboard.test.mjs     # some of them (files in tests/e2e)
#
# Builds the binary (cargo build -p ametijuhend) unless AMETIJUHEND_BIN names one, installs the
# npm packages (npm ci) when tests/e2e/node_modules is missing or older than the lockfile.
# Environment: CHROMIUM_PATH (default /usr/bin/chromium), AMETIJUHEND_BIN, E2E_ROLES, E2E_LANGS,
# E2E_MAX_PAGES, E2E_MAX_PER_TYPE, E2E_REPORT_DIR (default tests/e2e/report).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "e2e: no Chromium at $CHROMIUM_PATH." >&2
  echo "  Install Debian's with: apt-get update && apt-get install -y chromium  (or set CHROMIUM_PATH)" >&2
  exit 2
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is not installed (Node.js 20 or later is needed)" >&2; exit 2; }
done

if [ -z "${AMETIJUHEND_BIN:-}" ]; then
  echo "== cargo build -p ametijuhend" >&2
  cargo build -p ametijuhend --locked
  AMETIJUHEND_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/ametijuhend"
fi
case "$AMETIJUHEND_BIN" in /*) ;; *) AMETIJUHEND_BIN="$root/$AMETIJUHEND_BIN" ;; esac
[ -x "$AMETIJUHEND_BIN" ] || { echo "e2e: no program at $AMETIJUHEND_BIN" >&2; exit 2; }
# The tests run a copy, so that a cargo build during the run cannot take the program away.
work=$(mktemp -d /tmp/ametijuhend-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$AMETIJUHEND_BIN" "$work/ametijuhend"
export AMETIJUHEND_BIN="$work/ametijuhend"

cd tests/e2e
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (tests/e2e)" >&2
  npm ci --no-audit --no-fund
fi

# Reports of this run only (a directory given in E2E_REPORT_DIR is left as it is).
[ -n "${E2E_REPORT_DIR:-}" ] || rm -rf report

files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.test.mjs)

tap="$work/tap.txt"
echo "== browser tests: ${files[*]} (chromium: $CHROMIUM_PATH)" >&2
status=0
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  "${files[@]}" || status=$?

count() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$tap" | tail -n 1; }
pass=$(count pass); fail=$(count fail); cancelled=$(count cancelled)
pass=${pass:-0}; fail=$((${fail:-0} + ${cancelled:-0}))
grep -E '^# (tests|pass|fail|cancelled|skipped|todo) ' "$tap" || true
if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
  fail=1 # the runner itself failed (a file that did not load, say)
fi
echo "e2e: $pass passed, $fail failed"
if [ "$fail" -gt 0 ] || [ "$status" -ne 0 ]; then
  echo "e2e: reports and screenshots are in ${E2E_REPORT_DIR:-tests/e2e/report}" >&2
  exit 1
fi
