package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * Resizes 1-D, 2-D or 3-D spatial data (N, C, …) to a size or by a scale factor, PyTorch's {@code
 * nn.Upsample}, through {@link F#interpolate}: modes {@code nearest} (default), {@code linear},
 * {@code bilinear}, {@code bicubic}, {@code trilinear}.
 *
 * <pre>{@code
 * new Upsample(Upsample.options().scaleFactor(2).mode("bilinear").alignCorners(true))
 * }</pre>
 */
public class Upsample extends Module {
  private final long[] size;
  private final double[] scaleFactor;
  private final String mode;
  private final Boolean alignCorners;
  private final Boolean recomputeScaleFactor;

  /** The keyword arguments: exactly one of size and scaleFactor; mode {@code nearest}. */
  public static final class Options {
    long[] size;
    double[] scaleFactor;
    String mode = "nearest";
    Boolean alignCorners;
    Boolean recomputeScaleFactor;

    Options() {}

    /** The output size: one value for every spatial dim, or one per dim. */
    public Options size(long... size) {
      this.size = Objects.requireNonNull(size, "size").clone();
      return this;
    }

    /** The multiplier of the spatial size: one value for every spatial dim, or one per dim. */
    public Options scaleFactor(double... scaleFactor) {
      this.scaleFactor = Objects.requireNonNull(scaleFactor, "scaleFactor").clone();
      return this;
    }

    /** {@code nearest}, {@code linear}, {@code bilinear}, {@code bicubic} or {@code trilinear}. */
    public Options mode(String mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** PyTorch's align_corners for the interpolating modes (null: PyTorch's None). */
    public Options alignCorners(Boolean alignCorners) {
      this.alignCorners = alignCorners;
      return this;
    }

    /** PyTorch's recompute_scale_factor (null: PyTorch's None). */
    public Options recomputeScaleFactor(Boolean recomputeScaleFactor) {
      this.recomputeScaleFactor = recomputeScaleFactor;
      return this;
    }
  }

  /** Empty options, to be given a size or a scale factor. */
  public static Options options() {
    return new Options();
  }

  /** Scales every spatial dim by {@code scaleFactor} with {@code mode}. */
  public Upsample(double scaleFactor, String mode) {
    this(options().scaleFactor(scaleFactor).mode(mode));
  }

  /** A layer with the given options. */
  public Upsample(Options o) {
    Objects.requireNonNull(o, "options");
    this.size = o.size;
    this.scaleFactor = o.scaleFactor;
    this.mode = o.mode;
    this.alignCorners = o.alignCorners;
    this.recomputeScaleFactor = o.recomputeScaleFactor;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.interpolate(input, size, scaleFactor, mode, alignCorners, recomputeScaleFactor);
  }

  @Override
  public String extraRepr() {
    String info;
    if (scaleFactor != null) {
      if (scaleFactor.length == 1) {
        info = "scale_factor=" + py(scaleFactor[0]);
      } else {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < scaleFactor.length; i++) {
          sb.append(i == 0 ? "" : ", ").append(py(scaleFactor[i]));
        }
        info = "scale_factor=" + sb.append(')');
      }
    } else {
      info = "size=" + (size == null ? "None" : org.jtorch.internal.PyRepr.ints(size));
    }
    return info + ", mode='" + mode + "'";
  }
}
