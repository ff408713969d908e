#!/bin/sh
# Runs every benchmark of docs/benchmarks.md and prints its table. From the repository root,
# after `mvn -B -q package -DskipTests`:
#   pilot-gate-bench/run-benchmarks.sh [RESULTS_DIR]
# About 18 minutes on 2 cores. Each JMH run writes RESULTS_DIR/<name>.json and .txt; the load
# averages before and after each run go to RESULTS_DIR/<name>.load (a shared machine's other
# work shows in the spread).
set -eu
out=${1:-pilot-gate-bench/target/results}
jar=pilot-gate-bench/target/benchmarks.jar
mkdir -p "$out"
run() {
  name=$1; shift
  echo "start $(date -u +%FT%TZ) $(cat /proc/loadavg 2>/dev/null || true)" > "$out/$name.load"
  java -jar "$jar" "$@" -rf json -rff "$out/$name.json" > "$out/$name.txt" 2>&1
  echo "end   $(date -u +%FT%TZ) $(cat /proc/loadavg 2>/dev/null || true)" >> "$out/$name.load"
}
run evaluate EvaluateBenchmark -prof gc
run throughput ThroughputBenchmark
run drools-kinds DroolsBuildKindBenchmark -prof gc
run portfolio PortfolioBenchmark
run build BuildBenchmark -prof gc
run reload ReloadBenchmark
java -cp "$jar" dev.pilotgate.bench.Summary "$out"/evaluate.json "$out"/throughput.json "$out"/drools-kinds.json \
  "$out"/portfolio.json "$out"/build.json "$out"/reload.json
java -Xmx2g -cp "$jar" dev.pilotgate.bench.MemoryProbe 5
