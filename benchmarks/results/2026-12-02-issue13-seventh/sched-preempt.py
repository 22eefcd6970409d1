#!/usr/bin/env python3
# preempt.py PERFDATA: consumer's switches-out by reason; who ran on its CPU while it was runnable; CPU idle share
import subprocess, re, collections, sys
out = subprocess.run(['perf', 'script', '-i', sys.argv[1], '-F', 'cpu,time,event,trace'], capture_output=True, text=True).stdout
cur = {}; run = collections.Counter(); cons_wait_other = collections.Counter(); cons_state = None; cons_cpu = None
out_reason = collections.Counter(); t_first = t_last = None
for line in out.splitlines():
    m = re.match(r'\s*\[(\d+)\]\s+([\d.]+):\s+(\S+):\s+(.*)', line)
    if not m or 'sched_switch' not in m.group(3): continue
    cpu, t, tr = int(m.group(1)), float(m.group(2)), m.group(4)
    t_first = t_first or t; t_last = t
    mm = re.search(r'prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)', tr)
    pc, ps, nc = mm.group(1), mm.group(3), mm.group(4)
    if cpu in cur:
        name, t0 = cur[cpu]
        run[(name, cpu)] += t - t0
        if cons_state == 'R' and not name.startswith('tblog-consumer'):
            cons_wait_other[name.split('-')[0][:14]] += t - t0
    if pc.startswith('tblog-consumer'):
        cons_state = 'R' if ps.startswith('R') else 'S'
        out_reason[(ps, nc[:14])] += 1
    if nc.startswith('tblog-consumer'):
        cons_state = 'run'
    cur[cpu] = (nc, t)
span = t_last - t_first
print(f'span {span:.2f} s')
for k in sorted({n for n, c in run}, key=lambda n: -sum(v for (n2, c), v in run.items() if n2 == n))[:8]:
    print(f'  {k[:16]:16s}', ' '.join(f'cpu{c} {run[(k, c)]:.2f}' for c in (0, 1)))
print('consumer switched out (its state, next):', sorted(out_reason.items(), key=lambda x: -x[1])[:8])
print('while the consumer was runnable but not running, these ran (s, any CPU):', {k: round(v, 3) for k, v in cons_wait_other.most_common(6)})
