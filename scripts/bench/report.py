#!/usr/bin/env python3
"""Turns the benchmark's results (scripts/bench.sh → target/bench/results.jsonl) into the
Markdown tables of docs/benchmarks.md:

    python3 scripts/bench/report.py [target/bench/results.jsonl]

When a measurement was made more than once, the last one counts.
"""

import json
import sys


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "target/bench/results.jsonl"
    rows = [json.loads(line) for line in open(path) if line.strip()]
    steps, pages = {}, {}
    for r in rows:
        if "step" in r:
            steps[(r["step"], r.get("backend"), r["positions"], r.get("user"))] = r
        else:
            pages[(r["page"], r["user"], r["backend"], r["positions"])] = r
    commits = sorted({r.get("commit") for r in rows})
    print(f"Commit(s) measured: {', '.join(c for c in commits if c)}\n")
    sizes = sorted({k[2] for k in steps})
    backends = sorted({k[1] for k in steps if k[1]})
    cols = [(n, b) for n in sizes for b in backends]
    print("| | " + " | ".join(f"{n:,} {b}" for n, b in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")

    def cell(step, n, b, field, user=None, unit=""):
        r = steps.get((step, b, n, user))
        return f"{r[field]}{unit}" if r and field in r else "–"

    for label, step, field, unit, user in [
        ("restore: time", "restore", "seconds", " s", None),
        ("restore: peak memory", "restore", "peak_mib", " MiB", None),
        ("export (read the registry): time", "export", "seconds", " s", None),
        ("export: peak memory", "export", "peak_mib", " MiB", None),
        ("export = restored document", "export", "identical", "", None),
        ("lint: time", "lint", "seconds", " s", None),
        ("lint: peak memory", "lint", "peak_mib", " MiB", None),
        ("first start, no index", "start_first", "seconds", " s", None),
        ("start with an index (cold start)", "start_cold", "seconds", " s", None),
        ("resident memory after start", "start_cold", "rss_mib", " MiB", None),
        ("resident memory after HR's requests", "rss_after_requests", "rss_mib", " MiB", "bench-hr"),
        ("… and the manager's", "rss_after_requests", "rss_mib", " MiB", "bench-manager"),
    ]:
        print(f"| {label} | " + " | ".join(cell(step, n, b, field, user, unit) for n, b in cols) + " |")
    for n in sizes:
        gen = steps.get(("generate", None, n, None))
        if gen:
            print(f"\nGenerating {n:,} positions: {gen['seconds']} s, peak {gen['peak_mib']} MiB, "
                  f"{gen['bytes'] / 1e6:.1f} MB of JSON.")
    names = []
    for k in pages:
        if k[0] not in names:
            names.append(k[0])
    users = sorted({k[1] for k in pages})
    pcols = sorted({(k[3], k[2], u) for k in pages for u in [k[1]]})
    print("\np50 / p99 in ms (a page slower than the limit was timed once: one figure)\n")
    print("| page | " + " | ".join(f"{n:,} {b} {u.replace('bench-', '')}" for n, b, u in pcols) + " |")
    print("|---" * (len(pcols) + 1) + "|")
    for name in names:
        out = []
        for n, b, u in pcols:
            r = pages.get((name, u, b, n))
            if not r or r.get("p50_ms") is None:
                out.append("–")
            elif r.get("n", 0) <= 1:
                out.append(f"{r['p50_ms']:.0f} ({r.get('status')})")
            else:
                out.append(f"{r['p50_ms']:.0f} / {r['p99_ms']:.0f}")
        print(f"| {name} | " + " | ".join(out) + " |")
    _ = users
    # The first request of each page after the server started (the start page's computes the
    # day's reports for the registry's revision), where the results have it.
    firsts = [(name, [pages.get((name, u, b, n), {}).get("first_ms") for n, b, u in pcols]) for name in names]
    firsts = [(name, xs) for name, xs in firsts if any(x is not None for x in xs)]
    if firsts:
        print("\nThe first request of each page after the server started, in ms (the first page that "
              "needs the registry-wide reports computes them)\n")
        print("| page | " + " | ".join(f"{n:,} {b} {u.replace('bench-', '')}" for n, b, u in pcols) + " |")
        print("|---" * (len(pcols) + 1) + "|")
        for name, xs in firsts:
            print(f"| {name} | " + " | ".join("–" if x is None else f"{x:.0f}" for x in xs) + " |")


if __name__ == "__main__":
    main()
