package org.jtorch.distributed;

import org.bytedeco.javacpp.chrono.Milliseconds;
import org.jtorch.Torch;

/** The NCCL backend, kept apart so that CPU-only builds never load its classes. */
final class Nccl {
  private Nccl() {}

  static org.bytedeco.pytorch.Backend backend(
      org.bytedeco.pytorch.Store store, int rank, int size, Milliseconds timeout) {
    if (!Torch.cuda().isAvailable()) {
      throw new IllegalStateException("the NCCL backend needs CUDA, and no CUDA device is available");
    }
    org.bytedeco.pytorch.nccl.ProcessGroupNCCL nccl;
    try {
      nccl = new org.bytedeco.pytorch.nccl.ProcessGroupNCCL(store, rank, size);
    } catch (LinkageError e) {
      throw new IllegalStateException(
          "the NCCL backend needs jtorch's GPU build (-Djavacpp.platform.extension=-gpu)", e);
    }
    nccl.setTimeout(timeout);
    return nccl;
  }
}
