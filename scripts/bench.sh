#!/usr/bin/env bash
# The registry benchmark (docs/benchmarks.md, "Registry at 2,000 and 50,000 positions").
#
#   scripts/bench.sh [SIZE…]              # default: 2000 50000
#
# For each size it generates a registry (`ametijuhend generate`, seed $BENCH_SEED) and, on each
# backend of $BENCH_BACKENDS (default "sqlite postgres"), measures with /usr/bin/time -v:
# restore (wall time, peak memory), export (the time to read the registry) and lint; then
# `serve`: the first start with no search index and the start with an existing one (time
# until /healthz answers), resident memory after start, p50/p99 of the main pages and API lists
# signed in as HR and as a manager (scripts/bench/pages.py), and resident memory after the
# mixed requests. PostgreSQL runs on a throwaway server (scripts/with-postgres.sh) unless
# AMETIJUHEND_TEST_POSTGRES_URL names one.
#
# Results: one JSON line per measurement in $BENCH_OUT/results.jsonl (default target/bench),
# logs beside it. Settings: BENCH_BIN (default target/release/ametijuhend, built when missing),
# BENCH_REQUESTS (timed requests per page, 20), BENCH_TOTAL (requests per account, 1000),
# BENCH_SLOW (seconds: a page slower than this is timed once, 10), BENCH_SKIP (steps to skip:
# any of "restore lint serve").
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ " ${BENCH_BACKENDS:-sqlite postgres} " == *" postgres "* && -z "${AMETIJUHEND_TEST_POSTGRES_URL:-}" ]]; then
  exec scripts/with-postgres.sh "$0" "$@"
fi

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 50000)
backends=(${BENCH_BACKENDS:-sqlite postgres})
seed=${BENCH_SEED:-2024}
out=${BENCH_OUT:-target/bench}
bin=${BENCH_BIN:-target/release/ametijuhend}
skip=" ${BENCH_SKIP:-} "
mkdir -p "$out"
out=$(cd "$out" && pwd)
results="$out/results.jsonl"

if [ ! -x "$bin" ]; then
  cargo build --release -p ametijuhend --bin ametijuhend
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

record() { # JSON fields…
  python3 -c '
import json, sys
def value(v):
    for t in (int, float):
        try:
            return t(v)
        except ValueError:
            pass
    return v
print(json.dumps({k: value(v) for k, v in (a.split("=", 1) for a in sys.argv[1:])}))' \
    "commit=$commit" "$@" | tee -a "$results"
}

# Runs a command under /usr/bin/time -v; prints "SECONDS PEAK_MIB". Exit codes above
# $ok (default 0) stop the benchmark (lint exits 1 when it finds errors: that is a result).
timed() {
  local log=$1; shift
  local code=0
  /usr/bin/time -v "$@" >"$log.out" 2>"$log.err" || code=$?
  if [ "$code" -gt "${ok:-0}" ]; then tail -20 "$log.err" >&2; return 1; fi
  python3 - "$log.err" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
h, m, s = wall.groups()
secs = int(h or 0) * 3600 + int(m) * 60 + float(s)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(f"{secs:.1f} {rss / 1024:.0f}")
PY
}

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

wait_healthy() { # PORT PID → seconds until /healthz answers
  local start=$(date +%s.%N)
  until curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { echo "serve stopped" >&2; return 1; }
    sleep 0.2
  done
  python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')"
}

for n in "${sizes[@]}"; do
  doc="$out/registry-$n.json"
  if [ ! -s "$doc" ]; then
    read -r secs mib < <(timed "$out/generate-$n" "$bin" generate --positions "$n" --seed "$seed" --out "$doc")
    record step=generate positions="$n" seconds="$secs" peak_mib="$mib" bytes="$(stat -c %s "$doc")"
  fi
  for backend in "${backends[@]}"; do
    dir="$out/data-$backend-$n"
    rm -rf "$dir"; mkdir -p "$dir"
    db=()
    if [ "$backend" = postgres ]; then
      name="bench_${n}_$$"
      python3 - "$AMETIJUHEND_TEST_POSTGRES_URL" "$name" <<'PY'
import subprocess, sys, urllib.parse, glob
u = urllib.parse.urlparse(sys.argv[1])
createdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/createdb"))[-1]
subprocess.run([createdb, "-h", u.hostname, "-p", str(u.port), "-U", u.username or "ametijuhend", sys.argv[2]], check=True)
PY
      db=(--database "$AMETIJUHEND_TEST_POSTGRES_URL/$name")
    fi
    run=("$bin" --data-dir "$dir" "${db[@]}")
    tag=(backend="$backend" positions="$n")
    if [[ "$skip" != *" restore "* ]]; then
      read -r secs mib < <(timed "$out/restore-$backend-$n" "${run[@]}" restore "$doc")
      record step=restore "${tag[@]}" seconds="$secs" peak_mib="$mib"
      read -r secs mib < <(timed "$out/export-$backend-$n" "${run[@]}" export --out "$out/export-$backend-$n.json")
      record step=export "${tag[@]}" seconds="$secs" peak_mib="$mib" \
        identical="$(cmp -s "$doc" "$out/export-$backend-$n.json" && echo yes || echo no)"
      rm -f "$out/export-$backend-$n.json"
    fi
    if [[ "$skip" != *" lint "* ]]; then
      read -r secs mib < <(ok=1 timed "$out/lint-$backend-$n" "${run[@]}" lint --json --today 2026-12-07)
      record step=lint "${tag[@]}" seconds="$secs" peak_mib="$mib"
    fi
    if [[ "$skip" != *" serve "* ]]; then
      printf '%s\n' 'bench-hr-password' | "${run[@]}" user add --username bench-hr --role hr >/dev/null 2>&1 || true
      unit=$(python3 -c "import uuid; print(uuid.uuid5(uuid.UUID(int=0x6B1F3C2E9A474D0B8E551C0A77F2D913), 'unit:generated:$seed:unit:0/0'))")
      printf '%s\n' 'bench-manager-password' | "${run[@]}" user add --username bench-manager --role manager --unit "$unit" >/dev/null 2>&1 || true
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
      for start in first cold; do
        "${run[@]}" serve --no-demo --listen "127.0.0.1:$port" >"$out/serve-$start-$backend-$n.log" 2>&1 &
        pid=$!
        secs=$(wait_healthy "$port" "$pid")
        sleep 1
        record step="start_$start" "${tag[@]}" seconds="$secs" rss_mib="$(rss_mib "$pid")"
        if [ "$start" = cold ]; then
          for who in hr manager; do
            python3 scripts/bench/pages.py "http://127.0.0.1:$port" "bench-$who" "bench-$who-password" "$seed" \
              --requests "${BENCH_REQUESTS:-20}" --total "${BENCH_TOTAL:-1000}" --slow "${BENCH_SLOW:-10}" \
              | while read -r line; do echo "${line%\}}, \"commit\": \"$commit\", \"backend\": \"$backend\", \"positions\": $n}" | tee -a "$results"; done
            record step=rss_after_requests "${tag[@]}" user="bench-$who" rss_mib="$(rss_mib "$pid")"
          done
        fi
        kill "$pid"; wait "$pid" 2>/dev/null || true
      done
    fi
  done
done
echo "results: $results"
