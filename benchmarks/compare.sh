#!/usr/bin/env bash
# Runs a JMH benchmark of jtorch and its Python PyTorch counterpart on this machine, one after the
# other, and prints Java's time as a multiple of Python's (lower is better for Java):
#
#   benchmarks/compare.sh TensorOpsBenchmark python/tensor_ops.py
#
# The Python script prints one "<case> <best µs> <mean µs>" line per JMH benchmark method of the
# same name (best and mean of its repeats); Java's figures are JMH's mean and its best iteration, so
# each ratio compares the same statistic on both sides. Needs: ./mvnw install -DskipTests done once; python3 with torch==2.13.0. Extra JMH options
# can be passed in JMH_OPTS (e.g. JMH_OPTS="-f 1 -wi 3 -i 5").
set -euo pipefail
cd "$(dirname "$0")"
bench=${1:?usage: compare.sh <JmhBenchmarkClass> <python script>}
script=${2:?usage: compare.sh <JmhBenchmarkClass> <python script>}
out=$(mktemp -d)
../mvnw -q exec:exec -Djmh.args="$bench ${JMH_OPTS:-} -rf json -rff $out/jmh.json" >/dev/null
python3 "$script" > "$out/py.txt"
python3 - "$out/jmh.json" "$out/py.txt" <<'PY'
import json, sys
java = {}
for r in json.load(open(sys.argv[1])):
    raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    java[r["benchmark"].rsplit(".", 1)[1]] = (min(raw), r["primaryMetric"]["score"])
py = {l.split()[0]: [float(x) for x in l.split()[1:3]] for l in open(sys.argv[2]) if not l.startswith("#")}
print(f"{'case':22} {'java best':>10} {'py best':>10} {'ratio':>6}   {'java mean':>10} {'py mean':>10} {'ratio':>6}")
for k, (jb, jm) in java.items():
    pb, pm = py[k]
    print(f"{k:22} {jb:10.3f} {pb:10.3f} {jb / pb:6.2f}   {jm:10.3f} {pm:10.3f} {jm / pm:6.2f}")
PY
