import json, glob, os, re, statistics, sys
d = sys.argv[1] if len(sys.argv) > 1 else '/tmp/buildb-jars/session'
rows = {}
for f in sorted(glob.glob(d + '/r*-*.json')):
    m = re.match(r'r(\d+)-(\w)\.json', os.path.basename(f))
    r, arm = int(m.group(1)), m.group(2)
    try:
        data = json.load(open(f))
    except ValueError:
        continue
    for b in data:
        name = b['benchmark'].rsplit('.', 1)[1]
        p = b['primaryMetric']['scorePercentiles']
        rows.setdefault(name, {}).setdefault(arm, {})[r] = (p['50.0'], p['90.0'], p['99.0'], p['99.9'])
for name, arms in rows.items():
    print(name)
    for arm in 'BAU':
        if arm not in arms:
            continue
        rs = arms[arm]
        line = '  %s ' % arm
        for i, q in enumerate(['p50', 'p90', 'p99', 'p99.9']):
            vals = [rs[r][i] for r in sorted(rs)]
            line += ' %s %s (median %.0f)' % (q, '/'.join('%.0f' % v for v in vals), statistics.median(vals))
        print(line)
    # per-round ratios of p99
    for a, b in (('A', 'B'), ('A', 'U'), ('U', 'B')):
        if a in arms and b in arms:
            common = sorted(set(arms[a]) & set(arms[b]))
            ratios = [arms[a][r][2] / arms[b][r][2] for r in common]
            med = statistics.median([arms[a][r][2] for r in common]) / statistics.median([arms[b][r][2] for r in common])
            print('  p99 %s/%s per round: %s; ratio of medians %.2f' % (a, b, ', '.join('%.2f' % x for x in ratios), med))
