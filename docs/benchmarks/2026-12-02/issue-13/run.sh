#!/bin/bash
# EvaluateBenchmark after issue 13: pilotGate against the hand-coded floor, same JMH run.
#   run.sh SERIES_DIR WAIT_FOR_LOG MAX_WAIT_SECONDS
# new  = worktree bench-13 at a1b505b (issue 13 merged), jar built with
#        mvn -B -o -q package -DskipTests -pl pilot-gate-bench -am
# base = 8bc67c5 (the last commit before issue 13's branches), exported with
#        git archive 8bc67c5 | tar -x -C /tmp/pg-base-8bc67c5, plus the one-file bench fix of
#        7cb209e (FrozenRules load as trusted rules: 8bc67c5's own checker refuses the frozen
#        rules' Finding x Finding join, so its EvaluateBenchmark fails in setUp), built the same way;
#        run alternately with new, as a same-hour control for the machine's drift.
# Waits (polling every 30 s, at most MAX_WAIT_SECONDS) for a concurrent test build's log to get
# its rc= line (which starts with Maven's colour codes, hence the pattern).
set -u
OUT=$(cd "$1" && pwd); WAIT_LOG=$2; MAX_WAIT=$3
NEW=/work/wt-bench/pilot-gate-bench/target/benchmarks.jar
BASE=/tmp/pg-base-8bc67c5/pilot-gate-bench/target/benchmarks.jar
ARGS="-f 1 -wi 5 -w 3 -i 5 -r 3 -prof gc"
rc() { grep -aoE 'rc=[0-9]+' "$WAIT_LOG" 2>/dev/null || echo running; }

start=$(date +%s)
until grep -aqP '^(\e\[[0-9;]*m)*rc=' "$WAIT_LOG" 2>/dev/null; do
  if [ $(( $(date +%s) - start )) -ge "$MAX_WAIT" ]; then
    echo "$(date -u +%FT%TZ) gave up waiting for $WAIT_LOG rc= after $MAX_WAIT s" >> "$OUT/wait.log"; break
  fi
  sleep 30
done
echo "$(date -u +%FT%TZ) measuring; $WAIT_LOG: $(rc)" >> "$OUT/wait.log"

run() { # side size rep
  local side=$1 size=$2 rep=$3 jar
  if [ "$side" = new ]; then jar=$NEW; else jar=$BASE; fi
  local f="$OUT/$side-$size-$rep"
  echo "before $(date -u +%FT%TZ) $(cat /proc/loadavg) $WAIT_LOG: $(rc)" > "$f.load"
  java -jar "$jar" 'EvaluateBenchmark.(pilotGate|handCoded)' -p size=$size $ARGS -rf json -rff "$f.json" > "$f.txt" 2>&1
  echo "after  $(date -u +%FT%TZ) $(cat /proc/loadavg) $WAIT_LOG: $(rc)" >> "$f.load"
}

for i in 1 2 3 4 5; do
  run new typical $i
  run base typical $i
done
run new large 1
run base large 1
echo finished > "$OUT/done"
