"""Load on loopback: the built site served by nginx with deploy/nginx.conf, measured with wrk.

``python -m loa.bench.servebench [--site site] [--duration 30]`` (what ``make bench-serve`` runs) reports requests
per second and p99 latency for a plan page and a feed, gzip accepted as browsers and crawlers do. Not a test: the
figures depend on the machine.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from loa.cli.nginx import TEMPLATE, command, prepare

_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
_P99 = re.compile(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure(url: str, *, duration: int, connections: int, threads: int) -> tuple[float, float, str]:
    """Run wrk against ``url``; return (requests per second, p99 in ms, wrk's report)."""
    report = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps, p99 = _RPS.search(report), _P99.search(report)
    if rps is None or p99 is None:
        raise RuntimeError(f"unexpected wrk output:\n{report}")
    return float(rps[1]), float(p99[1]) * _UNITS[p99[2]], report


def main() -> int:
    """Serve the site, load a plan page and a feed in turn, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--duration", type=int, default=30, help="seconds per URL")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if shutil.which("wrk") is None:
        parser.error("cần wrk: sudo apt-get install wrk")
    plan = next((args.site / "plans").glob("*/*/index.html")).parent.relative_to(args.site).as_posix()
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="loa-bench-nginx-") as tmp:
        conf = prepare(args.site, f"127.0.0.1:{port}", TEMPLATE, Path(tmp))
        process = subprocess.Popen(command(nginx, Path(tmp), conf))
        try:
            time.sleep(0.5)
            print(
                f"nginx {args.connections} connections, {args.threads} threads, {args.duration} s each, gzip"
            )
            print(f"{'URL':<48} {'req/s':>10} {'p99 ms':>8}")
            for path in (f"/{plan}/", "/feeds/tat-ca.rss"):
                rps, p99, _ = measure(
                    f"http://127.0.0.1:{port}{path}",
                    duration=args.duration,
                    connections=args.connections,
                    threads=args.threads,
                )
                print(f"{path:<48} {rps:>10.0f} {p99:>8.2f}")
        finally:
            process.terminate()
            process.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
