#!/usr/bin/env bash
# Runs a JMH benchmark of jtorch and its Python PyTorch counterpart on this machine, one after the
# other, and prints Java's time as a multiple of Python's (lower is better for Java):
#
#   benchmarks/compare.sh TensorOpsBenchmark python/tensor_ops.py
#
# The Python script prints one "<case> <microseconds>" line per JMH benchmark method of the same
# name. Needs: ./mvnw install -DskipTests done once; python3 with torch==2.13.0. Extra JMH options
# can be passed in JMH_OPTS (e.g. JMH_OPTS="-f 1 -wi 3 -i 5").
set -euo pipefail
cd "$(dirname "$0")"
bench=${1:?usage: compare.sh <JmhBenchmarkClass> <python script>}
script=${2:?usage: compare.sh <JmhBenchmarkClass> <python script>}
out=$(mktemp -d)
../mvnw -q exec:exec -Djmh.args="$bench ${JMH_OPTS:-} -rf csv -rff $out/jmh.csv" >/dev/null
python3 "$script" > "$out/py.txt"
python3 - "$out/jmh.csv" "$out/py.txt" <<'PY'
import csv, sys
java = {r["Benchmark"].rsplit(".", 1)[1]: float(r["Score"]) for r in csv.DictReader(open(sys.argv[1]))}
py = dict((l.split()[0], float(l.split()[1])) for l in open(sys.argv[2]) if not l.startswith("#"))
print(f"{'case':22} {'java us':>10} {'python us':>10} {'java/python':>12}")
for k in java:
    print(f"{k:22} {java[k]:10.3f} {py[k]:10.3f} {java[k] / py[k]:12.2f}")
PY
