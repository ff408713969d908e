#!/bin/bash
for i in 5 6; do
  for side in old new; do
    if [ $side = old ]; then J=/work/wt-old/pilot-gate-bench/target/benchmarks.jar; else J=/work/main/pilot-gate-bench/target/benchmarks.jar; fi
    uptime > $side-$i.load
    java -jar $J 'EvaluateBenchmark.(pilotGate|handCoded)' -p size=typical -f 1 -wi 5 -w 3 -i 5 -r 3 -prof gc -rf json -rff $side-$i.json > $side-$i.txt 2>&1
    uptime >> $side-$i.load
  done
done
echo finished > done
