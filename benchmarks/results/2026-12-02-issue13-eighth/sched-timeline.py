import re, sys
blocks = open(sys.argv[1]).read().split('\n\n'); n = int(sys.argv[2])
def short(c): return 'CONS' if c.startswith('tblog-consumer') else c[:15]
ev = []
for blk in blocks:
    ls = blk.strip().split('\n')
    m = re.match(r'\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s+(.*)', ls[0]) if ls and ls[0] else None
    if not m: continue
    comm, tid, cpu, t, e, tr = m.group(1), int(m.group(2)), int(m.group(3)), float(m.group(4)), m.group(5), m.group(6)
    if e == 'sched:sched_switch':
        pm = re.search(r'prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)', tr)
        ev.append((t, cpu, f'switch {short(pm.group(1))}/{pm.group(2)} [{pm.group(3)}] -> {short(pm.group(4))}/{pm.group(5)}'))
    elif e == 'sched:sched_wakeup':
        wm = re.search(r'comm=(.*?) pid=(\d+) prio=\d+ target_cpu=(\d+)', tr)
        ev.append((t, cpu, f'  {short(comm)} wakes {short(wm.group(1))}/{wm.group(2)} on cpu{int(wm.group(3))}'))
    elif e == 'sched:sched_migrate_task':
        mm = re.search(r'comm=(.*?) pid=(\d+) .*orig_cpu=(\d+) dest_cpu=(\d+)', tr)
        ev.append((t, cpu, f'  MIGRATE {short(mm.group(1))}/{mm.group(2)} {mm.group(3)}->{mm.group(4)} (by {short(comm)})'))
t0 = ev[0][0]
for t, cpu, s in ev[n:n+int(sys.argv[3])]: print(f'{(t - t0) * 1e3:9.3f} cpu{cpu} {s}')
