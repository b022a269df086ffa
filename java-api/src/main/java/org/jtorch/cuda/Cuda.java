package org.jtorch.cuda;

import org.bytedeco.pytorch.global.torch;
import org.jtorch.internal.Natives;

/**
 * CUDA availability and state, PyTorch's {@code torch.cuda}; obtained with {@code Torch.cuda()}.
 *
 * <p>jtorch's CPU flavour ({@code linux-x86_64} natives) never sees a GPU; the GPU flavour ({@code
 * linux-x86_64-gpu}) needs the CUDA 13 runtime libraries on the system (see the README).
 */
public final class Cuda {
  /** The one instance. */
  public static final Cuda INSTANCE = new Cuda();

  static {
    Natives.ensureLoaded();
  }

  private Cuda() {}

  /** True if LibTorch was built with CUDA and at least one GPU is usable. */
  public boolean isAvailable() {
    return torch.cuda_is_available();
  }

  /** The number of usable GPUs (0 without CUDA). */
  public int deviceCount() {
    return torch.cuda_device_count();
  }

  /** Seeds the generators of every GPU. */
  public void manualSeedAll(long seed) {
    torch.cuda_manual_seed_all(seed);
  }
}
