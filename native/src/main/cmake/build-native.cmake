# Builds extensions-cpp (the jtorch_ops library, and on Linux libjtorch_blas.so next to it) with
# CMake for the jtorch-native module, on every platform: a CMake script, so no shell is needed.
# Maven (exec-maven-plugin, see native/pom.xml) runs it with the build's properties; it also runs
# by hand:
#
#   cmake -DSOURCE=DIR -DBUILD_DIR=DIR -DTORCH_LIBS=DIR -DOUTPUT_DIR=DIR
#         [-DPLATFORM=linux-x86_64] [-DEXTENSION=|-gpu] [-DLIBTORCH_HOME=DIR]
#         [-DLIBTORCH_VERSION=2.13.0] [-DHEADERS_DIR=DIR] [-DCACHE_DIR=DIR] [-DJOBS=N]
#         [-DWHEEL_PLATFORM=TAG] -P native/src/main/cmake/build-native.cmake
#
# OUTPUT_DIR receives the platform's library file(s): libjtorch_ops.so and libjtorch_blas.so
# (linux-*), libjtorch_ops.dylib (macosx-*), jtorch_ops.dll (windows-*).
#
# LibTorch C++ headers (DESIGN.md, "LibTorch headers"), first match wins:
#   1. LIBTORCH_HOME (Maven -Dlibtorch.home=DIR), else the LIBTORCH_HOME environment variable: an
#      unzipped LibTorch;
#   2. torch/include of the torch==<version> wheel, fetched once with the machine's own
#      `python -m pip download --no-deps`, kept in <CACHE_DIR>/wheels (survives `mvn clean`)
#      and unpacked under <HEADERS_DIR>. The headers are the same in every platform's wheel;
#      WHEEL_PLATFORM (a pip --platform tag) fetches another platform's, which macosx-x86_64
#      needs: PyTorch publishes no x86_64 macOS wheel of 2.13 (the arm64 one is taken there).
# Environment overrides: JTORCH_PYTHON (the interpreter that runs pip; default python3, on
# Windows python), JTORCH_CACHE_DIR (instead of CACHE_DIR).
cmake_minimum_required(VERSION 3.18)
include("${CMAKE_CURRENT_LIST_DIR}/jtorch-platform.cmake")

set(_log_prefix "[jtorch-native]")
function(log text)
  message(NOTICE "${_log_prefix} ${text}")
endfunction()
function(die text)
  message(NOTICE "${_log_prefix} ERROR: ${text}")
  message(FATAL_ERROR "${_log_prefix} the native build stopped (see the error above)")
endfunction()
# After an execute_process whose output went to the console: stops the build when it failed.
function(check rc what)
  if(NOT rc EQUAL 0)
    die("${what} failed (${rc})")
  endif()
endfunction()

# Maven passes an unset property through literally; treat "${...}" as empty.
foreach(_var PLATFORM EXTENSION LIBTORCH_HOME LIBTORCH_VERSION SOURCE BUILD_DIR TORCH_LIBS
             OUTPUT_DIR HEADERS_DIR CACHE_DIR JOBS WHEEL_PLATFORM)
  if("${${_var}}" MATCHES "^\\$\\{")
    set(${_var} "")
  endif()
endforeach()
if(NOT SOURCE OR NOT BUILD_DIR OR NOT TORCH_LIBS OR NOT OUTPUT_DIR)
  die("-DSOURCE, -DBUILD_DIR, -DTORCH_LIBS and -DOUTPUT_DIR are required")
endif()
if(NOT PLATFORM)
  set(PLATFORM linux-x86_64)
endif()
if(NOT LIBTORCH_VERSION)
  set(LIBTORCH_VERSION 2.13.0)
endif()
if(NOT JOBS)
  set(JOBS 2)
endif()
if(DEFINED ENV{JTORCH_CACHE_DIR} AND NOT "$ENV{JTORCH_CACHE_DIR}" STREQUAL "")
  set(CACHE_DIR "$ENV{JTORCH_CACHE_DIR}")
elseif(NOT CACHE_DIR)
  if(CMAKE_HOST_WIN32)
    set(CACHE_DIR "$ENV{USERPROFILE}/.cache/jtorch")
  else()
    set(CACHE_DIR "$ENV{HOME}/.cache/jtorch")
  endif()
endif()
if(NOT HEADERS_DIR)
  set(HEADERS_DIR "${BUILD_DIR}/libtorch-headers")
endif()
if(DEFINED ENV{JTORCH_PYTHON} AND NOT "$ENV{JTORCH_PYTHON}" STREQUAL "")
  set(python "$ENV{JTORCH_PYTHON}")
elseif(CMAKE_HOST_WIN32)
  set(python python)
else()
  set(python python3)
endif()
# Forward slashes everywhere (Maven hands Windows paths over with backslashes).
foreach(_var LIBTORCH_HOME SOURCE BUILD_DIR TORCH_LIBS OUTPUT_DIR HEADERS_DIR CACHE_DIR)
  if(${_var})
    file(TO_CMAKE_PATH "${${_var}}" ${_var})
  endif()
endforeach()

# The platform's file names (JavaCPP's platform names; jtorch's loader expects these).
jtorch_library_file(ops_file "${PLATFORM}" jtorch_ops)
set(blas_file "")
if(PLATFORM MATCHES "^linux-")
  jtorch_library_file(blas_file "${PLATFORM}" jtorch_blas)
  set(host_ok ${CMAKE_HOST_UNIX})
elseif(PLATFORM MATCHES "^macosx-")
  set(host_ok ${CMAKE_HOST_APPLE})
  if(PLATFORM STREQUAL "macosx-x86_64" AND NOT WHEEL_PLATFORM)
    set(WHEEL_PLATFORM macosx_11_0_arm64)
  endif()
else()
  set(host_ok ${CMAKE_HOST_WIN32})
endif()
if(NOT host_ok)
  die("cannot build ${PLATFORM} natives on ${CMAKE_HOST_SYSTEM_NAME}: build them on that system")
endif()

# The version of a LibTorch include/ folder, e.g. 2.13.0 (empty when unknown).
function(headers_version var include_dir)
  set(_h "${include_dir}/torch/headeronly/version.h")
  if(NOT EXISTS "${_h}")
    set(_h "${include_dir}/torch/csrc/api/include/torch/version.h")
  endif()
  set(${var} "" PARENT_SCOPE)
  if(NOT EXISTS "${_h}")
    return()
  endif()
  file(STRINGS "${_h}" _defines REGEX "^#define TORCH_VERSION_(MAJOR|MINOR|PATCH) [0-9]+")
  foreach(_part MAJOR MINOR PATCH)
    set(_${_part} "")
    foreach(_line IN LISTS _defines)
      if(_line MATCHES "^#define TORCH_VERSION_${_part} ([0-9]+)")
        set(_${_part} "${CMAKE_MATCH_1}")
      endif()
    endforeach()
  endforeach()
  if(NOT _MAJOR STREQUAL "")
    set(${var} "${_MAJOR}.${_MINOR}.${_PATCH}" PARENT_SCOPE)
  endif()
endfunction()

set(how_to_fix "Provide the LibTorch ${LIBTORCH_VERSION} C++ headers in one of two ways:
  (1) set LIBTORCH_HOME (or pass -Dlibtorch.home=DIR to Maven) to an unzipped LibTorch ${LIBTORCH_VERSION}
      distribution (the folder holding include/ and lib/), e.g. from https://pytorch.org/get-started/locally/ ; or
  (2) make `${python} -m pip download --no-deps torch==${LIBTORCH_VERSION}` work on this machine
      (network access to PyPI, or a pip index / find-links that holds the torch ${LIBTORCH_VERSION} wheel).")

# ---------------------------------------------------------------- 1. headers
if(NOT LIBTORCH_HOME AND DEFINED ENV{LIBTORCH_HOME} AND NOT "$ENV{LIBTORCH_HOME}" STREQUAL "")
  file(TO_CMAKE_PATH "$ENV{LIBTORCH_HOME}" LIBTORCH_HOME)
endif()
if(LIBTORCH_HOME)
  if(NOT EXISTS "${LIBTORCH_HOME}/include/torch/library.h")
    die("LibTorch home '${LIBTORCH_HOME}' has no include/torch/library.h.\n${how_to_fix}")
  endif()
  get_filename_component(include_dir "${LIBTORCH_HOME}/include" ABSOLUTE)
  log("LibTorch headers from LIBTORCH_HOME / -Dlibtorch.home: ${include_dir}")
else()
  set(wheels_dir "${CACHE_DIR}/wheels")
  file(MAKE_DIRECTORY "${wheels_dir}")
  # torch-<version>-*.whl (PyPI), then torch-<version>+<local>-*.whl (e.g. PyTorch's +cpu index).
  macro(find_wheels)
    file(GLOB wheels "${wheels_dir}/torch-${LIBTORCH_VERSION}-*.whl")
    file(GLOB _local_wheels "${wheels_dir}/torch-${LIBTORCH_VERSION}+*.whl")
    list(APPEND wheels ${_local_wheels})
  endmacro()
  find_wheels()
  if(NOT wheels)
    log("fetching the torch==${LIBTORCH_VERSION} wheel into ${wheels_dir} (once; kept across mvn clean)")
    set(platform_args "")
    if(WHEEL_PLATFORM)
      set(platform_args --platform "${WHEEL_PLATFORM}")
    endif()
    execute_process(
      COMMAND "${python}" -m pip download --no-deps --only-binary=:all: --progress-bar off
              ${platform_args} --dest "${wheels_dir}" "torch==${LIBTORCH_VERSION}"
      RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      die("no LibTorch headers: LIBTORCH_HOME / -Dlibtorch.home is not set and `${python} -m pip download --no-deps torch==${LIBTORCH_VERSION}` failed (${rc}).\n${how_to_fix}")
    endif()
    find_wheels()
    if(NOT wheels)
      die("pip download succeeded but left no torch-${LIBTORCH_VERSION}*.whl in ${wheels_dir}.\n${how_to_fix}")
    endif()
  endif()
  list(GET wheels 0 wheel)
  get_filename_component(wheel_name "${wheel}" NAME)
  set(marker "${HEADERS_DIR}/.unpacked-${wheel_name}")
  if(NOT EXISTS "${marker}")
    log("unpacking torch/include from ${wheel_name} into ${HEADERS_DIR}")
    file(REMOVE_RECURSE "${HEADERS_DIR}")
    file(MAKE_DIRECTORY "${HEADERS_DIR}")
    # A wheel is a zip file; CMake (libarchive) unpacks only its torch/include/ tree.
    file(ARCHIVE_EXTRACT INPUT "${wheel}" DESTINATION "${HEADERS_DIR}" PATTERNS "torch/include/*")
    if(NOT EXISTS "${HEADERS_DIR}/torch/include/torch/library.h")
      die("${wheel} has no torch/include/torch/library.h.\n${how_to_fix}")
    endif()
    file(TOUCH "${marker}")
  endif()
  set(include_dir "${HEADERS_DIR}/torch/include")
  log("LibTorch headers from the torch wheel: ${include_dir}")
endif()
headers_version(found_version "${include_dir}")
if(NOT found_version STREQUAL "" AND NOT found_version STREQUAL LIBTORCH_VERSION)
  die("the LibTorch headers in ${include_dir} are version ${found_version}, but this build runs LibTorch ${LIBTORCH_VERSION} (org.bytedeco:pytorch); they must match.\n${how_to_fix}")
endif()

# ---------------------------------------------------------------- 2. libraries to link
set(cuda OFF)
if(EXTENSION MATCHES "gpu")
  set(cuda ON)
endif()
set(needed torch_cpu c10 torch)
if(cuda)
  list(APPEND needed torch_cuda c10_cuda)
endif()
foreach(lib IN LISTS needed)
  jtorch_library_file(lib "${PLATFORM}" ${lib})
  if(NOT EXISTS "${TORCH_LIBS}/${lib}")
    die("${TORCH_LIBS}/${lib} is missing (unpacked from org.bytedeco:pytorch:${LIBTORCH_VERSION}-*:${PLATFORM}${EXTENSION})")
  endif()
endforeach()

# ---------------------------------------------------------------- 3. CMake
set(torch_include_dirs "${include_dir};${include_dir}/torch/csrc/api/include")
# Target architecture on macOS: the platform's, also when the Mac is the other kind.
set(arch_args "")
if(PLATFORM STREQUAL "macosx-arm64")
  set(arch_args -DCMAKE_OSX_ARCHITECTURES=arm64)
elseif(PLATFORM STREQUAL "macosx-x86_64")
  set(arch_args -DCMAKE_OSX_ARCHITECTURES=x86_64)
endif()
log("configuring extensions-cpp for ${PLATFORM}${EXTENSION} (JTORCH_CUDA=${cuda}) in ${BUILD_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BUILD_DIR}" -DCMAKE_BUILD_TYPE=Release
  ${arch_args} "-DTORCH_INCLUDE_DIRS=${torch_include_dirs}" "-DTORCH_LIB_DIR=${TORCH_LIBS}"
  "-DJTORCH_CUDA=${cuda}" RESULT_VARIABLE rc)
check("${rc}" "configuring extensions-cpp")
# --config: multi-config generators (Visual Studio, Xcode) build Release; others ignore it.
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" -j "${JOBS}" --config Release
  RESULT_VARIABLE rc)
check("${rc}" "building extensions-cpp")

# The build's cache: the strip tool, and where LibTorch's link libraries are (on Windows the
# import libraries made from the presets' DLLs).
jtorch_cache_value(torch_link_dir "${BUILD_DIR}/CMakeCache.txt" JTORCH_TORCH_LINK_DIR)
if(NOT torch_link_dir)
  set(torch_link_dir "${TORCH_LIBS}")
endif()

# ---------------------------------------------------------------- 3b. the user template
# extensions-cpp/template is built the way its README says (option: explicit folders), so that
# org.jtorch.ops.UserTemplateTest can load and call it; it is not packaged.
if(IS_DIRECTORY "${SOURCE}/template")
  get_filename_component(template_dir "${BUILD_DIR}" DIRECTORY)
  set(template_dir "${template_dir}/template")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}/template" -B "${template_dir}"
    -DCMAKE_BUILD_TYPE=Release ${arch_args} "-DTORCH_INCLUDE_DIRS=${torch_include_dirs}"
    "-DTORCH_LIB_DIR=${torch_link_dir}" RESULT_VARIABLE rc)
  check("${rc}" "configuring the template")
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${template_dir}" -j "${JOBS}" --config Release
    RESULT_VARIABLE rc)
  check("${rc}" "building the template")
endif()

# ---------------------------------------------------------------- 4. strip into the JAR tree
# The ops library and (Linux) libjtorch_blas.so (OpenBLAS threading, loaded before LibTorch) go
# to OUTPUT_DIR. Linux: strip --strip-unneeded; macOS: strip -x (local symbols; a dylib's exports
# stay); Windows: copied (an MSVC Release DLL carries no symbols, they would be in a .pdb).
jtorch_cache_value(strip "${BUILD_DIR}/CMakeCache.txt" CMAKE_STRIP)
file(MAKE_DIRECTORY "${OUTPUT_DIR}")
function(package built out)
  if(NOT EXISTS "${built}")
    die("CMake did not produce ${built}")
  endif()
  # IS_NEWER_THAN is also true for equal times; the packaged file is always written later.
  if(EXISTS "${out}" AND NOT "${built}" IS_NEWER_THAN "${out}")
    log("up to date: ${out}")
    return()
  endif()
  if(PLATFORM MATCHES "^windows-" OR NOT strip)
    file(COPY "${built}" DESTINATION "${out}.tmp-dir")
    get_filename_component(_name "${built}" NAME)
    file(RENAME "${out}.tmp-dir/${_name}" "${out}.tmp")
    file(REMOVE_RECURSE "${out}.tmp-dir")
  else()
    if(PLATFORM MATCHES "^macosx-")
      set(_how -x)
    else()
      set(_how --strip-unneeded)
    endif()
    execute_process(COMMAND "${strip}" ${_how} -o "${out}.tmp" "${built}" RESULT_VARIABLE _rc)
    check("${_rc}" "${strip} ${_how} ${built}")
  endif()
  file(RENAME "${out}.tmp" "${out}")
  file(TOUCH "${out}")
  file(SIZE "${out}" _bytes)
  math(EXPR _kib "(${_bytes} + 1023) / 1024")
  log("packaged ${_kib}K ${out}")
endfunction()
package("${BUILD_DIR}/${ops_file}" "${OUTPUT_DIR}/${ops_file}")
if(blas_file)
  package("${BUILD_DIR}/${blas_file}" "${OUTPUT_DIR}/${blas_file}")
endif()
