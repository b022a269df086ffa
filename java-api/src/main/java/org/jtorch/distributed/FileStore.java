package org.jtorch.distributed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * PyTorch's {@code torch.distributed.FileStore}: a store kept in one file that every process of
 * the job can reach (a local or shared file system), the store behind the {@code file://}
 * rendezvous.
 *
 * <p>Differs from PyTorch: the file is never removed by jtorch; delete it once the job is over.
 * PyTorch removes it when {@code world_size} store objects have been destroyed, counting objects,
 * not processes; jtorch necessarily holds several native store objects per process (see {@link
 * Store}), so that count would delete the file while other processes still use it.
 */
public final class FileStore extends Store {
  private final org.bytedeco.pytorch.FileStore own;
  private final Path path;

  /**
   * Opens (creating it if needed) the store in {@code path} for {@code worldSize} processes.
   *
   * @param worldSize the number of processes using the file, or -1 if unknown
   */
  public FileStore(Path path, int worldSize) {
    Objects.requireNonNull(path, "path");
    if (worldSize == 0 || worldSize < -1) {
      throw new IllegalArgumentException("worldSize must be positive or -1, got " + worldSize);
    }
    this.path = path;
    this.own = call(() -> new org.bytedeco.pytorch.FileStore(path.toString(), -1));
    share(call(own::clone));
  }

  /** LibTorch's FileStore waits in whole seconds: see {@link Store#wholeSecondWaitMillis}. */
  @Override
  long nativeMillis(Duration requested) {
    return wholeSecondWaitMillis(requested);
  }

  /** The file the store lives in. */
  public Path path() {
    return path;
  }

  @Override
  void closeOwned() {
    own.close();
  }

  @Override
  public String toString() {
    return "FileStore(" + path + ")";
  }
}
