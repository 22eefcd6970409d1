#!/usr/bin/env python3
# sched-timeline.py SCRIPT.txt FIRST COUNT: COUNT events from the FIRST, in order (ms from the trace's start).
import sys
from sched_events import events, switch, wakeup, migrate

def short(c): return 'CONS' if c.startswith('tblog-consumer') else c[:15]
ev = []
for e in events(sys.argv[1]):
    if e.name == 'sched:sched_switch':
        s = switch(e.trace)
        ev.append((e.t, e.cpu, f'switch {short(s.prev_comm)}/{s.prev_pid} [{s.prev_state}] -> {short(s.next_comm)}/{s.next_pid}'))
    elif e.name == 'sched:sched_wakeup':
        w = wakeup(e.trace)
        ev.append((e.t, e.cpu, f'  {short(e.comm)} wakes {short(w.comm)}/{w.pid} on cpu{w.target_cpu}'))
    elif e.name == 'sched:sched_migrate_task':
        m = migrate(e.trace)
        ev.append((e.t, e.cpu, f'  MIGRATE {short(m.comm)}/{m.pid} {m.orig_cpu}->{m.dest_cpu} (by {short(e.comm)})'))
n = int(sys.argv[2]); t0 = ev[0][0]
for t, cpu, s in ev[n:n + int(sys.argv[3])]: print(f'{(t - t0) * 1e3:9.3f} cpu{cpu} {s}')
