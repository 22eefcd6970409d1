#!/usr/bin/env bash
# Builds the library and both benchmark jars, then runs tblog and Log4j2 side by side.
#   benchmarks/run.sh quick      a few minutes, short iterations: to spot regressions
#   benchmarks/run.sh record     what benchmarks/RESULTS.md records (~25 minutes on 2 cores)
#   benchmarks/run.sh full       longer: two forks, longer iterations (about an hour)
#   benchmarks/run.sh hdfs       scalars per second and flush() latency to HDFS (a mini cluster in the
#                                benchmark's JVM) beside a local file, the same run (~3 minutes)
#   benchmarks/run.sh profiler   what the TensorBoard profiler costs: the same benchmarks without
#                                and with it, in turn, and its hooks against -prof gc's (~10 minutes)
#   benchmarks/run.sh consumer   the consumer at the speed of the disk (issue 13) and idle CPU (issue 19):
#                                tblog against the ceiling, 1 and 4 producers, 1 and 8 tags per step,
#                                with and without other work, 3 interleaved rounds (TBLOG_CONSUMER_ROUNDS, at
#                                most 9; each adds ~5 minutes); the consumer's own work; caller latency; the
#                                first million of a fresh JVM; idle loggers (~25 minutes).
#                                Prints the summary table (consumer-table.py) at the end.
# Results (JMH JSON and text, one pair per step) go to benchmarks/target/results/<mode>-<time>/.
# Every JMH run also streams into TensorBoard through tblog's own profiler
# (dev.tblog.jmh.TensorBoardProfiler): benchmarks/target/tensorboard/<mode>-<time>/... (the Log4j2
# side under <mode>-<time>-log4j2/); look at them with `tensorboard --logdir benchmarks/target/tensorboard`.
# Every benchmark checks its own result (written == published, lines in the file == calls) and
# JMH fails the run (-foe true) instead of printing a number when a check fails.
set -euo pipefail
mode=${1:-quick}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
case "$mode" in
  quick) opts=(-f 1 -wi 1 -w 1 -i 2 -r 2); memsecs=5 ;;
  record) opts=(-f 1 -wi 3 -w 1 -i 5 -r 2); memsecs=15 ;;
  full)  opts=(-f 2 -wi 3 -w 2 -i 5 -r 3); memsecs=30 ;;
  consumer) opts=() ;;
  hdfs) opts=() ;;
  profiler) opts=(-f 1 -wi 3 -w 1 -i 5 -r 1) ;;
  *) echo "usage: $0 quick|record|full|consumer|hdfs|profiler" >&2; exit 2 ;;
esac

mvnrepo=()
if [[ -n ${MAVEN_REPO_LOCAL:-} ]]; then mvnrepo=(-Dmaven.repo.local="$MAVEN_REPO_LOCAL"); fi
(cd "$root" && mvn -B -q "${mvnrepo[@]}" install -DskipTests)
mvn -B -q "${mvnrepo[@]}" -f "$here/pom.xml" package

run_id=$mode-$(date +%Y%m%d-%H%M%S)
tblog=(java -jar "$here/target/benchmarks.jar")
# Log4j2 2.26.1 + Disruptor 3.4.4; tblog's library jar beside it only for the profiler (its own
# Disruptor is relocated, so the Log4j2 side still runs on 3.4.4 alone).
log4j2=(java -cp "$here/log4j2/target/benchmarks-log4j2.jar:$root/target/tblog-0.1.0-SNAPSHOT.jar" org.openjdk.jmh.Main)
out="$here/target/results/$run_id"
tensorboard="$here/target/tensorboard"
mkdir -p "$out" "$tensorboard"
profiler=dev.tblog.jmh.TensorBoardProfiler
side=(-prof dev.tblog.bench.consumer.SideFigures)   # consumer CPU, bytes per scalar, idle CPU

step() {   # step NAME JAR... -- JMH-ARGS...   (streams into TensorBoard under the label $run_id)
  local name=$1; shift
  local jar=(); while [[ $1 != -- ]]; do jar+=("$1"); shift; done; shift
  local label=$run_id; [[ ${jar[*]} == *log4j2* ]] && label=$run_id-log4j2
  plain "$name" "${jar[@]}" -- "$@" -prof "$profiler:logdir=$tensorboard;label=$label"
}

plain() {  # plain NAME JAR... -- JMH-ARGS...   (no TensorBoard)
  local name=$1; shift
  local jar=(); while [[ $1 != -- ]]; do jar+=("$1"); shift; done; shift
  echo "== $name"
  "${jar[@]}" "$@" "${opts[@]}" -foe true -rf json -rff "$out/$name.json" 2>&1 | tee "$out/$name.txt"
}

if [[ $mode == consumer ]]; then
  # plain: no profiler in these runs, whose figures the issue-13 table records
  # On a shared machine, one JMH run at a time: each step takes the lock file named by
  # TBLOG_BENCH_LOCK (default /work/bench.lock) when it exists.
  lock=${TBLOG_BENCH_LOCK:-/work/bench.lock}
  if [[ -e $lock ]] && command -v flock >/dev/null; then tblog=(flock "$lock" "${tblog[@]}"); fi
  # tblog against the ceiling of the disk path, 1/4 producers x 1/8 tags per step x 0/2 busy threads beside:
  # rounds (3 unless TBLOG_CONSUMER_ROUNDS says otherwise) of one fork per configuration, each
  # configuration's ceiling, 1 producer and 4 producers back to back, so that the VM's slow spells
  # (minutes) fall on the figures a ratio compares alike;
  # consumer-table.py merges the rounds (consumer-r<round>-o<work>-t<tags>.json)
  rounds=${TBLOG_CONSUMER_ROUNDS:-3}
  if ! [[ $rounds =~ ^[1-9]$ ]]; then echo "TBLOG_CONSUMER_ROUNDS must be 1 to 9, not '$rounds'" >&2; exit 2; fi
  for round in $(seq 1 "$rounds"); do
    for work in 0 2; do
      for tags in 1 8; do
        plain "consumer-r$round-o$work-t$tags" "${tblog[@]}" -- 'consumer.ConsumerBenchmark' -p otherWork=$work \
          -p tagsPerStep=$tags -f 1 "${side[@]}" -prof gc
      done
    done
  done
  # the consumer's own work per scalar, alone (CPU time, allocation)
  plain consumer-path "${tblog[@]}" -- 'consumer.ConsumerPathBenchmark' "${side[@]}" -prof gc
  # the caller's cost of addScalar with the workOnly baseline
  plain latency "${tblog[@]}" -- 'AddScalarLatencyBenchmark' -f 1 -wi 3 -w 1 -i 5 -r 2 -prof gc
  # the first million scalars of a fresh JVM (5 forks, no warm-up), with the cold ceiling
  plain first-million "${tblog[@]}" -- 'consumer.FirstMillionBenchmark' "${side[@]}"
  # idle loggers: CPU per logger, 200 loggers opened; per wait strategy
  plain idle "${tblog[@]}" -- 'consumer.IdleLoggerBenchmark' "${side[@]}"
  python3 "$here/consumer-table.py" "$out" | tee "$out/table.md"
  echo "results in $out"
echo "TensorBoard: tensorboard --logdir $tensorboard   (this run: $tensorboard/$run_id)"
  exit 0
fi
if [[ $mode == hdfs ]]; then
  # From the class path, not a shaded jar: the mini cluster's NameNode finds its webapps/ there only.
  mvn -B -q "${mvnrepo[@]}" -f "$here/hdfs/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
  hdfs=(java -cp "$here/hdfs/target/classes:$(cat "$here/hdfs/target/cp.txt")" org.openjdk.jmh.Main)
  plain hdfs "${hdfs[@]}" -- 'HdfsScalarsBenchmark'
  echo "results in $out"
  exit 0
fi

if [[ $mode == profiler ]]; then
  # The same benchmarks without (A) and with (B) the profiler, in turn A B B A, one fork each:
  # AddScalarLatencyBenchmark.addScalar (SampleTime: the profiler hands ~1M samples per warm-up
  # iteration to the host) and HistogramKernelBenchmark.tblogDoubles (AverageTime).
  cost=('AddScalarLatencyBenchmark.addScalar$|HistogramKernelBenchmark.tblogDoubles$' -p size=10000)
  plain cost-a1 "${tblog[@]}" -- "${cost[@]}" -prof gc
  step  cost-b1 "${tblog[@]}" -- "${cost[@]}" -prof gc
  step  cost-b2 "${tblog[@]}" -- "${cost[@]}" -prof gc
  plain cost-a2 "${tblog[@]}" -- "${cost[@]}" -prof gc
  # Its two hooks in the benchmark's JVM against -prof gc's, per pair of iterations.
  plain hooks "${tblog[@]}" -- 'ProfilerHooksBenchmark'
  echo "results in $out; TensorBoard: tensorboard --logdir $tensorboard"
  exit 0
fi
mvn -B -q "${mvnrepo[@]}" -f "$here/log4j2/pom.xml" package

# (a) producer latency, pacing work 100 tokens, with the workOnly baseline, allocation per call
step latency-tblog   "${tblog[@]}"  -- 'AddScalarLatencyBenchmark' -prof gc
step latency-log4j2  "${log4j2[@]}" -- 'Log4j2LatencyBenchmark' -prof gc
# (b) sustained end-to-end throughput, block, ring 65536, sleeping, 1/2/4/8 producers
step e2e-tblog       "${tblog[@]}"  -- 'TblogThroughputBenchmark'
step e2e-log4j2      "${log4j2[@]}" -- 'Log4j2ThroughputBenchmark'
# (c) overload: tblog drop / Log4j2 Discard(INFO), ring 1024, 1 and 4 producers
step overload-tblog  "${tblog[@]}"  -- 'TblogDropBenchmark'
step overload-log4j2 "${log4j2[@]}" -- 'Log4j2DiscardBenchmark'
# tblog curves: ring size, wait strategy; and the synchronous baseline
step ring-size       "${tblog[@]}"  -- 'RingSizeBenchmark'
step wait-strategy   "${tblog[@]}"  -- 'WaitStrategyBenchmark'
step sync-baseline   "${tblog[@]}"  -- 'ScalarThroughputBenchmark'
# payloads: images and histograms end to end against their caller-thread baselines; the kernels
step images          "${tblog[@]}"  -- 'ImagePipelineBenchmark' -prof gc
step histograms      "${tblog[@]}"  -- 'HistogramPipelineBenchmark' -prof gc
step kernels         "${tblog[@]}"  -- 'HistogramKernelBenchmark|ImageKernelBenchmark|PngEncodeBenchmark' -prof gc
# dashboards, part 1: PR curves, audio, video against the Python writers' work on the caller; GIF writers
step dashboards      "${tblog[@]}"  -- 'DashboardPipelineBenchmark|GifEncodeBenchmark' -prof gc
# embeddings: addEmbedding 10,000 x 64 with labels and thumbnails, the call, the bare copy, end to end, the Python way
step embeddings      "${tblog[@]}"  -- 'EmbeddingPipelineBenchmark' -prof gc
# memory under sustained overload, 8 producers, each policy
for policy in block drop; do
  echo "== memory-$policy"
  java -Xmx512m -cp "$here/target/benchmarks.jar" dev.tblog.bench.OverloadMemory "$policy" "$memsecs" 8 65536 \
    2>&1 | tee "$out/memory-$policy.txt"
done
echo "results in $out"
echo "TensorBoard: tensorboard --logdir $tensorboard   (this run: $tensorboard/$run_id)"
