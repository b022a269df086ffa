#!/usr/bin/env bash
# ResNet-18 inference latency, Java (ScriptModuleBenchmark, JMH) against Python
# (python/resnet18.py, torch.inference_mode()) on this machine, same TorchScript file, batch 1 and 8:
# Python, then Java, then Python again; prints Java's time as a multiple of the mean Python time
# (lower is better for Java).
# Needs: ./mvnw install -DskipTests done once; python3 with torch==2.13.0 and torchvision (to make
# the random-weight model; it is written once into benchmarks/target/resnet18/).
# Runs with the environment as it is (OPENBLAS_CORETYPE etc. untouched: ResNet's convolutions run
# in oneDNN in both). Until jtorch's loader applies the startup recipe's
# blas_set_num_threads(1) (DESIGN.md), OpenBLAS's own thread pool fights LibTorch's OpenMP threads
# in Java (the final Linear layer): run `OPENBLAS_NUM_THREADS=1 ./run_resnet18.sh` to see Java
# with it (Python's wheel uses MKL and ignores the variable).
set -euo pipefail
cd "$(dirname "$0")"
model=target/resnet18/resnet18.pt
if [ ! -f "$model" ]; then
  python3 ../java-api/src/test/python/generate_models.py --resnet target/resnet18 >/dev/null
fi
out=$(mktemp -d)
python3 python/resnet18.py "$model" > "$out/py1.txt"
../mvnw -q exec:exec -Djmh.args="ScriptModuleBenchmark -jvmArgs -Djtorch.bench.resnet18=$PWD/$model -rf csv -rff $out/jmh.csv" >/dev/null
python3 python/resnet18.py "$model" > "$out/py2.txt"
python3 - "$out/jmh.csv" "$out/py1.txt" "$out/py2.txt" <<'PY'
import csv, sys
java = {}
for r in csv.DictReader(open(sys.argv[1])):
    java[f"resnet18:batch={r['Param: batch']},variant={r['Param: variant']}"] = float(r["Score"])
def read(f):
    return dict((l.split()[0], float(l.split()[1])) for l in open(f) if not l.startswith("#"))
py1, py2 = read(sys.argv[2]), read(sys.argv[3])
print(f"{'case':34} {'java ms':>9} {'python ms':>10} {'(runs)':>17} {'java/python':>12}")
for k in sorted(py1):
    p = (py1[k] + py2[k]) / 2
    runs = f"{py1[k]:.2f}/{py2[k]:.2f}"
    if k in java:
        print(f"{k:34} {java[k]:9.3f} {p:10.3f} {runs:>17} {java[k] / p:12.3f}")
    else:
        print(f"{k:34} {'-':>9} {p:10.3f} {runs:>17} {'(python only)':>12}")
PY
