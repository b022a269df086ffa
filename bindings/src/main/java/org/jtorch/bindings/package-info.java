/**
 * The native layer under jtorch's public API: it finds and loads LibTorch and jtorch's operator
 * library. Nothing here is meant for application code; {@link org.jtorch.bindings.NativeLibraries}
 * documents the search order and the system properties that override it.
 */
package org.jtorch.bindings;
