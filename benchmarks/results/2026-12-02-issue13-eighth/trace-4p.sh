#!/usr/bin/env bash
# trace4p.sh JAR OUTDIR "jvm args": one 4-producer 8-tag fork, a 2-second sched trace in its first measured iteration
jar=$1; out=$2; mkdir -p $out; rm -f $out/run.txt
(java -jar $jar consumer.ConsumerBenchmark.producers4 -p tagsPerStep=8 -p otherWork=0 -f 1 -wi 1 -w 1 -i 4 -r 2 -prof dev.tblog.bench.consumer.SideFigures -jvmArgsAppend "$3" > $out/run.txt 2>&1 &)
for i in $(seq 80); do grep -q "^Iteration   1" $out/run.txt && break; sleep 0.5; done
perf record -q -o $out/sched.data -e sched:sched_switch -e sched:sched_wakeup -e sched:sched_migrate_task --call-graph fp -a -- sleep 2 >/dev/null 2>&1
while pgrep -f ForkedMain >/dev/null; do sleep 1; done
grep -E "^Iteration" $out/run.txt | tr '\n' ' '; echo
perf script -i $out/sched.data -F comm,tid,cpu,time,event,trace,ip,sym 2>/dev/null > $out/script.txt
python3 "$(dirname "$0")/sched-placement.py" $out/script.txt
