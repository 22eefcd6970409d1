#!/usr/bin/env python3
# sched-placement.py SCRIPT.txt: each wake-up of a producer by the consumer: the CPU it was put on (the
# consumer's, or the other), whether that is the CPU it last ran on, what the other CPU was running;
# for those put on the consumer's CPU while the other idled, how long it had idled.
import sys, collections
from sched_events import events, switch, wakeup, group

running = {}; lastcpu = {}; c = collections.Counter(); since = collections.defaultdict(list); idle_since = {}
for e in events(sys.argv[1]):
    if e.name == 'sched:sched_switch':
        s = switch(e.trace)
        lastcpu[s.prev_pid] = e.cpu
        running[e.cpu] = group(s.next_comm)
        if running[e.cpu] == 'idle': idle_since[e.cpu] = e.t
    elif e.name == 'sched:sched_wakeup':
        w = wakeup(e.trace)
        if group(w.comm) != 'prod' or group(e.comm) != 'cons': continue
        prev = lastcpu.get(w.pid)
        oc = 1 - w.target_cpu
        k = ('target=waker' if w.target_cpu == e.cpu else 'target=other', 'prev=target' if prev == w.target_cpu else 'prev=other',
             'othercpu:' + running.get(oc, '?'))
        c[k] += 1
        if running.get(oc) == 'idle' and w.target_cpu == e.cpu: since[k].append(e.t - idle_since.get(oc, e.t))
for k, v in c.most_common():
    s = sorted(since[k]); print(v, k, ('idle for median %.0f us' % (s[len(s)//2]*1e6)) if s else '')
