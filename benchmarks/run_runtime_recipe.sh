#!/usr/bin/env bash
# The runtime recipe (issue "runtime tuned out of the box"): 1-element add, 10x10 argmax(dim=1)
# and the MLP / CNN training steps, jtorch against Python PyTorch 2.13 in the same run, in four
# configurations: jtorch's defaults ("recipe on") or with the three load-time steps switched off
# (-Djtorch.mallopt=false -Djtorch.openblasThreads=-1 -Djtorch.maxPhysicalBytes=false), each with
# the machine's environment as it is and with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset for the
# benchmark command alone; where the environment does not set them, the second configuration sets
# them as DESIGN.md's machines do (OPENBLAS_CORETYPE=Haswell OPENBLAS_L2_SIZE=512) instead.
# Prints one table: Java µs, Python µs, Java / Python.
#
#   benchmarks/run_runtime_recipe.sh            # after ./mvnw install -DskipTests
#   M2=/tmp/m2-rt benchmarks/run_runtime_recipe.sh   # a private Maven repository
#
# JMH_OPTS overrides the JMH settings (default: -f 1 -wi 2 -i 3 -w 1 -r 2, modest: the machines
# here are shared). Python's figures are the mean of 5 repeats (python/*.py also print the best),
# Java's JMH means: the same statistic on both sides.
set -euo pipefail
cd "$(dirname "$0")"
repo=${M2:+-Dmaven.repo.local=$M2}
cp=$(../mvnw -o -q $repo dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes
jmh=${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1 -r 2}
off="-Djtorch.mallopt=false -Djtorch.openblasThreads=-1 -Djtorch.maxPhysicalBytes=false"
out=$(mktemp -d)
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "# environment: OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-}"
if [[ -n ${OPENBLAS_CORETYPE:-}${OPENBLAS_L2_SIZE:-} ]]; then second=unset; else second=haswell; fi
for envname in as-is $second; do
  run=(env)
  [[ $envname == unset ]] && run=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
  [[ $envname == haswell ]] && run=(env OPENBLAS_CORETYPE=Haswell OPENBLAS_L2_SIZE=512)
  for recipe in on off; do
    args=()
    [[ $recipe == off ]] && args=(-jvmArgsAppend "$off")
    "${run[@]}" java -cp "$cp" org.openjdk.jmh.Main \
      'TensorOpsBenchmark\.(add1|argmax10x10dim1)$|TrainingStepBenchmark' $jmh "${args[@]}" \
      -rf csv -rff "$out/java-$envname-$recipe.csv" > "$out/java-$envname-$recipe.log" 2>&1
  done
  "${run[@]}" python3 python/tensor_ops.py > "$out/py-$envname.txt"
  "${run[@]}" python3 python/training_step.py >> "$out/py-$envname.txt"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$second" <<'PY'
import csv, sys, os
out = sys.argv[1]
print(f"{'environment':12} {'recipe':6} {'case':16} {'java us':>10} {'python us':>10} {'java/python':>12}")
for env in ("as-is", sys.argv[2]):
    py = dict((l.split()[0], float(l.split()[2])) for l in open(f"{out}/py-{env}.txt"))
    for recipe in ("on", "off"):
        for r in csv.DictReader(open(f"{out}/java-{env}-{recipe}.csv")):
            k = r["Benchmark"].rsplit(".", 1)[1]
            j = float(r["Score"])
            print(f"{env:12} {recipe:6} {k:16} {j:10.2f} {py[k]:10.2f} {j / py[k]:12.2f}")
PY
