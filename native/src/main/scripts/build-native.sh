#!/usr/bin/env bash
# Builds extensions-cpp (libjtorch_ops.so, and libjtorch_blas.so next to it) with CMake for the
# jtorch-native module.
# Maven (exec-maven-plugin, see native/pom.xml) calls it with the build's properties;
# it also runs by hand with the same arguments.
#
#   build-native.sh --source=DIR --build-dir=DIR --torch-libs=DIR --output=FILE
#                   [--platform=linux-x86_64] [--extension=|-gpu] [--libtorch-home=DIR]
#                   [--libtorch-version=2.13.0] [--headers-dir=DIR] [--cache-dir=DIR] [--jobs=N]
#
# LibTorch C++ headers (DESIGN.md, "LibTorch headers"), first match wins:
#   1. --libtorch-home (Maven -Dlibtorch.home=DIR), else $LIBTORCH_HOME: an unzipped LibTorch;
#   2. torch/include of the torch==<version> wheel, fetched once with the machine's own
#      `python3 -m pip download --no-deps`, kept in <cache-dir>/wheels (survives `mvn clean`)
#      and unpacked under <headers-dir>.
# Environment overrides: JTORCH_PYTHON (the interpreter that runs pip, default python3),
# JTORCH_CACHE_DIR (instead of --cache-dir), CMAKE (the cmake binary).
set -euo pipefail

log() { echo "[jtorch-native] $*" >&2; }
die() { echo "[jtorch-native] ERROR: $*" >&2; exit 1; }

platform=linux-x86_64 extension= libtorch_home= libtorch_version=2.13.0
source_dir= build_dir= torch_libs= output= headers_dir= cache_dir= jobs=2
for arg in "$@"; do
  case "$arg" in
    --platform=*) platform=${arg#*=} ;;
    --extension=*) extension=${arg#*=} ;;
    --libtorch-home=*) libtorch_home=${arg#*=} ;;
    --libtorch-version=*) libtorch_version=${arg#*=} ;;
    --source=*) source_dir=${arg#*=} ;;
    --build-dir=*) build_dir=${arg#*=} ;;
    --torch-libs=*) torch_libs=${arg#*=} ;;
    --output=*) output=${arg#*=} ;;
    --headers-dir=*) headers_dir=${arg#*=} ;;
    --cache-dir=*) cache_dir=${arg#*=} ;;
    --jobs=*) jobs=${arg#*=} ;;
    *) die "unknown argument: $arg" ;;
  esac
done
[[ -n $source_dir && -n $build_dir && -n $torch_libs && -n $output ]] ||
  die "--source, --build-dir, --torch-libs and --output are required"
cache_dir=${JTORCH_CACHE_DIR:-${cache_dir:-$HOME/.cache/jtorch}}
headers_dir=${headers_dir:-$build_dir/libtorch-headers}
python=${JTORCH_PYTHON:-python3}
cmake=${CMAKE:-cmake}

# Maven passes an unset property through literally; treat "${...}" as empty.
[[ $libtorch_home == '${'* ]] && libtorch_home=
[[ $extension == '${'* ]] && extension=

# The version of a LibTorch include/ folder, e.g. 2.13.0.
headers_version() {
  local h=$1/torch/headeronly/version.h
  [[ -f $h ]] || h=$1/torch/csrc/api/include/torch/version.h
  [[ -f $h ]] || return 0
  local major minor patch
  major=$(sed -n 's/^#define TORCH_VERSION_MAJOR \([0-9]*\).*/\1/p' "$h")
  minor=$(sed -n 's/^#define TORCH_VERSION_MINOR \([0-9]*\).*/\1/p' "$h")
  patch=$(sed -n 's/^#define TORCH_VERSION_PATCH \([0-9]*\).*/\1/p' "$h")
  [[ -n $major ]] && echo "$major.$minor.$patch"
}

how_to_fix="Provide the LibTorch ${libtorch_version} C++ headers in one of two ways:
  (1) set LIBTORCH_HOME (or pass -Dlibtorch.home=DIR to Maven) to an unzipped LibTorch ${libtorch_version}
      distribution (the folder holding include/ and lib/), e.g. from https://pytorch.org/get-started/locally/ ; or
  (2) make \`${python} -m pip download --no-deps torch==${libtorch_version}\` work on this machine
      (network access to PyPI, or a pip index / find-links that holds the torch ${libtorch_version} wheel)."

# ---------------------------------------------------------------- 1. headers
include_dir=
if [[ -z $libtorch_home && -n ${LIBTORCH_HOME:-} ]]; then
  libtorch_home=$LIBTORCH_HOME
fi
if [[ -n $libtorch_home ]]; then
  [[ -f $libtorch_home/include/torch/library.h ]] ||
    die "LibTorch home '$libtorch_home' has no include/torch/library.h.
$how_to_fix"
  include_dir=$(cd "$libtorch_home/include" && pwd)
  log "LibTorch headers from LIBTORCH_HOME / -Dlibtorch.home: $include_dir"
else
  mkdir -p "$cache_dir/wheels"
  shopt -s nullglob
  wheels=("$cache_dir/wheels/torch-${libtorch_version}-"*.whl "$cache_dir/wheels/torch-${libtorch_version}+"*.whl)
  shopt -u nullglob
  if (( ${#wheels[@]} == 0 )); then
    log "fetching the torch==${libtorch_version} wheel into $cache_dir/wheels (once; kept across mvn clean)"
    if ! "$python" -m pip download --no-deps --only-binary=:all: --progress-bar off \
        --dest "$cache_dir/wheels" "torch==${libtorch_version}" >&2; then
      die "no LibTorch headers: LIBTORCH_HOME / -Dlibtorch.home is not set and \`${python} -m pip download --no-deps torch==${libtorch_version}\` failed.
$how_to_fix"
    fi
    shopt -s nullglob
    wheels=("$cache_dir/wheels/torch-${libtorch_version}-"*.whl "$cache_dir/wheels/torch-${libtorch_version}+"*.whl)
    shopt -u nullglob
    (( ${#wheels[@]} > 0 )) || die "pip download succeeded but left no torch-${libtorch_version}*.whl in $cache_dir/wheels.
$how_to_fix"
  fi
  wheel=${wheels[0]}
  marker="$headers_dir/.unpacked-$(basename "$wheel")"
  if [[ ! -f $marker ]]; then
    log "unpacking torch/include from $(basename "$wheel") into $headers_dir"
    rm -rf "$headers_dir"
    mkdir -p "$headers_dir"
    command -v "$python" >/dev/null 2>&1 || die "need ${python} to unpack $wheel.
$how_to_fix"
    "$python" - "$wheel" "$headers_dir" <<'PY'
import sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    names = [n for n in z.namelist() if n.startswith("torch/include/") and not n.endswith("/")]
    if not names:
        sys.exit(f"{wheel} has no torch/include/")
    z.extractall(dest, names)
PY
    touch "$marker"
  fi
  include_dir="$headers_dir/torch/include"
  log "LibTorch headers from the torch wheel: $include_dir"
fi
found_version=$(headers_version "$include_dir")
if [[ -n $found_version && $found_version != "$libtorch_version" ]]; then
  die "the LibTorch headers in $include_dir are version $found_version, but this build runs LibTorch ${libtorch_version} (org.bytedeco:pytorch); they must match.
$how_to_fix"
fi

# ---------------------------------------------------------------- 2. libraries to link
cuda=OFF
[[ $extension == *gpu* ]] && cuda=ON
needed=(libtorch_cpu.so libc10.so libtorch.so)
[[ $cuda == ON ]] && needed+=(libtorch_cuda.so libc10_cuda.so)
for lib in "${needed[@]}"; do
  [[ -f $torch_libs/$lib ]] || die "$torch_libs/$lib is missing (unpacked from org.bytedeco:pytorch:${libtorch_version}-*:${platform}${extension})"
done

# ---------------------------------------------------------------- 3. CMake
command -v "$cmake" >/dev/null 2>&1 || die "cmake not found (install CMake >= 3.18 and a C++20 compiler)"
log "configuring extensions-cpp for ${platform}${extension} (JTORCH_CUDA=$cuda) in $build_dir"
"$cmake" -S "$source_dir" -B "$build_dir" \
  -DCMAKE_BUILD_TYPE=Release \
  "-DTORCH_INCLUDE_DIRS=$include_dir;$include_dir/torch/csrc/api/include" \
  "-DTORCH_LIB_DIR=$torch_libs" \
  "-DJTORCH_CUDA=$cuda" >&2
"$cmake" --build "$build_dir" -j "$jobs" >&2

# ---------------------------------------------------------------- 3b. the user template
# extensions-cpp/template is built the way its README says (option: explicit folders), so that
# org.jtorch.ops.UserTemplateTest can load and call it; it is not packaged.
if [[ -d $source_dir/template ]]; then
  template_dir="$(dirname "$build_dir")/template"
  "$cmake" -S "$source_dir/template" -B "$template_dir" -DCMAKE_BUILD_TYPE=Release \
    "-DTORCH_INCLUDE_DIRS=$include_dir;$include_dir/torch/csrc/api/include" \
    "-DTORCH_LIB_DIR=$torch_libs" >&2
  "$cmake" --build "$template_dir" -j "$jobs" >&2
fi

# ---------------------------------------------------------------- 4. strip into the JAR tree
# libjtorch_ops.so goes to --output; libjtorch_blas.so (OpenBLAS threading, loaded before
# LibTorch) next to it.
mkdir -p "$(dirname "$output")"
package() {  # package BUILT OUTPUT
  local built=$1 out=$2
  [[ -f $built ]] || die "CMake did not produce $built"
  if [[ ! -f $out || $built -nt $out ]]; then
    strip --strip-unneeded -o "$out.tmp" "$built"
    mv -f "$out.tmp" "$out"
    log "packaged $(du -h "$out" | cut -f1) $out"
  else
    log "up to date: $out"
  fi
}
package "$build_dir/libjtorch_ops.so" "$output"
package "$build_dir/libjtorch_blas.so" "$(dirname "$output")/libjtorch_blas.so"
