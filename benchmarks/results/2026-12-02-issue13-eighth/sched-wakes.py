#!/usr/bin/env python3
# wakes.py SCRIPT.txt: producer wakeups by mechanism (kernel stack), waker, target cpu, other-cpu state;
# consumer preemptions (switched out in R) by who replaced it and how that one was woken.
import re, sys, collections
lines = open(sys.argv[1]).read().split('\n\n')
def grp(c):
    return 'cons' if c.startswith('tblog-consumer') else 'prod' if c.startswith('dev.tblog.bench') else 'other'
running = {}  # cpu -> (comm, tid)
lastwake = {} # tid -> mechanism
mech = collections.Counter(); pre = collections.Counter(); t0=t1=None
cons_cpu_time = collections.Counter(); preempted_at = None; waits = collections.Counter(); waitn = collections.Counter(); cur_key=None
for blk in lines:
    ls = blk.strip().split('\n')
    if not ls or not ls[0]: continue
    m = re.match(r'\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s+(.*)', ls[0])
    if not m: continue
    comm, tid, cpu, t, ev, tr = m.group(1), int(m.group(2)), int(m.group(3)), float(m.group(4)), m.group(5), m.group(6)
    t0 = t0 or t; t1 = t
    syms = [l.split()[-1] for l in ls[1:]]
    if ev == 'sched:sched_wakeup':
        wm = re.search(r'comm=(.*?) pid=(\d+) prio=\d+ target_cpu=(\d+)', tr)
        wc, wp, tc = wm.group(1), int(wm.group(2)), int(wm.group(3))
        if grp(wc) != 'prod': continue
        how = 'timer' if any('hrtimer' in s for s in syms) else 'futex' if any('futex' in s for s in syms) else 'other:' + (syms[2] if len(syms) > 2 else '?')
        other = running.get(1 - tc, ('idle', 0))
        oc = 'idle' if other[0].startswith('swapper') or other[0] == 'idle' else grp(other[0])
        tgt = running.get(tc, ('idle', 0))
        tg = 'idle' if tgt[0].startswith('swapper') or tgt[0] == 'idle' else grp(tgt[0])
        key = (how, grp(comm), 'target:' + tg, 'other:' + oc)
        mech[key] += 1
        lastwake[wp] = (how, grp(comm))
    elif ev == 'sched:sched_switch':
        pm = re.search(r'prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)', tr)
        pc, pp, ps, nc, np_ = pm.group(1), int(pm.group(2)), pm.group(3), pm.group(4), int(pm.group(5))
        running[cpu] = (nc, np_)
        if grp(pc) == 'cons' and ps.startswith('R'):
            cur_key = (grp(nc), lastwake.get(np_, ('?', '?')) if grp(nc) == 'prod' else nc[:12]); pre[cur_key] += 1; preempted_at = t
        if grp(nc) == 'cons' and preempted_at is not None:
            waits[cur_key] += t - preempted_at; waitn[cur_key] += 1; preempted_at = None
print(f'span {t1 - t0:.2f} s')
print('producer wakeups (mechanism, waker, target cpu had, other cpu had):')
for k, v in mech.most_common(): print(' ', v, k)
print('consumer preempted by (group, how that one was last woken):')
for k, v in pre.most_common(12): print(' ', v, k, f'waited {waits[k]*1e3:.1f} ms in all, {waits[k]/max(1,waitn[k])*1e6:.0f} us each')
