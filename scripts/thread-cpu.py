#!/usr/bin/env python3
"""CPU time of one process by thread group over a window, per inbound frame.

    scripts/thread-cpu.py PID SECONDS METRICS_URL [API_KEY]

Reads every thread's user and system time from /proc/PID/task/*/stat at the start and end of the window, and the
gateway's gateway_frames_inbound_total from METRICS_URL at both ends, then prints CPU µs per inbound frame for the
whole process and for each thread group (thread names with digits folded: media-frames-N, C2 CompilerThreadN, …).
Unlike the load tool's whole-run figure it leaves out the ramp, and it shows where the time goes: the media
workers, the Vert.x and AWS SDK event loops, the model-event threads, the JIT compiler, GC.
"""
import collections
import os
import re
import sys
import time
import urllib.request


def threads(pid):
    result = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue  # the thread ended
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        result[tid] = (name, int(fields[11]), int(fields[12]))  # utime, stime in clock ticks
    return result


def frames(url, key):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    for line in urllib.request.urlopen(request, timeout=10).read().decode().splitlines():
        if line.startswith("gateway_frames_inbound_total"):
            return float(line.split()[-1])
    raise SystemExit("gateway_frames_inbound_total not found at " + url)


def main():
    pid, seconds, url = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    key = sys.argv[4] if len(sys.argv) > 4 else ""
    tick_us = 1e6 / os.sysconf("SC_CLK_TCK")
    f0, before = frames(url, key), threads(pid)
    time.sleep(seconds)
    f1, after = frames(url, key), threads(pid)
    groups = collections.defaultdict(lambda: [0, 0, 0])
    for tid, (name, user, system) in after.items():
        user0, system0 = before[tid][1:] if tid in before else (0, 0)
        group = groups[re.sub(r"\d+", "N", name)]
        group[0] += user - user0
        group[1] += system - system0
        group[2] += 1
    n = f1 - f0
    total = sum(u + s for u, s, _ in groups.values())
    jit = sum(u + s for name, (u, s, _) in groups.items() if "CompilerThre" in name)
    print(f"{n:.0f} inbound frames in {seconds:.0f} s ({n / seconds:.0f}/s); process CPU {total * tick_us / seconds / 1e4:.0f} % "
          f"of a core; {total * tick_us / n:.1f} µs per inbound frame, {(total - jit) * tick_us / n:.1f} without the JIT compiler")
    print("| thread group | threads | user µs/frame | system µs/frame | total µs/frame |")
    print("|---|---:|---:|---:|---:|")
    for name, (u, s, count) in sorted(groups.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        if u + s:
            print(f"| {name} | {count} | {u * tick_us / n:.1f} | {s * tick_us / n:.1f} | {(u + s) * tick_us / n:.1f} |")


if __name__ == "__main__":
    main()
