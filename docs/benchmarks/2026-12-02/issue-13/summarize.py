#!/usr/bin/env python3
"""Table of the issue-13 EvaluateBenchmark runs: per repetition the sampled median (p50) and p90
of pilotGate and handCoded in us/op, their ratio (pilotGate p50 / handCoded p50, same JMH run),
and the allocation per op (gc.alloc.rate.norm, KiB); then medians and min-max over repetitions.
Reads <side>-<size>-<rep>.json(.gz) and the .load files run.sh wrote in the series folder
given as the argument: summarize.py b"""
import glob, gzip, json, os, re, statistics, sys

here = os.path.dirname(os.path.abspath(__file__))
series = os.path.join(here, sys.argv[1]) if len(sys.argv) > 1 else here  # e.g. b, a-under-load

def load(path):
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rt') as f:
        return json.load(f)

def row(path):
    out = {}
    for b in load(path):
        name = b['benchmark'].rsplit('.', 1)[1]
        pm = b['primaryMetric']
        out[name] = dict(p50=pm['scorePercentiles']['50.0'], p90=pm['scorePercentiles']['90.0'],
                         alloc=b['secondaryMetrics']['gc.alloc.rate.norm']['score'] / 1024)
    return out

def loadavg(base):
    try:
        first = open(base + '.load').readline().split()
        return first[2]  # 1-minute load average before the run
    except OSError:
        return '?'

runs = {}
for p in sorted(glob.glob(os.path.join(series, "*-*-*.json*"))):
    m = re.match(r'(\w+)-(\w+)-(\d+)\.json', os.path.basename(p))
    runs.setdefault((m[1], m[2]), []).append((int(m[3]), p))

for (side, size), lst in sorted(runs.items(), key=lambda kv: (kv[0][1] != 'typical', kv[0][1], kv[0][0] != 'new')):
    print(f'\n### {side}, {size}\n')
    print('| rep | load (1 min) before | pilotGate p50 (p90) µs | handCoded p50 (p90) µs | ratio | pilotGate alloc KiB | handCoded alloc KiB |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    cols = {k: [] for k in ('pg', 'hc', 'ratio', 'pga', 'hca')}
    for rep, p in sorted(lst):
        try:
            r = row(p)
        except (ValueError, KeyError):
            print(f'| {rep} | (no result: run failed or unfinished) |||||')
            continue
        pg, hc = r['pilotGate'], r['handCoded']
        ratio = pg['p50'] / hc['p50']
        cols['pg'].append(pg['p50']); cols['hc'].append(hc['p50']); cols['ratio'].append(ratio)
        cols['pga'].append(pg['alloc']); cols['hca'].append(hc['alloc'])
        print(f"| {rep} | {loadavg(p.split('.json')[0])} | {pg['p50']:.1f} ({pg['p90']:.1f}) | {hc['p50']:.1f} ({hc['p90']:.1f}) "
              f"| {ratio:.2f} | {pg['alloc']:.1f} | {hc['alloc']:.1f} |")
    if len(lst) > 1:
        med = {k: statistics.median(v) for k, v in cols.items()}
        print(f"| median | | {med['pg']:.1f} | {med['hc']:.1f} | **{med['ratio']:.2f}** | {med['pga']:.1f} | {med['hca']:.1f} |")
        print(f"| min–max | | {min(cols['pg']):.1f}–{max(cols['pg']):.1f} | {min(cols['hc']):.1f}–{max(cols['hc']):.1f} "
              f"| {min(cols['ratio']):.2f}–{max(cols['ratio']):.2f} | {min(cols['pga']):.1f}–{max(cols['pga']):.1f} "
              f"| {min(cols['hca']):.1f}–{max(cols['hca']):.1f} |")
