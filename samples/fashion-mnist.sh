#!/usr/bin/env bash
# The README's main job: trains and evaluates the Fashion-MNIST CNN (samples/.../FashionMnist.java).
#
#   samples/fashion-mnist.sh [--epochs N] [--out DIR] ...   (options: see FashionMnist's javadoc)
#
# Finds Debian's dataset-fashion-mnist under /usr/share/datasets/fashion-mnist, installing the
# package with apt-get when it is missing (as root, or through sudo without a password); builds
# jtorch (./mvnw install -DskipTests) and runs the sample. Outputs go to target/fashion-mnist/.
set -euo pipefail
cd "$(dirname "$0")/.."
data=/usr/share/datasets/fashion-mnist
if [ ! -f "$data/train-images-idx3-ubyte.gz" ] && [ ! -f "$data/train-images-idx3-ubyte" ]; then
  echo "Fashion-MNIST is not in $data: installing Debian's dataset-fashion-mnist" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q dataset-fashion-mnist >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q dataset-fashion-mnist >/dev/null; } || true
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get install -y -q dataset-fashion-mnist >/dev/null || true
  fi
fi
./mvnw -q -B -ntp install -DskipTests
exec ./mvnw -q -B -ntp -f samples exec:java -Dsample=FashionMnist -Dexec.args="$*"
