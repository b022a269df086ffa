/**
 * Models exported with {@code torch.export} and compiled ahead of time by AOTInductor: {@link
 * org.jtorch.export.AotiModel} loads and runs the {@code .pt2} packages that Python's {@code
 * torch._inductor.aoti_compile_and_package} writes. A package holds a compiled shared library:
 * native code, to be loaded only from sources you trust.
 */
package org.jtorch.export;
