# Helpers shared by the native build (build-native.cmake) and the JNI glue's build
# (bindings/src/main/cmake/build-jni.cmake), both CMake scripts run with cmake -P.

# The file name of shared library `name` on a JavaCPP platform (linux-x86_64, macosx-arm64,
# windows-x86_64, ...): libNAME.so, libNAME.dylib or NAME.dll, as JavaCPP's Loader and jtorch's
# loader look for it.
function(jtorch_library_file var platform name)
  if(platform MATCHES "^windows-")
    set(${var} "${name}.dll" PARENT_SCOPE)
  elseif(platform MATCHES "^macosx-")
    set(${var} "lib${name}.dylib" PARENT_SCOPE)
  elseif(platform MATCHES "^linux-")
    set(${var} "lib${name}.so" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "unknown platform '${platform}' (linux-*, macosx-*, windows-*)")
  endif()
endfunction()

# The value of `name` in a CMake build's CMakeCache.txt, or "" (a list keeps its semicolons).
function(jtorch_cache_value var cache name)
  file(STRINGS "${cache}" _line REGEX "^${name}:[A-Z]*=" LIMIT_COUNT 1)
  string(REGEX REPLACE "^${name}:[A-Z]*=" "" _line "${_line}")
  string(REPLACE "\\;" ";" _line "${_line}")  # file(STRINGS) escapes a list's semicolons
  set(${var} "${_line}" PARENT_SCOPE)
endfunction()
