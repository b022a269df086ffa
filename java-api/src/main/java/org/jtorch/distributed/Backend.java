package org.jtorch.distributed;

import java.util.Locale;

/**
 * The communication library of a process group: PyTorch's {@code torch.distributed.Backend}.
 * {@link #GLOO} works on CPU tensors everywhere; {@link #NCCL} works on CUDA tensors and needs
 * jtorch's GPU build and one GPU per process.
 */
public enum Backend {
  /** Gloo: CPU tensors, TCP transport. */
  GLOO,
  /** NCCL: CUDA tensors (GPU build only). */
  NCCL;

  /** The backend named as in PyTorch ("gloo", "nccl"; case-insensitive). */
  public static Backend of(String name) {
    for (Backend b : values()) {
      if (b.name().equalsIgnoreCase(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "Invalid backend: '" + name + "'; jtorch supports 'gloo' and 'nccl'");
  }

  /** PyTorch's spelling: "gloo" or "nccl". */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
