#!/usr/bin/env python3
"""Attacks a running HTTP server the way hostile clients do and checks that it holds up.

Usage:
  hostile_client.py --host H --port P --pid PID --max-connections N --header-timeout-ms T
                    --rss-growth-cap-mib M [--probe-path /healthz] [--body-path PATH]
                    [--body-limit-bytes B] [--slack-ms S] [--slow-clients C]
  hostile_client.py --server BINARY [same limits]   (starts BINARY, e.g. ccteam_http_testserver,
                                                     with those limits on a free port, and stops
                                                     it with SIGTERM at the end)

The limits must be the server's own: --max-connections its connection cap, --header-timeout-ms
its header deadline, --body-limit-bytes the body limit of --body-path (0: that path takes no
body; default path: the probe path).

Attacks, all at once: C connections (default 200, fewer if the cap is lower) sending a header
one byte a second; a 64 KiB header line; 200,000 header fields; a chunked body over the body
limit; an 8 MiB chunk extension. Then idle connections up to the cap, and 5 beyond it.

Checks (one line each, with the measured value; exit status 1 if any fails):
  - every attacker is answered (400/413/431) or cut off within its deadline + slack;
  - connections beyond the cap get 503 within 1 s and are closed;
  - GET probe-path is answered 200 within 1 s before, during and after the attack (at the cap
    an immediate 503 is accepted: the cap is what was asked for);
  - VmRSS of PID grows by less than the cap during the attack (measured from its VmRSS before,
    which is what the server holds from earlier work: caches, the allocator's arenas);
  - the whole run takes under 60 s.
Python 3 standard library only.
"""

import argparse
import os
import resource
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time

FAILURES = []


def report(ok, name, text):
    print(f"{'PASS' if ok else 'FAIL'} {name}: {text}", flush=True)
    if not ok:
        FAILURES.append(name)


def status_of(data):
    if data.startswith(b"HTTP/1.") and len(data) >= 12:
        try:
            return int(data[9:12])
        except ValueError:
            return None
    return None


def connect(args):
    s = socket.create_connection((args.host, args.port), timeout=5)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def probe(args, timeout=1.0):
    """(status, seconds) of one GET probe-path on a new connection; status None on failure."""
    start = time.monotonic()
    try:
        with socket.create_connection((args.host, args.port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(f"GET {args.probe_path} HTTP/1.1\r\nHost: probe\r\n"
                      "Connection: close\r\n\r\n".encode())
            data = b""
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            return status_of(data), time.monotonic() - start
    except OSError:
        return None, time.monotonic() - start


def vm_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class Sampler(threading.Thread):
    """Samples VmRSS every 100 ms and, while probing is on, the probe every 250 ms."""

    def __init__(self, args):
        super().__init__(daemon=True)
        self.args = args
        self.stop_event = threading.Event()
        self.probing = threading.Event()
        self.max_rss = 0.0
        self.probes = []  # (status, seconds, at_cap)
        self.at_cap = False

    def run(self):
        last_probe = 0.0
        while not self.stop_event.is_set():
            rss = vm_rss_mib(self.args.pid)
            if rss is not None:
                self.max_rss = max(self.max_rss, rss)
            now = time.monotonic()
            if self.probing.is_set() and now - last_probe >= 0.25:
                last_probe = now
                status, took = probe(self.args)
                self.probes.append((status, took, self.at_cap))
            time.sleep(0.1)


def stream_attack(args, name, head, body_parts, expect, deadline):
    """Sends 'head' and then the pieces of 'body_parts' as fast as the server takes them, reads
    whatever comes back, and returns (status, seconds until the server closed, or None)."""
    start = time.monotonic()
    try:
        s = connect(args)
    except OSError as e:
        return ("connect failed: " + str(e), None)
    s.setblocking(False)
    sel = selectors.DefaultSelector()
    sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)
    pending = head
    parts = iter(body_parts)
    writing = True
    received = b""
    closed_at = None
    try:
        while time.monotonic() - start < deadline + 10:
            for key, mask in sel.select(0.1):
                if mask & selectors.EVENT_READ:
                    try:
                        chunk = s.recv(65536)
                    except (ConnectionResetError, BrokenPipeError):
                        chunk = b""
                    except BlockingIOError:
                        continue
                    if not chunk:
                        closed_at = time.monotonic() - start
                        break
                    received += chunk
                if mask & selectors.EVENT_WRITE and writing:
                    if not pending:
                        pending = next(parts, None)
                        if pending is None:
                            writing = False
                            sel.modify(s, selectors.EVENT_READ)
                            continue
                    try:
                        sent = s.send(pending)
                        pending = pending[sent:]
                    except BlockingIOError:
                        pass
                    except (ConnectionResetError, BrokenPipeError):
                        writing = False
                        sel.modify(s, selectors.EVENT_READ)
            if closed_at is not None:
                break
    finally:
        sel.close()
        s.close()
    return (status_of(received), closed_at)


def check_stream(args, name, head, body_parts, expect, results):
    deadline = args.slack_ms / 1000
    status, closed = stream_attack(args, name, head, body_parts, expect, deadline)
    ok = status in expect and closed is not None and closed <= deadline
    closed_text = f"{closed:.2f} s" if closed is not None else "not closed"
    results.append((ok, name, f"answered {status}, closed after {closed_text} "
                              f"(want {'/'.join(map(str, expect))} and closed within "
                              f"{deadline:.2f} s)"))


def slow_headers(args, count, results):
    """'count' connections sending one header byte a second; each must be closed by the
    server within the header timeout + slack."""
    deadline = (args.header_timeout_ms + args.slack_ms) / 1000
    text = f"GET {args.probe_path} HTTP/1.1\r\nHost: slow\r\nX-Slow: " + "a" * 10000
    conns = []
    sel = selectors.DefaultSelector()
    for i in range(count):
        try:
            s = connect(args)
        except OSError:
            continue
        s.setblocking(False)
        conns.append({"sock": s, "start": time.monotonic(), "sent": 0, "closed": None})
        sel.register(s, selectors.EVENT_READ, conns[-1])
    refused = count - len(conns)
    last_tick = 0.0
    end = time.monotonic() + deadline + 5
    open_count = len(conns)
    while open_count and time.monotonic() < end:
        now = time.monotonic()
        if now - last_tick >= 1.0:
            last_tick = now
            for c in conns:
                if c["closed"] is None:
                    try:
                        c["sock"].send(text[c["sent"]].encode())
                        c["sent"] += 1
                    except OSError:
                        pass
        for key, _ in sel.select(0.1):
            c = key.data
            try:
                chunk = c["sock"].recv(4096)
            except BlockingIOError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                c["closed"] = time.monotonic() - c["start"]
                sel.unregister(c["sock"])
                open_count -= 1
    sel.close()
    times = [c["closed"] for c in conns if c["closed"] is not None]
    late = len(conns) - len(times) + sum(1 for t in times if t > deadline)
    for c in conns:
        c["sock"].close()
    span = f"{min(times):.2f}..{max(times):.2f} s" if times else "none closed"
    results.append((late == 0 and refused == 0, "slow_header",
                    f"{len(conns)} connections, closed after {span}, {late} late, "
                    f"{refused} not connected (limit {deadline:.2f} s each)"))


def over_cap(args, sampler):
    """Idle connections up to the cap, then 5 beyond: 503 at once. The idle ones are cut off at
    the header timeout."""
    deadline = (args.header_timeout_ms + args.slack_ms) / 1000
    idle = []
    for _ in range(args.max_connections):
        try:
            s = connect(args)
            idle.append((s, time.monotonic()))
        except OSError as e:
            report(False, "cap_fill", f"connection {len(idle) + 1} failed: {e}")
            break
    time.sleep(0.3)  # the server has accepted them
    sampler.at_cap = True
    worst = 0.0
    bad = []
    for i in range(5):
        start = time.monotonic()
        try:
            s = connect(args)
            s.settimeout(1.0)
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            took = time.monotonic() - start
            s.close()
            worst = max(worst, took)
            if status_of(data) != 503 or took > 1.0:
                bad.append(f"#{i + 1}: {status_of(data)} after {took:.2f} s")
        except OSError as e:
            bad.append(f"#{i + 1}: {e}")
    report(not bad, "beyond_cap",
           f"{len(idle)} idle connections held; 5 more answered 503 and closed within "
           f"{worst * 1000:.0f} ms" + (f"; problems: {', '.join(bad)}" if bad else ""))
    status, took = probe(args)
    report(status in (200, 503) and took <= 1.0, "probe_at_cap",
           f"answered {status} in {took * 1000:.0f} ms (200 or an immediate 503 accepted)")
    # The idle connections are cut off by the header deadline.
    late = 0
    closed = []
    for s, start in idle:
        s.settimeout(max(0.05, start + deadline - time.monotonic()))
        try:
            while s.recv(4096):
                pass
            closed.append(time.monotonic() - start)
        except socket.timeout:
            late += 1
        except OSError:
            closed.append(time.monotonic() - start)
        s.close()
    sampler.at_cap = False
    span = f"{min(closed):.2f}..{max(closed):.2f} s" if closed else "none closed"
    report(late == 0, "idle_cut_off",
           f"{len(idle)} idle connections closed after {span}, {late} late "
           f"(limit {deadline:.2f} s)")


def start_server(args):
    command = [args.server, "--host", args.host, "--port", "0",
               "--max-connections", str(args.max_connections),
               "--header-timeout-ms", str(args.header_timeout_ms),
               "--body-limit-bytes", str(args.body_limit_bytes), "--quiet"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    if not line.startswith("listening on "):
        proc.kill()
        sys.exit(f"the server did not start: {line!r}")
    args.port = int(line.rsplit(":", 1)[1])
    args.pid = proc.pid
    return proc


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    parser.add_argument("--pid", type=int)
    parser.add_argument("--server", help="start this test server instead of --port/--pid")
    parser.add_argument("--max-connections", type=int, default=256)
    parser.add_argument("--header-timeout-ms", type=int, default=3000)
    parser.add_argument("--rss-growth-cap-mib", type=float, default=128)
    parser.add_argument("--probe-path", default="/healthz")
    parser.add_argument("--body-path", help="default: the probe path")
    parser.add_argument("--body-limit-bytes", type=int, default=64 * 1024)
    parser.add_argument("--slack-ms", type=int, default=2000)
    parser.add_argument("--slow-clients", type=int, default=200)
    args = parser.parse_args()
    if args.server and not args.body_path:
        args.body_path = "/echo"
    args.body_path = args.body_path or args.probe_path

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = args.max_connections + args.slow_clients + 64
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(want, soft)), hard))

    run_start = time.monotonic()
    proc = start_server(args) if args.server else None
    if args.port is None or args.pid is None:
        sys.exit("give --port and --pid, or --server")
    try:
        run(args)
    finally:
        if proc:
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=15)
                report(code == 0, "graceful_stop", f"exit status {code} after SIGTERM")
            except subprocess.TimeoutExpired:
                proc.kill()
                report(False, "graceful_stop", "did not stop within 15 s of SIGTERM")
    total = time.monotonic() - run_start
    report(total < 60, "duration", f"{total:.1f} s (limit 60 s)")
    print(f"{'FAILED: ' + ', '.join(FAILURES) if FAILURES else 'all checks passed'}")
    return 1 if FAILURES else 0


def run(args):
    status, took = probe(args)
    report(status == 200 and took <= 1.0, "probe_before",
           f"answered {status} in {took * 1000:.0f} ms")

    rss_before = vm_rss_mib(args.pid) or 0.0
    sampler = Sampler(args)
    sampler.start()
    sampler.probing.set()

    results = []
    slow_count = max(1, min(args.slow_clients, args.max_connections - 16))
    big_line = (f"GET {args.probe_path} HTTP/1.1\r\nHost: x\r\nX-Big: " + "a" * 65536 +
                "\r\n\r\n").encode()
    fields_head = f"GET {args.probe_path} HTTP/1.1\r\nHost: x\r\n".encode()
    fields = (b"X-F: 1\r\n" * 10000 for _ in range(20))  # 200,000 fields
    chunk = b"4000\r\n" + b"x" * 0x4000 + b"\r\n"
    over = args.body_limit_bytes + 1024 * 1024
    chunked_head = (f"POST {args.body_path} HTTP/1.1\r\nHost: x\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n").encode()
    chunks = (chunk for _ in range(over // 0x4000 + 1))
    ext_head = chunked_head + b"1;a="
    ext = (b"a" * 65536 for _ in range(128))  # 8 MiB
    attackers = [
        threading.Thread(target=slow_headers, args=(args, slow_count, results)),
        threading.Thread(target=check_stream,
                         args=(args, "header_line_64k", big_line, [], (431, 400), results)),
        threading.Thread(target=check_stream,
                         args=(args, "header_fields_200k", fields_head, fields, (431, 400),
                               results)),
        threading.Thread(target=check_stream,
                         args=(args, "chunked_over_limit", chunked_head, chunks, (413,),
                               results)),
        threading.Thread(target=check_stream,
                         args=(args, "chunk_extension_8m", ext_head, ext, (400, 431), results)),
    ]
    for t in attackers:
        t.start()
    for t in attackers:
        t.join()
    for ok, name, text in sorted(results, key=lambda r: r[1]):
        report(ok, name, text)

    during = [(s, t) for s, t, at_cap in sampler.probes if not at_cap]
    slow = [(s, t) for s, t in during if s != 200 or t > 1.0]
    worst = max((t for _, t in during), default=0.0)
    report(bool(during) and not slow, "probe_during",
           f"{len(during)} probes, slowest {worst * 1000:.0f} ms, {len(slow)} not 200 "
           "within 1 s")

    sampler.probing.clear()
    over_cap(args, sampler)

    time.sleep(0.2)
    status, took = probe(args)
    report(status == 200 and took <= 1.0, "probe_after",
           f"answered {status} in {took * 1000:.0f} ms")
    sampler.stop_event.set()
    sampler.join()
    growth = sampler.max_rss - rss_before
    report(growth < args.rss_growth_cap_mib, "memory",
           f"VmRSS {rss_before:.1f} MiB before, at most {sampler.max_rss:.1f} MiB during: "
           f"grew {growth:.1f} MiB (cap {args.rss_growth_cap_mib:.0f} MiB)")


if __name__ == "__main__":
    sys.exit(main())
