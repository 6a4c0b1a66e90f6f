#!/usr/bin/env python3
"""Times the main pages and API lists of a running `ametijuhend serve`, signed in as an account.

    pages.py BASE_URL USERNAME PASSWORD SEED [--requests N] [--total N] [--slow SECONDS]

Every page is requested N times (after one warm-up request) and its p50/p99 are printed as one
JSON line; a page whose warm-up takes longer than --slow seconds is timed once and left out of
the rest. Then pages that answer quickly are requested in turn until --total requests have been
made in all (the "mixed requests" of the benchmark). Ids are those of a registry made by
`ametijuhend generate --seed SEED` (derived the way the generator derives them).

Only the standard library: no package to install.
"""

import argparse
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request
import uuid

NAMESPACE = uuid.UUID(int=0x6B1F3C2E9A474D0B8E551C0A77F2D913)


def derived(prefix, key):
    return str(uuid.uuid5(NAMESPACE, f"{prefix}:{key}"))


class LocalPolicy(http.cookiejar.DefaultCookiePolicy):
    """Sends the server's Secure cookies over plain HTTP to 127.0.0.1 (as browsers do for
    localhost)."""

    def return_ok_secure(self, cookie, request):
        return True


class Client:
    def __init__(self, base, timeout):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar(policy=LocalPolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        req = urllib.request.Request(self.base + path, headers={"Accept-Language": "et"})
        t = time.perf_counter()
        try:
            with self.opener.open(req, timeout=self.timeout) as r:
                body = r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            body, status = e.read(), e.code
        except Exception as e:  # a timeout or a dropped connection
            return None, str(e).encode(), time.perf_counter() - t
        return status, body, time.perf_counter() - t

    def login(self, username, password):
        status, body, _ = self.get("/login")
        m = re.search(rb'name="csrf"\s+value="([^"]+)"', body) or re.search(
            rb'value="([^"]+)"\s+name="csrf"', body
        )
        if not m:
            sys.exit("pages.py: the login form has no CSRF token")
        data = urllib.parse.urlencode(
            {"csrf": m.group(1).decode(), "username": username, "password": password}
        ).encode()
        req = urllib.request.Request(
            self.base + "/login",
            data=data,
            headers={"Origin": self.base, "Content-Type": "application/x-www-form-urlencoded"},
        )
        with self.opener.open(req, timeout=self.timeout) as r:
            r.read()
        status, body, _ = self.get("/api/session")
        if status != 200:
            sys.exit(f"pages.py: signing in as {username} failed ({status})")


def percentile(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("username")
    ap.add_argument("password")
    ap.add_argument("seed", type=int)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--total", type=int, default=1000)
    ap.add_argument("--slow", type=float, default=10.0)
    ap.add_argument("--timeout", type=float, default=120.0)
    a = ap.parse_args()

    c = Client(a.base, a.timeout)
    c.login(a.username, a.password)
    s = a.seed
    unit = derived("unit", f"generated:{s}:unit:0/0")  # the first division of the first department
    pos = derived("position", f"generated:{s}:position:1")  # its head
    jd_a = derived("job-description", f"generated:{s}:jd:1:1")
    jd_b = derived("job-description", f"generated:{s}:jd:2:1")

    def first_id(path):
        status, body, _ = c.get(path)
        try:
            v = json.loads(body)
            items = v if isinstance(v, list) else next(x for x in v.values() if isinstance(x, list))
            return items[0]["id"]
        except Exception:
            return None

    directive = first_id("/api/directives")
    card = first_id("/api/role-cards")
    q = urllib.parse.quote("taotluste menetlemine")
    pages = [
        ("start", "/"),
        ("organisation", "/units"),
        ("unit", f"/units/{unit}"),
        ("positions", "/positions"),
        ("position", f"/positions/{pos}"),
        ("version", f"/job-descriptions/{jd_a}"),
        ("compare", f"/compare?a={jd_a}&b={jd_b}"),
        ("search", f"/search?q={q}"),
        ("reviews", "/reviews"),
        ("checks", "/checks"),
        ("directives", "/directives"),
        ("directive", f"/directives/{directive}"),
        ("role cards", "/role-cards"),
        ("role card", f"/role-cards/{card}"),
        ("history", f"/positions/{pos}/history"),
        ("api units", "/api/units"),
        ("api positions", "/api/positions"),
        ("api position", f"/api/positions/{pos}"),
        ("api version", f"/api/job-descriptions/{jd_a}"),
        ("api compare", f"/api/compare?a={jd_a}&b={jd_b}"),
        ("api search", f"/api/search?q={q}"),
        ("api reviews", "/api/reviews"),
        ("api checks", "/api/checks"),
        ("api directives", "/api/directives"),
        ("api role cards", "/api/role-cards"),
    ]
    made = 0
    fast = []
    for name, path in pages:
        status, body, t = c.get(path)
        made += 1
        first = t
        times = [t]
        if status == 200 and t <= a.slow:
            times = []
            for _ in range(a.requests):
                status, body, t = c.get(path)
                made += 1
                times.append(t)
            if t < 1.0:
                fast.append(path)
        print(
            json.dumps(
                {
                    "user": a.username,
                    "page": name,
                    "path": path,
                    "status": status,
                    "n": len(times),
                    "p50_ms": round(percentile(times, 50) * 1000, 1),
                    "p99_ms": round(percentile(times, 99) * 1000, 1),
                    "first_ms": round(first * 1000, 1),
                    "bytes": len(body),
                }
            ),
            flush=True,
        )
    t0 = time.perf_counter()
    mixed = []
    i = 0
    while fast and made < a.total:
        _, _, t = c.get(fast[i % len(fast)])
        mixed.append(t)
        made += 1
        i += 1
    print(
        json.dumps(
            {
                "user": a.username,
                "page": "mixed",
                "n": len(mixed),
                "total_requests": made,
                "seconds": round(time.perf_counter() - t0, 1),
                "p50_ms": round(percentile(mixed, 50) * 1000, 1) if mixed else None,
                "p99_ms": round(percentile(mixed, 99) * 1000, 1) if mixed else None,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
