#!/usr/bin/env bash
# Runs CoreOpsBenchmark (JMH) and python/core_ops.py on this machine, one after the other, and
# prints Java's time as a multiple of Python's (lower is better for Java).
# Needs: ./mvnw install -DskipTests done once; python3 with torch==2.13.0.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
../mvnw -q exec:exec -Djmh.args="CoreOpsBenchmark -rf csv -rff $out/jmh.csv" >/dev/null
python3 python/core_ops.py > "$out/py.txt"
python3 - "$out/jmh.csv" "$out/py.txt" <<'PY'
import csv, sys
java = {r["Benchmark"].rsplit(".", 1)[1]: float(r["Score"]) for r in csv.DictReader(open(sys.argv[1]))}
py = dict((l.split()[0], float(l.split()[1])) for l in open(sys.argv[2]))
print(f"{'case':20} {'java us':>10} {'python us':>10} {'java/python':>12}")
for k in java:
    print(f"{k:20} {java[k]:10.3f} {py[k]:10.3f} {java[k] / py[k]:12.2f}")
PY
