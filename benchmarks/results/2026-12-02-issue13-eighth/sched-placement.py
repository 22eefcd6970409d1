import re, sys, collections
blocks = open(sys.argv[1]).read().split('\n\n')
def grp(c): return 'cons' if c.startswith('tblog-consumer') else 'prod' if c.startswith('dev.tblog.bench') else 'idle' if c.startswith('swapper') else 'other'
running = {}; lastcpu = {}; c = collections.Counter(); since = collections.defaultdict(list); idle_since = {}
for blk in blocks:
    ls = blk.strip().split('\n')
    m = re.match(r'\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s+(.*)', ls[0]) if ls and ls[0] else None
    if not m: continue
    comm, tid, cpu, t, ev, tr = m.group(1), int(m.group(2)), int(m.group(3)), float(m.group(4)), m.group(5), m.group(6)
    if ev == 'sched:sched_switch':
        pm = re.search(r'prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)', tr)
        lastcpu[int(pm.group(2))] = cpu
        running[cpu] = grp(pm.group(4))
        if running[cpu] == 'idle': idle_since[cpu] = t
    elif ev == 'sched:sched_wakeup':
        wm = re.search(r'comm=(.*?) pid=(\d+) prio=\d+ target_cpu=(\d+)', tr)
        wp, tc = int(wm.group(2)), int(wm.group(3))
        if grp(wm.group(1)) != 'prod' or grp(comm) != 'cons': continue
        prev = lastcpu.get(wp)
        oc = 1 - tc
        k = ('target=waker' if tc == cpu else 'target=other', 'prev=target' if prev == tc else 'prev=other', 'othercpu:' + running.get(oc, '?'))
        c[k] += 1
        if running.get(oc) == 'idle' and tc == cpu: since[k].append(t - idle_since.get(oc, t))
for k, v in c.most_common(): 
    s = sorted(since[k]); print(v, k, ('idle for median %.0f us' % (s[len(s)//2]*1e6)) if s else '')
