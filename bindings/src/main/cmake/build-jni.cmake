# Generates and compiles the JNI glue of jtorch's JavaCPP preset (org.jtorch.bindings.ops.JtorchOps)
# with JavaCPP's Builder: libjnijtorch_ops.so / libjnijtorch_ops.dylib / jnijtorch_ops.dll, put
# next to the preset's class at org/jtorch/bindings/ops/<platform>/ where JavaCPP's Loader finds
# it. A CMake script (cmake -P), so the same step runs on Linux, macOS and Windows. Maven
# (exec-maven-plugin, see bindings/pom.xml) runs it in process-classes:
#
#   cmake -DCLASSES=DIR -DNATIVE_BUILD=DIR -DOPS_INCLUDE=DIR [-DPLATFORM=linux-x86_64] [-DJAVA=FILE]
#         -P bindings/src/main/cmake/build-jni.cmake -- CLASSPATH
#
# CLASSPATH (after `--`, as Maven's <classpath/> writes it) holds JavaCPP and the PyTorch preset.
# NATIVE_BUILD is the CMake build folder of the jtorch_ops library (native/target/cmake-<platform>):
# its CMakeCache.txt names the LibTorch headers and libraries that library was built with, and the
# glue is compiled and linked against exactly those. Skipped when the glue is newer than the
# preset class, the headers and the jtorch_ops library.
cmake_minimum_required(VERSION 3.18)
include("${CMAKE_CURRENT_LIST_DIR}/../../../../native/src/main/cmake/jtorch-platform.cmake")

function(log text)
  message(NOTICE "[jtorch-bindings] ${text}")
endfunction()
function(die text)
  message(NOTICE "[jtorch-bindings] ERROR: ${text}")
  message(FATAL_ERROR "[jtorch-bindings] the JNI build stopped (see the error above)")
endfunction()

# The classpath: the first argument after `--`.
set(classpath "")
math(EXPR _last "${CMAKE_ARGC} - 1")
foreach(_i RANGE 1 ${_last})
  if(CMAKE_ARGV${_i} STREQUAL "--")
    math(EXPR _i "${_i} + 1")
    if(_i LESS CMAKE_ARGC)
      set(classpath "${CMAKE_ARGV${_i}}")
    endif()
    break()
  endif()
endforeach()
if(NOT PLATFORM)
  set(PLATFORM linux-x86_64)
endif()
if(classpath STREQUAL "" OR NOT CLASSES OR NOT NATIVE_BUILD OR NOT OPS_INCLUDE)
  die("-DCLASSES, -DNATIVE_BUILD, -DOPS_INCLUDE and the classpath (after --) are required")
endif()
foreach(_var CLASSES NATIVE_BUILD OPS_INCLUDE JAVA)
  if(${_var})
    file(TO_CMAKE_PATH "${${_var}}" ${_var})
  endif()
endforeach()

# JavaCPP's names: the platform's library file names and path separator.
jtorch_library_file(glue_file "${PLATFORM}" jnijtorch_ops)
jtorch_library_file(ops_file "${PLATFORM}" jtorch_ops)
if(PLATFORM MATCHES "^windows-")
  set(sep ";")
else()
  set(sep ":")
endif()

set(preset org.jtorch.bindings.ops.JtorchOps)
set(class_file "${CLASSES}/org/jtorch/bindings/ops/JtorchOps.class")
set(out_dir "${CLASSES}/org/jtorch/bindings/ops/${PLATFORM}")
set(out "${out_dir}/${glue_file}")
set(cache "${NATIVE_BUILD}/CMakeCache.txt")
set(ops_lib "${NATIVE_BUILD}/${ops_file}")
if(NOT EXISTS "${class_file}")
  die("${class_file} is missing (compile the bindings module first)")
endif()
if(NOT EXISTS "${cache}" OR NOT EXISTS "${ops_lib}")
  die("${ops_lib} is missing: build the native module first")
endif()

jtorch_cache_value(include_dirs "${cache}" TORCH_INCLUDE_DIRS)
jtorch_cache_value(torch_lib_dir "${cache}" TORCH_LIB_DIR)
if(include_dirs STREQUAL "" OR torch_lib_dir STREQUAL "")
  die("${cache} names no TORCH_INCLUDE_DIRS / TORCH_LIB_DIR")
endif()
# The LibTorch libraries the linker takes (on Windows the import libraries made from the
# presets' DLLs); the same folder as TORCH_LIB_DIR elsewhere.
jtorch_cache_value(torch_link_dir "${cache}" JTORCH_TORCH_LINK_DIR)
if(torch_link_dir STREQUAL "")
  set(torch_link_dir "${torch_lib_dir}")
endif()

if(EXISTS "${out}")
  file(GLOB_RECURSE _inputs LIST_DIRECTORIES false "${OPS_INCLUDE}/*")
  set(_stale "")
  foreach(_f "${class_file}" "${ops_lib}" ${_inputs})
    if("${_f}" IS_NEWER_THAN "${out}")
      set(_stale "${_f}")
      break()
    endif()
  endforeach()
  if(_stale STREQUAL "")
    log("up to date: ${out}")
    return()
  endif()
endif()

if(NOT JAVA)
  if(DEFINED ENV{JAVA_HOME} AND NOT "$ENV{JAVA_HOME}" STREQUAL "")
    file(TO_CMAKE_PATH "$ENV{JAVA_HOME}/bin/java" JAVA)
  else()
    set(JAVA java)
  endif()
endif()

# Builder's options: the include and link folders as one path list each.
string(REPLACE ";" "${sep}" includepath "${include_dirs};${OPS_INCLUDE}")
set(linkpath "${torch_link_dir}${sep}${NATIVE_BUILD}")
if(PLATFORM MATCHES "^linux-")
  # -rpath-link instead of JavaCPP's default -rpath: no build folder is written into the library
  # (at run time LibTorch and libjtorch_ops.so are already loaded when the glue loads).
  set(link_options -Dplatform.linkpath.prefix2=-Wl,-rpath-link,)
elseif(PLATFORM MATCHES "^macosx-")
  # Likewise on macOS, which has no -rpath-link: the folders are only searched (a second -L),
  # not written into the library as LC_RPATH entries.
  set(link_options -Dplatform.linkpath.prefix2=-L)
else()
  set(link_options "")  # JavaCPP's Windows settings have no second link-path prefix
endif()

log("generating and compiling the JNI glue of ${preset} for ${PLATFORM}")
execute_process(
  COMMAND "${JAVA}" -cp "${classpath}" org.bytedeco.javacpp.tools.Builder
          -cp "${CLASSES}" -d "${out_dir}"
          "-Dplatform.includepath=${includepath}"
          "-Dplatform.linkpath=${linkpath}"
          ${link_options}
          ${preset}
  OUTPUT_VARIABLE output ERROR_VARIABLE output RESULT_VARIABLE rc)
string(REGEX REPLACE "Warning: Versions of org\\.bytedeco:javacpp[^\n]*\n?" "" output "${output}")
if(NOT output STREQUAL "")
  message(NOTICE "${output}")
endif()
if(NOT rc EQUAL 0 OR NOT EXISTS "${out}")
  die("JavaCPP's Builder did not produce ${out} (${rc})")
endif()
# The generated source and the objects (and on Windows the glue's own import library).
file(GLOB _leftovers "${out_dir}/*.cpp" "${out_dir}/*.o" "${out_dir}/*.obj" "${out_dir}/*.exp"
                     "${out_dir}/*.lib")
if(_leftovers)
  file(REMOVE ${_leftovers})
endif()
file(SIZE "${out}" _bytes)
math(EXPR _kib "(${_bytes} + 1023) / 1024")
log("built ${_kib}K ${out}")
