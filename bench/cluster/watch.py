#!/usr/bin/env python3
"""watch.py: what a client polling a floating IP saw around one fault.

  watch.py --vip IP --client NS --node NAME=NS ... --victim NAME [--gone] [--timeout S] -- FAULT...

Polls http://VIP/ every 20 ms from namespace NS (a socket made in a thread moved there with
setns(2); 200 ms to connect, 500 ms to answer) and reads, at each poll, which nodes hold VIP on
eth0 while eth0 is up (`ip -n NS -o -4 addr show dev eth0 up`: a fence device that took it
down left the address to no one). After 25 polls it runs FAULT, then polls until the
client has been served 25 times in a row by another node than VICTIM, or TIMEOUT seconds
(default 60). --gone: the victim's address is not counted as held (its processes were all
killed and its cable pulled: it answers no one). Prints one CSV line:
victim,first_failed_ms,first_good_ms,gap_ms,moved_ms,moved_to,overlap_polls,overlap_ms
(empty fields for what did not happen); ms count from the fault.
"""
import argparse, ctypes, os, queue, socket, subprocess, sys, threading, time

POLL_S, CONNECT_S, READ_S, STEADY_POLLS = 0.02, 0.2, 0.5, 25
CLONE_NEWNET = 0x40000000


class NamespaceWorker:
    """A thread moved into a network namespace; sockets it makes belong there."""

    def __init__(self, ns):
        self.jobs, self.results = queue.Queue(), queue.Queue()
        threading.Thread(target=self._run, args=(ns,), daemon=True).start()
        ok, err = self.results.get()
        if not ok:
            sys.exit(f"watch.py: cannot enter namespace {ns}: {err}")

    def _run(self, ns):
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(f"/var/run/netns/{ns}", os.O_RDONLY)
        rc = libc.setns(fd, CLONE_NEWNET)
        os.close(fd)
        self.results.put((rc == 0, os.strerror(ctypes.get_errno())))
        while True:
            fn = self.jobs.get()
            try:
                self.results.put(fn())
            except Exception:
                self.results.put(False)

    def call(self, fn):
        self.jobs.put(fn)
        return self.results.get()


def http_ok(vip):
    with socket.create_connection((vip, 80), timeout=CONNECT_S) as s:
        s.settimeout(READ_S)
        s.sendall(f"GET / HTTP/1.0\r\nHost: {vip}\r\n\r\n".encode())
        data = b""
        while len(data) < 4096:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    return data.startswith(b"HTTP/1.1 200")


def holders(vip, nodes):
    held = []
    for name, ns in nodes.items():
        out = subprocess.run(["ip", "-n", ns, "-o", "-4", "addr", "show", "dev", "eth0", "up"],
                             capture_output=True, text=True).stdout
        if f" {vip}/" in out:
            held.append(name)
    return held


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--vip", required=True)
    p.add_argument("--client", required=True)
    p.add_argument("--node", action="append", required=True)
    p.add_argument("--victim", required=True)
    p.add_argument("--gone", action="store_true")
    p.add_argument("--timeout", type=float, default=60)
    p.add_argument("fault", nargs="+")
    a = p.parse_args()
    nodes = dict(n.split("=", 1) for n in a.node)
    client = NamespaceWorker(a.client)
    samples, t0, steady = [], None, 0
    while True:
        at = time.monotonic()
        served = client.call(lambda: http_ok(a.vip))
        held = holders(a.vip, nodes)
        samples.append((at, served, held))
        if t0 is None and len(samples) == STEADY_POLLS:
            t0 = time.monotonic()
            subprocess.run(a.fault, check=False)
        elif t0 is not None:
            steady = steady + 1 if served and any(n != a.victim for n in held) else 0
            if steady >= STEADY_POLLS or at - t0 > a.timeout:
                break
        time.sleep(max(0.0, POLL_S - (time.monotonic() - at)))
    failed = good = moved = moved_to = o_first = o_last = None
    overlap = 0
    for at, served, held in samples:
        if at < t0:
            continue
        ms = round((at - t0) * 1000)
        if failed is None and not served:
            failed = ms
        elif failed is not None and good is None and served:
            good = ms
        live = [n for n in held if not (a.gone and n == a.victim)]
        if moved is None and any(n != a.victim for n in live):
            moved, moved_to = ms, next(n for n in live if n != a.victim)
        if len(live) > 1:
            overlap += 1
            o_first = ms if o_first is None else o_first
            o_last = ms
    gap = good - failed if failed is not None and good is not None else None
    span = o_last - o_first + round(POLL_S * 1000) if overlap else 0
    f = lambda v: "" if v is None else str(v)
    print(",".join([a.victim, f(failed), f(good), f(gap), f(moved), f(moved_to),
                    str(overlap), str(span)]))


if __name__ == "__main__":
    main()
