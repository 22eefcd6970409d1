#!/usr/bin/env python3
# runnable.py PERFDATA: from sched_switch/sched_wakeup, time share of (consumer runnable, producers runnable),
# and for each wakeup of a producer: who woke it and how many producers were runnable then.
import subprocess, re, collections, sys
out = subprocess.run(['perf', 'script', '-i', sys.argv[1], '-F', 'comm,tid,time,event,trace'], capture_output=True, text=True).stdout
state = {}   # tid -> runnable bool
kind = {}
share = collections.Counter(); last_t = None
wakers = collections.Counter()
def group(comm):
    return 'cons' if comm.startswith('tblog-consumer') else 'prod' if comm.startswith('dev.tblog.bench') else None
def counts():
    c = sum(1 for t, r in state.items() if r and kind.get(t) == 'cons')
    p = sum(1 for t, r in state.items() if r and kind.get(t) == 'prod')
    return (min(c, 1), p)
for line in out.splitlines():
    m = re.match(r'\s*(\S.*?)\s+(\d+)\s+([\d.]+):\s+(\S+):\s+(.*)', line)
    if not m: continue
    comm, tid, t, ev, tr = m.group(1), int(m.group(2)), float(m.group(3)), m.group(4), m.group(5)
    if last_t is not None: share[counts()] += t - last_t
    last_t = t
    if ev == 'sched:sched_switch':
        pm = re.search(r'prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)', tr)
        pc, pp, ps, nc, np_ = pm.group(1), int(pm.group(2)), pm.group(3), pm.group(4), int(pm.group(5))
        g = group(pc)
        if g: kind[pp] = g; state[pp] = ps.startswith('R')
        g = group(nc)
        if g: kind[np_] = g; state[np_] = True
    elif ev == 'sched:sched_wakeup':
        wm = re.search(r'comm=(.*?) pid=(\d+)', tr)
        wc, wp = wm.group(1), int(wm.group(2))
        g = group(wc)
        if g:
            kind[wp] = g
            if g == 'prod': wakers[(comm if comm else '?', counts()[1])] += 1
            state[wp] = True
tot = sum(share.values())
print('time share (consumer runnable, producers runnable):')
for k, v in sorted(share.items()): print(' ', k, f'{v / tot:.3f}')
print('producer wakeups by waker and producers already runnable:')
for k, v in sorted(wakers.items(), key=lambda x: -x[1])[:12]: print(' ', k, v)
