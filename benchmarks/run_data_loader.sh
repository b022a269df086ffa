#!/usr/bin/env bash
# Fashion-MNIST through the DataLoader, Java (DataLoaderBenchmark, JMH) against Python
# (python/data_loader.py) on this machine, the same files: batch 64, shuffled, ToTensor + Normalize +
# RandomHorizontalFlip, 0/1/2 workers. Python, then Java, then Python again; prints batches per
# second and Java's rate as a multiple of the mean Python rate (higher is better for Java).
# Needs: ./mvnw install -DskipTests done once; python3 with torch==2.13.0. Uses Debian's
# dataset-fashion-mnist (/usr/share/datasets/fashion-mnist) when installed, else writes random IDX
# files of the same size into benchmarks/target/fashion-mnist-synthetic/.
set -euo pipefail
cd "$(dirname "$0")"
root=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
if [ ! -f "$root/train-images-idx3-ubyte.gz" ]; then
  root=$PWD/target/fashion-mnist-synthetic
  if [ ! -f "$root/train-images-idx3-ubyte.gz" ]; then
    mkdir -p "$root"
    python3 - "$root" <<'PY'
import gzip, os, sys, torch
g = torch.Generator().manual_seed(0)
def write(name, magic, t):
    with gzip.open(os.path.join(sys.argv[1], name), "wb") as f:
        f.write(magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in t.shape))
        f.write(t.numpy().tobytes())
write("train-images-idx3-ubyte.gz", 0x803, torch.randint(0, 256, (60000, 28, 28), generator=g, dtype=torch.uint8))
write("train-labels-idx1-ubyte.gz", 0x801, torch.randint(0, 10, (60000,), generator=g, dtype=torch.uint8))
PY
  fi
fi
echo "# data: $root"
out=$(mktemp -d)
python3 python/data_loader.py "$root" > "$out/py1.txt"
../mvnw -q ${MVN_OPTS:-} exec:exec -Djmh.args="DataLoaderBenchmark ${JMH_OPTS:-} -jvmArgs -Djtorch.bench.fashion=$root -rf csv -rff $out/jmh.csv" >/dev/null
python3 python/data_loader.py "$root" > "$out/py2.txt"
python3 - "$out/jmh.csv" "$out/py1.txt" "$out/py2.txt" <<'PY'
import csv, sys
BATCHES = 938
java = {f"epoch:workers={r['Param: workers']}": float(r["Score"]) for r in csv.DictReader(open(sys.argv[1]))}
def read(f):
    return dict((l.split()[0], float(l.split()[1])) for l in open(f) if not l.startswith("#"))
py1, py2 = read(sys.argv[2]), read(sys.argv[3])
print(f"{'case':18} {'java batch/s':>13} {'python batch/s':>15} {'(runs)':>13} {'java/python':>12}")
for k in sorted(py1):
    jr = BATCHES / (java[k] / 1000)
    r1, r2 = BATCHES / (py1[k] / 1000), BATCHES / (py2[k] / 1000)
    pr = (r1 + r2) / 2
    print(f"{k:18} {jr:13.1f} {pr:15.1f} {f'{r1:.0f}/{r2:.0f}':>13} {jr / pr:12.2f}")
PY
