/**
 * The JavaCPP preset of jtorch's native library ({@link org.jtorch.bindings.ops.JtorchOps}): JNI
 * glue generated at build time by JavaCPP's Builder ({@code bindings/src/main/cmake/build-jni.cmake},
 * run by Maven in {@code process-classes}) into {@code libjnijtorch_ops.so}, which ships in this
 * module's JAR at {@code org/jtorch/bindings/ops/linux-x86_64/} and links {@code libjtorch_ops.so}
 * by soname. The glue only uses LibTorch's CPU libraries, so the same file serves the CPU and the
 * GPU flavour. Internal to jtorch; {@code org.jtorch.ops.Ops} is the public face.
 */
package org.jtorch.bindings.ops;
