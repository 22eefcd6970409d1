#!/usr/bin/env python3
"""consumer-table.py DIR: the summary table of `run.sh consumer` from the JMH JSON files in DIR.

Reads consumer.json (or the rounds consumer-r<round>-o<work>-t<tags>.json, merged), consumer-path.json,
latency.json, first-million.json and idle.json (whichever exist) and prints Markdown: every tblog
figure beside the ceiling of the same run, the spread over forks (min-max of the fork means), the
4-producer ratio of each round, and the targets of issue 13 and issue 19 item 5.
"""
import glob
import json
import os
import re
import sys


def load(d, name):
    p = os.path.join(d, name + ".json")
    return json.load(open(p)) if os.path.exists(p) else []


def key(r):
    return r["benchmark"], tuple(sorted(r.get("params", {}).items()))


def merge(files):
    """The results of several one-fork runs as JMH would give them for one run of that many forks:
    the forks' iterations side by side, the score their mean, a secondary metric the mean of the runs'."""
    merged, order = {}, []
    for results in files:
        for r in results:
            k = key(r)
            if k not in merged:
                order.append(k)
                merged[k] = {"benchmark": r["benchmark"], "params": r.get("params", {}), "runs": []}
            merged[k]["runs"].append(r)
    out = []
    for k in order:
        runs = merged[k]["runs"]
        raw = [f for r in runs for f in r["primaryMetric"]["rawData"]]
        its = [x for f in raw for x in f]
        secondary = {}
        for name in runs[0]["secondaryMetrics"]:
            scores = [r["secondaryMetrics"][name]["score"] for r in runs if name in r["secondaryMetrics"]]
            secondary[name] = {"score": sum(scores) / len(scores)}
        out.append({"benchmark": merged[k]["benchmark"], "params": merged[k]["params"], "runs": runs,
                    "primaryMetric": {"score": sum(its) / len(its), "rawData": raw},
                    "secondaryMetrics": secondary})
    return out


def load_consumer(d):
    rounds = sorted(glob.glob(os.path.join(d, "consumer-r*-o*-t*.json")))
    if not rounds:
        return load(d, "consumer"), {}
    loaded = {p: json.load(open(p)) for p in rounds}
    by_round = {}
    for p, results in loaded.items():
        by_round.setdefault(re.search(r"consumer-r(\d+)-", p).group(1), []).append(results)
    per_round = {n: merge(files) for n, files in by_round.items()}
    return merge(list(loaded.values())), per_round


def round_ratios(per_round, tags, work):
    """4 producers over 1 producer in each round, run back to back."""
    cells = []
    for n in sorted(per_round):
        p1 = find(per_round[n], "producers1", tagsPerStep=tags, otherWork=work)
        p4 = find(per_round[n], "producers4", tagsPerStep=tags, otherWork=work)
        if p1 and p4:
            cells.append(f"{100 * p4['primaryMetric']['score'] / p1['primaryMetric']['score']:.0f}")
    return f"; rounds {', '.join(cells)} %" if cells else ""


def find(results, method, **params):
    for r in results:
        if r["benchmark"].endswith("." + method) and all(
                str(r.get("params", {}).get(k)) == str(v) for k, v in params.items()):
            return r
    return None


def fork_means(r):
    return [sum(f) / len(f) for f in r["primaryMetric"]["rawData"] if f]


def sec(r, name):
    m = r["secondaryMetrics"].get(name) if r else None
    return m["score"] if m else float("nan")


def mega(x):
    return f"{x / 1e6:.1f} M/s"


def spread(r):
    fm = fork_means(r)
    return f"{min(fm) / 1e6:.1f}–{max(fm) / 1e6:.1f}" if len(fm) > 1 else "–"


def main(d):
    consumer, per_round = load_consumer(d)
    rows = []
    out = rows.append
    out("| | tblog | ceiling, same run | ratio | target | |")
    out("|---|---|---|---|---|---|")
    for work in ("0", "2"):
        label = "" if work == "0" else ", other work (2 busy threads)"
        for tags in ("1", "8"):
            c = find(consumer, "ceiling", tagsPerStep=tags, otherWork=work)
            p1 = find(consumer, "producers1", tagsPerStep=tags, otherWork=work)
            p4 = find(consumer, "producers4", tagsPerStep=tags, otherWork=work)
            if not (c and p1):
                continue
            cs, s1 = c["primaryMetric"]["score"], p1["primaryMetric"]["score"]
            r1 = s1 / cs
            out(f"| 1 producer, {tags} tag{'s' if tags != '1' else ''} per step{label} | {mega(s1)} (forks {spread(p1)}) "
                f"| {mega(cs)} (forks {spread(c)}) | {100 * r1:.0f} % of the ceiling | ≥ 20 % | "
                f"{'met' if r1 >= 0.2 else 'NOT met'} |")
            if p4:
                s4 = p4["primaryMetric"]["score"]
                r4 = s4 / s1
                out(f"| 4 producers, {tags} tag{'s' if tags != '1' else ''} per step{label} | {mega(s4)} (forks {spread(p4)}) "
                    f"| {100 * s4 / cs:.0f} % of the ceiling | {100 * r4:.0f} % of 1 producer"
                    f"{round_ratios(per_round, tags, work)} | ≥ 80 % | "
                    f"{'met' if r4 >= 0.8 else 'NOT met'} |")
    p8 = find(consumer, "producers1", tagsPerStep="8", otherWork="0")
    p1 = find(consumer, "producers1", tagsPerStep="1", otherWork="0")
    if p8 and p1:
        b8, b1 = sec(p8, "bytes/scalar"), sec(p1, "bytes/scalar")
        out(f"| bytes on disk per scalar, 8 tags per step | {b8:.1f} B | – | – | ≤ 25 | {'met' if b8 <= 25 else 'NOT met'} |")
        out(f"| bytes on disk per scalar, 1 tag per step | {b1:.1f} B | – | – | no worse than before | – |")
        out(f"| consumer CPU per scalar, 1 / 8 tags per step (consumer thread's clock, in the run above) "
            f"| {sec(p1, 'consumer.cpu/scalar'):.0f} / {sec(p8, 'consumer.cpu/scalar'):.0f} ns "
            f"| writer: {sec(find(consumer, 'ceiling', tagsPerStep='1', otherWork='0'), 'writer.cpu/scalar'):.1f} ns | – | reported | – |")
        out(f"| allocation per scalar end to end, all threads (`gc.alloc.rate.norm`) | {sec(p1, 'gc.alloc.rate.norm'):.3f} B "
            f"| – | – | 0 B | – |")
    path = load(d, "consumer-path")
    if path:
        cells = []
        for r in path:
            pr = r.get("params", {})
            slot = {"true": "tag id", "false": "tag by reference"}.get(pr.get("tagIds"), "")
            cells.append(f"{pr.get('tagsPerStep')} tag(s), coalesce {pr.get('coalesceSteps', '–')}"
                         f"{', ' + slot if slot else ''}: "
                         f"{sec(r, 'cpu/scalar'):.0f} ns, {sec(r, 'gc.alloc.rate.norm'):.3f} B")
        out(f"| consumer alone (`ConsumerPathBenchmark`): CPU and allocation per scalar | {'; '.join(cells)} | – | – | 0 B | – |")
    lat = load(d, "latency")
    call, work = find(lat, "addScalar"), find(lat, "workOnly")
    if call and work:
        pc, pw = call["primaryMetric"]["scorePercentiles"], work["primaryMetric"]["scorePercentiles"]
        p50 = pc["50.0"] - pw["50.0"]
        out(f"| `addScalar` caller's cost p50 / p99 (over `workOnly`) | {p50:.0f} / {pc['99.0'] - pw['99.0']:.0f} ns, "
            f"{sec(call, 'gc.alloc.rate.norm'):.3f} B/op (work alone {sec(work, 'gc.alloc.rate.norm'):.3f}) "
            f"| – | – | ≤ 50 ns, 0 B | {'met' if p50 <= 50 else 'NOT met'} |")
    first = load(d, "first-million")
    for tags in ("1", "8"):
        t, c = find(first, "tblog", tagsPerStep=tags), find(first, "ceiling", tagsPerStep=tags)
        if t and c:
            ts, cs = t["primaryMetric"]["score"], c["primaryMetric"]["score"]   # us per scalar
            fm = fork_means(t)
            out(f"| first 1 M scalars of a fresh JVM, {tags} tag(s) per step | {1 / ts:.1f} M/s "
                f"(forks {1 / max(fm):.1f}–{1 / min(fm):.1f}) | {1 / cs:.1f} M/s | {100 * cs / ts:.0f} % of the ceiling | reported | – |")
    idle = load(d, "idle")
    for strategy in ("parking", "sleeping", "blocking"):
        i, o = find(idle, "idleSecond", waitStrategy=strategy), find(idle, "open200", waitStrategy=strategy)
        w = find(idle, "toTheOs", waitStrategy=strategy)
        if i or o:
            cpu = f"{sec(i, 'idle.cpu/logger'):.2f} % of a core" if i else "–"
            opened = f"{o['primaryMetric']['score'] / 1000:.2f} s" if o else "–"
            woken = f"{w['primaryMetric']['score']:.0f} µs" if w else "–"
            target = "≤ 1 %; a few ms" if strategy == "parking" else "(before)" if strategy == "sleeping" else ""
            met = ("met" if sec(i, 'idle.cpu/logger') <= 1 else "NOT met") if strategy == "parking" and i else "–"
            out(f"| idle logger, `{strategy}`: CPU per logger; first scalar after idling to the OS; 200 loggers opened "
                f"| {cpu}; {woken}; {opened} | – | – | {target} | {met} |")
    print("\n".join(rows))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
