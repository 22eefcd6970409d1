#!/usr/bin/env python3
"""Where the CPU goes while a consumer benchmark runs (Linux only; Python standard library).

Every second, for the forked JMH JVM (the process whose command line holds ForkedMain), sums each
thread group's CPU run time and run-queue wait from /proc/<pid>/task/<tid>/schedstat and prints
them in cores (seconds per second):

  consumer   the tblog-consumer-* thread(s)
  producers  the benchmark's own threads (names starting with dev.tblog.bench)
  other      the JVM's other threads (JIT, GC, JMH)

A consumer that waits on the run queue is one whose core went to another thread: the measure of
how much 4 producers on 2 cores take from it. Usage, beside a benchmark:

  python3 benchmarks/sched-monitor.py > sched.txt &  java -jar benchmarks/target/benchmarks.jar ...
"""
import os
import sys
import time


def forked_jvm():
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                if b'ForkedMain' in f.read():
                    return pid
        except OSError:
            pass
    return None


def group_of(name):
    if name.startswith('tblog-consumer'):
        return 'consumer'
    if name.startswith('dev.tblog.bench'):
        return 'producers'
    return 'other'


def sample(pid):
    """tid -> (group, run ns, wait ns) for every thread of pid."""
    threads = {}
    base = f'/proc/{pid}/task'
    try:
        tids = os.listdir(base)
    except OSError:
        return threads
    for tid in tids:
        try:
            with open(f'{base}/{tid}/comm') as f:
                name = f.read().strip()
            with open(f'{base}/{tid}/schedstat') as f:
                run, wait, _ = (int(x) for x in f.read().split())
        except (OSError, ValueError):
            continue  # the thread ended between the listing and the read
        threads[tid] = (group_of(name), run, wait)
    return threads


def main():
    previous, previous_pid = {}, None
    while True:
        pid = forked_jvm()
        if pid is None:
            previous, previous_pid = {}, None
            time.sleep(0.2)
            continue
        if pid != previous_pid:
            previous, previous_pid = {}, pid
        start = time.monotonic()
        current = sample(pid)
        totals = {}
        for tid, (group, run, wait) in current.items():
            if tid in previous:  # threads born this second count from the next one
                _, run0, wait0 = previous[tid]
                t = totals.setdefault(group, [0, 0])
                t[0] += run - run0
                t[1] += wait - wait0
        previous = current
        if totals:
            cells = ' '.join(f'{g}: run {t[0] / 1e9:.2f} wait {t[1] / 1e9:.2f}' for g, t in sorted(totals.items()))
            print(time.strftime('%H:%M:%S'), cells, flush=True)
        time.sleep(max(0.0, 1.0 - (time.monotonic() - start)))


if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
