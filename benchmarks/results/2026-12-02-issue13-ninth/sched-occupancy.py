"""sched-occupancy.py SCRIPT: what the two CPUs ran together over a sched trace (the share of the trace for
each pair of groups: consumer, producer, idle, other), and each tblog thread's run time. SCRIPT is the text
of `perf script -F comm,tid,cpu,time,event,trace,ip,sym` as the eighth session's trace-4p.sh makes it."""
import os
import sys
from collections import defaultdict
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '2026-12-02-issue13-eighth'))
from sched_events import events, switch, group  # noqa: E402
cur = {}
last = None
first = None
pair = defaultdict(float)
run = defaultdict(float)
since = {}
names = {}
for e in events(sys.argv[1]):
    if e.name != 'sched:sched_switch':
        continue
    if first is None:
        first = e.t
    s = switch(e.trace)
    if last is not None and len(cur) == 2:
        pair[tuple(group(cur[c][0]) for c in sorted(cur))] += e.t - last
    last = e.t
    if e.cpu in cur:
        c, pid, t0 = cur[e.cpu]
        run[(group(c), pid)] += e.t - t0
    cur[e.cpu] = (s.next_comm, s.next_pid, e.t)
total = sum(pair.values())
agg = defaultdict(float)
for (a, b), v in pair.items():
    agg[tuple(sorted((a, b)))] += v
for k, v in sorted(agg.items(), key=lambda kv: -kv[1]):
    print('%-22s %5.1f %%' % ('+'.join(k), 100 * v / total))
print('span %.3f s' % total)
for (g, pid), v in sorted(run.items(), key=lambda kv: -kv[1]):
    if g in ('cons', 'prod'):
        print(g, pid, '%.3f s' % v)
