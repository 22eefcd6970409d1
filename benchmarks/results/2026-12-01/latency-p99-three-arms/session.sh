#!/bin/bash
# AddScalarLatencyBenchmark, before (B: a0bfbcc, unrelocated) / after (A: this branch, shaded and
# relocated) / control (U: this branch's classes unrelocated, the libraries as plain jars), in
# rotating order, each round under /work/bench.lock.
set -u
out=${OUT_DIR:-/tmp/buildb-jars/session}
mkdir -p "$out"
orders=(BAU UAB AUB BUA UBA ABU)
jvm="-Xms1g -Xmx1g -Dio.netty.leakDetection.level=disabled -Ddev.tblog.internal.netty.leakDetection.level=disabled"
for r in "${!orders[@]}"; do
  order=${orders[$r]}
  flock /work/bench.lock bash -c "
    for arm in \$(echo $order | grep -o .); do
      echo \"round $((r + 1)) arm \$arm start \$(date +%T) load \$(cut -d' ' -f1 /proc/loadavg)\"
      java -jar /tmp/buildb-jars/\$arm.jar 'AddScalarLatencyBenchmark' -foe true -f 1 -wi 3 -w 1 -i 10 -r 2 \
        -jvmArgsAppend '$jvm' -rf json -rff $out/r$((r + 1))-\$arm.json > $out/r$((r + 1))-\$arm.log 2>&1
      echo \"round $((r + 1)) arm \$arm rc \$? end \$(date +%T) load \$(cut -d' ' -f1 /proc/loadavg)\"
    done"
done
