#!/usr/bin/env python3
# sched-wakes.py SCRIPT.txt: producer wake-ups by mechanism (kernel call chain), waker, what the target
# and the other CPU ran; the consumer's preemptions (switched out runnable) by who replaced it, how that
# one was woken, and how long the consumer then waited for its CPU.
import sys, collections
from sched_events import events, switch, wakeup, group

def grp(c): return 'other' if group(c) == 'idle' else group(c)  # idle CPUs are told apart below
def state(r): return 'idle' if r[0].startswith('swapper') or r[0] == 'idle' else grp(r[0])
running = {}  # cpu -> (comm, tid)
lastwake = {}  # tid -> (mechanism, waker's group)
mech = collections.Counter(); pre = collections.Counter(); t0 = t1 = None
preempted_at = None; waits = collections.Counter(); waitn = collections.Counter(); cur_key = None
for e in events(sys.argv[1]):
    t0 = t0 or e.t; t1 = e.t
    if e.name == 'sched:sched_wakeup':
        w = wakeup(e.trace)
        if grp(w.comm) != 'prod': continue
        syms = e.syms
        how = 'timer' if any('hrtimer' in s for s in syms) else 'futex' if any('futex' in s for s in syms) \
            else 'other:' + (syms[2] if len(syms) > 2 else '?')
        key = (how, grp(e.comm), 'target:' + state(running.get(w.target_cpu, ('idle', 0))),
               'other:' + state(running.get(1 - w.target_cpu, ('idle', 0))))
        mech[key] += 1
        lastwake[w.pid] = (how, grp(e.comm))
    elif e.name == 'sched:sched_switch':
        s = switch(e.trace)
        running[e.cpu] = (s.next_comm, s.next_pid)
        if grp(s.prev_comm) == 'cons' and s.prev_state.startswith('R'):
            cur_key = (grp(s.next_comm), lastwake.get(s.next_pid, ('?', '?')) if grp(s.next_comm) == 'prod' else s.next_comm[:12])
            pre[cur_key] += 1; preempted_at = e.t
        if grp(s.next_comm) == 'cons' and preempted_at is not None:
            waits[cur_key] += e.t - preempted_at; waitn[cur_key] += 1; preempted_at = None
print(f'span {t1 - t0:.2f} s')
print('producer wakeups (mechanism, waker, target cpu had, other cpu had):')
for k, v in mech.most_common(): print(' ', v, k)
print('consumer preempted by (group, how that one was last woken):')
for k, v in pre.most_common(12): print(' ', v, k, f'waited {waits[k]*1e3:.1f} ms in all, {waits[k]/max(1,waitn[k])*1e6:.0f} us each')
