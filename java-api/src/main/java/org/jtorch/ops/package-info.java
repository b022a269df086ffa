/**
 * Custom operators registered in PyTorch's dispatcher: jtorch's own ({@code jtorch::} namespace,
 * built from {@code extensions-cpp} and loaded with LibTorch) and users' operator libraries loaded
 * with {@link org.jtorch.ops.Ops#load(java.nio.file.Path)}.
 */
package org.jtorch.ops;
