#!/usr/bin/env bash
# The distributed benchmark (issue "beyond one machine"): Gloo all-reduce of 1-256 MiB float32
# tensors across 2 local processes, and the small CNN's training rate (batch 64 per process, DDP
# with 2 processes) with 1 and 2 processes; jtorch (DistributedBenchmark under jtorch's Launcher)
# against Python PyTorch 2.13 (python/distributed.py under torchrun), Python, then Java, then
# Python again (PY_AGAIN=0 skips the second Python run). Prints one table: all-reduce ms per call
# and bandwidth, Java / Python time; CNN samples/s, the 1 -> 2 process scaling, Java / Python rate.
#
#   benchmarks/run_distributed.sh                     # after ./mvnw install -DskipTests
#   M2=/tmp/m2-distbench benchmarks/run_distributed.sh   # a private Maven repository
#
# Needs: ./mvnw install -DskipTests done once (it compiles benchmarks/target/classes); python3
# with torch==2.13.0 (torch.distributed.run is torchrun). About 2-3 minutes.
#
# Threads: OMP_NUM_THREADS is set explicitly for every run (both launchers would otherwise pick
# 1 for several processes and leave a single process at one thread per core):
#   1 process:   OMP_NUM_THREADS=<cores> ("all cores") and OMP_NUM_THREADS=1 (the per-process
#                share that 2 processes get), so that the scaling figure has an honest baseline;
#   2 processes: OMP_NUM_THREADS=<cores / 2> each (1 on a 2-core machine).
# The all-reduce runs with OMP_NUM_THREADS=<cores / 2> too. GLOO_SOCKET_IFNAME defaults to lo
# (loopback) for both languages. ALLREDUCE_SECONDS (1.5) and CNN_SECONDS (3) set how long each
# size / each CNN configuration is timed.
set -euo pipefail
cd "$(dirname "$0")"
repo=${M2:+-Dmaven.repo.local=$M2}
if [[ ! -f target/classes/org/jtorch/benchmarks/DistributedBenchmark.class ]]; then
  echo "run_distributed.sh: build first (./mvnw install -DskipTests)" >&2
  exit 2
fi
cp=$(../mvnw -o -q $repo dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes
cores=$(nproc)
half=$((cores / 2 > 0 ? cores / 2 : 1))
ar_s=${ALLREDUCE_SECONDS:-1.5}
cnn_s=${CNN_SECONDS:-3}
export GLOO_SOCKET_IFNAME=${GLOO_SOCKET_IFNAME:-lo}
out=$(mktemp -d)

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# run <python|java> <nproc> <threads> <mode> <seconds> <output file>
run() {
  local lang=$1 n=$2 threads=$3 mode=$4 seconds=$5 file=$6 port
  port=$(free_port)
  if [[ $lang == python ]]; then
    OMP_NUM_THREADS=$threads python3 -m torch.distributed.run --nproc-per-node "$n" \
      --master-addr 127.0.0.1 --master-port "$port" python/distributed.py "$mode" "$seconds" \
      > "$file" 2> "$file.err" || { cat "$file.err" >&2; exit 1; }
  else
    OMP_NUM_THREADS=$threads java -cp "$cp" org.jtorch.distributed.Launcher --nproc-per-node "$n" \
      --master-addr 127.0.0.1 --master-port "$port" \
      org.jtorch.benchmarks.DistributedBenchmark "$mode" "$seconds" \
      > "$file" 2> "$file.err" || { cat "$file.err" >&2; exit 1; }
  fi
}

# suite <python|java> <tag>
suite() {
  run "$1" 2 "$half" allreduce "$ar_s" "$out/$2-allreduce.txt"
  run "$1" 1 "$cores" cnn "$cnn_s" "$out/$2-cnn-1x$cores.txt"
  run "$1" 1 1 cnn "$cnn_s" "$out/$2-cnn-1x1.txt"
  run "$1" 2 "$half" cnn "$cnn_s" "$out/$2-cnn-2x$half.txt"
}

echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg); $cores cores;" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
tags=(py1)
suite python py1
suite java java
if [[ ${PY_AGAIN:-1} != 0 ]]; then
  suite python py2
  tags+=(py2)
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$cores" "$half" "${tags[@]}" <<'PY'
import statistics, sys
out, cores, half, tags = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]

def lines(name, kind):
    return [l.split() for l in open(f"{out}/{name}.txt") if l.startswith(kind + " ")]

def allreduce(tag):
    return {int(f[1]): (float(f[2]), float(f[3]), float(f[4])) for f in lines(f"{tag}-allreduce", "allreduce")}

def cnn(tag, conf):
    return float(lines(f"{tag}-cnn-{conf}", "cnn")[0][2])

def runs(values, fmt):
    return "/".join(fmt.format(v) for v in values)

java = allreduce("java")
py = [allreduce(t) for t in tags]
print(f"\nall-reduce (SUM), float32, 2 processes, Gloo on loopback, OMP_NUM_THREADS={half}")
print(f"{'MiB':>4} {'java ms':>9} {'python ms':>10} {'(runs)':>15} {'java/python':>12}"
      f" {'java algbw':>11} {'py algbw':>9} {'java busbw':>11} {'py busbw':>9}  (GB/s)")
for mib, (jms, jalg, jbus) in java.items():
    pms = [p[mib][0] for p in py]
    pm = statistics.mean(pms)
    palg = statistics.mean(p[mib][1] for p in py)
    pbus = statistics.mean(p[mib][2] for p in py)
    print(f"{mib:4d} {jms:9.2f} {pm:10.2f} {runs(pms, '{:.1f}'):>15} {jms / pm:12.2f}"
          f" {jalg:11.3f} {palg:9.3f} {jbus:11.3f} {pbus:9.3f}")

confs = [(f"1x{cores}", f"1 process, {cores} threads"), ("1x1", "1 process, 1 thread"),
         (f"2x{half}", f"2 processes, {half} thread{'s' if half > 1 else ''} each")]
print("\nsmall CNN training, batch 64 per process, SGD momentum 0.9 (DDP with 2 processes)")
print(f"{'configuration':30} {'java samples/s':>15} {'python samples/s':>17} {'(runs)':>13} {'java/python':>12}")
jr, pr = {}, {}
for conf, label in confs:
    jr[conf] = cnn("java", conf)
    ps = [cnn(t, conf) for t in tags]
    pr[conf] = statistics.mean(ps)
    print(f"{label:30} {jr[conf]:15.1f} {pr[conf]:17.1f} {runs(ps, '{:.0f}'):>13} {jr[conf] / pr[conf]:12.2f}")
two = f"2x{half}"
for base, label in ((f"1x{cores}", f"1 process, {cores} threads"), ("1x1", "1 process, 1 thread")):
    print(f"{'scaling 2 processes / ' + label:48} java {jr[two] / jr[base]:5.2f}x   python {pr[two] / pr[base]:5.2f}x")
PY
