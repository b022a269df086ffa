#!/usr/bin/env bash
# Generates and compiles the JNI glue of jtorch's JavaCPP preset (org.jtorch.bindings.ops.JtorchOps)
# with JavaCPP's Builder: libjnijtorch_ops.so, put next to the preset's class at
# org/jtorch/bindings/ops/<platform>/ where JavaCPP's Loader finds it.
# Maven (exec-maven-plugin, see bindings/pom.xml) calls it in process-classes:
#
#   build-jni.sh --classpath CP --classes=DIR --native-build=DIR --ops-include=DIR [--platform=linux-x86_64]
#
# --native-build is the CMake build folder of libjtorch_ops.so (native/target/cmake-<platform>):
# its CMakeCache.txt names the LibTorch headers and libraries that library was built with, and the
# glue is compiled and linked against exactly those. Skipped when the library is newer than the
# preset class, the headers and libjtorch_ops.so.
set -euo pipefail

log() { echo "[jtorch-bindings] $*" >&2; }
die() { echo "[jtorch-bindings] ERROR: $*" >&2; exit 1; }

classpath= classes= native_build= ops_include= platform=linux-x86_64
while (( $# )); do
  arg=$1
  shift
  case "$arg" in
    --classpath) classpath=${1:-}; shift ;;  # the next argument (Maven's <classpath/>)
    --classes=*) classes=${arg#*=} ;;
    --native-build=*) native_build=${arg#*=} ;;
    --ops-include=*) ops_include=${arg#*=} ;;
    --platform=*) platform=${arg#*=} ;;
    *) die "unknown argument: $arg" ;;
  esac
done
[[ -n $classpath && -n $classes && -n $native_build && -n $ops_include ]] ||
  die "--classpath, --classes, --native-build and --ops-include are required"

preset=org.jtorch.bindings.ops.JtorchOps
class_file=$classes/org/jtorch/bindings/ops/JtorchOps.class
out_dir=$classes/org/jtorch/bindings/ops/$platform
out=$out_dir/libjnijtorch_ops.so
cache=$native_build/CMakeCache.txt
ops_lib=$native_build/libjtorch_ops.so
[[ -f $class_file ]] || die "$class_file is missing (compile the bindings module first)"
[[ -f $cache && -f $ops_lib ]] || die "$ops_lib is missing: build the native module first"

value() { sed -n "s/^$1:[A-Z]*=//p" "$cache" | head -n 1; }
include_dirs=$(value TORCH_INCLUDE_DIRS)
torch_lib_dir=$(value TORCH_LIB_DIR)
[[ -n $include_dirs && -n $torch_lib_dir ]] || die "$cache names no TORCH_INCLUDE_DIRS / TORCH_LIB_DIR"

if [[ -f $out ]]; then
  stale=$(find "$class_file" "$ops_lib" "$ops_include" -newer "$out" -print -quit)
  if [[ -z $stale ]]; then
    log "up to date: $out"
    exit 0
  fi
fi

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
log "generating and compiling the JNI glue of $preset for $platform"
# -rpath-link instead of JavaCPP's default -rpath: no build folder is written into the library
# (at run time LibTorch and libjtorch_ops.so are already loaded when the glue loads).
"$java" -cp "$classpath" org.bytedeco.javacpp.tools.Builder \
  -cp "$classes" -d "$out_dir" \
  "-Dplatform.includepath=${include_dirs//;/:}:$ops_include" \
  "-Dplatform.linkpath=$torch_lib_dir:$native_build" \
  -Dplatform.linkpath.prefix2=-Wl,-rpath-link, \
  "$preset" 2>&1 | grep -v "^Warning: Versions of org.bytedeco:javacpp" >&2
[[ -f $out ]] || die "JavaCPP's Builder did not produce $out"
rm -f "$out_dir"/*.cpp "$out_dir"/*.o
log "built $(du -h "$out" | cut -f1) $out"
