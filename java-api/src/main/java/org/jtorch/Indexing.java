package org.jtorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.pytorch.EllipsisIndexType;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Slice;
import org.bytedeco.pytorch.SymInt;
import org.bytedeco.pytorch.SymIntOptional;
import org.bytedeco.pytorch.TensorIndex;
import org.bytedeco.pytorch.TensorIndexVector;
import org.jtorch.internal.Natives;

/**
 * Runs {@link Index} expressions through LibTorch's C++ indexing ({@code at::indexing}, which
 * mirrors Python's {@code __getitem__} / {@code __setitem__}).
 *
 * <p>The presets cannot build a {@code None} {@code TensorIndex} (their default constructor gives
 * an invalid one), so a {@code None} is applied up front: the tensor gets a dimension of size 1
 * where LibTorch would insert it, and the {@code None} becomes a full slice of that dimension. That
 * is exactly what {@code applySlicing} does for {@code None} (an {@code unsqueeze} at the current
 * dimension, counted like a slice by the advanced-indexing positions).
 *
 * <p>Every native object built for a call (the index vector, its entries, slices, helper tensors
 * and views) lives until the call returns and is then closed.
 */
final class Indexing {
  private Indexing() {}

  /** The native objects of one indexing call, closed together, newest first. */
  private static final class Built implements AutoCloseable {
    private final List<AutoCloseable> owned = new ArrayList<>();
    org.bytedeco.pytorch.Tensor target;
    TensorIndexVector vector;

    <T extends AutoCloseable> T own(T p) {
      owned.add(p);
      return p;
    }

    @Override
    public void close() {
      for (int i = owned.size() - 1; i >= 0; i--) {
        try {
          owned.get(i).close();
        } catch (Exception e) {
          // Pointer.close and Tensor.close throw nothing checked
          throw new IllegalStateException(e);
        }
      }
      owned.clear();
    }
  }

  /** {@code self[indices]}. */
  static Tensor get(Tensor self, Index[] indices) {
    org.bytedeco.pytorch.Tensor h = self.h();
    try (Built b = build(h, indices)) {
      return Tensor.op(() -> b.target.index(b.vector));
    }
  }

  /** {@code self[indices] = value}. */
  static void put(Tensor self, Index[] indices, Tensor value) {
    Objects.requireNonNull(value, "value");
    org.bytedeco.pytorch.Tensor h = self.h();
    org.bytedeco.pytorch.Tensor v = value.h();
    try (Built b = build(h, indices)) {
      // index_put_ returns a reference to target, which we do not own: ignore it
      run(() -> b.target.index_put_(b.vector, v));
    }
  }

  /** {@code self[indices] = value}. */
  static void put(Tensor self, Index[] indices, double value) {
    org.bytedeco.pytorch.Tensor h = self.h();
    try (Built b = build(h, indices);
        Scalar s = new Scalar(value)) {
      run(() -> b.target.index_put_(b.vector, s));
    }
  }

  private static void run(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
  }

  private static boolean isMask(org.bytedeco.pytorch.Tensor t) {
    DType d = Natives.dtype(t.scalar_type());
    return d == DType.BOOL || d == DType.UINT8;
  }

  private static Built build(org.bytedeco.pytorch.Tensor self, Index[] indices) {
    Objects.requireNonNull(indices, "indices");
    if (indices.length == 0) {
      // Python's t[()]: the whole tensor, like t[...] (LibTorch refuses an empty list)
      indices = new Index[] {Index.ELLIPSIS};
    }
    Built b = new Built();
    try {
      int n = indices.length;
      org.bytedeco.pytorch.Tensor[] tensors = new org.bytedeco.pytorch.Tensor[n];
      long specified = 0; // LibTorch's count_specified_dimensions
      for (int i = 0; i < n; i++) {
        Index ix = Objects.requireNonNull(indices[i], "indices[" + i + "]");
        switch (ix.kind) {
          case INTEGER:
          case SLICE:
            specified++;
            break;
          case ELLIPSIS:
          case NONE:
            break;
          case BOOLEAN:
            // a 0-d bool tensor is what LibTorch turns Python's True/False into
            tensors[i] = b.own(Torch.full(new long[0], ix.integer != 0)).h();
            break;
          case LONGS:
            tensors[i] = b.own(Torch.tensor((long[]) ix.array)).h();
            specified++;
            break;
          case BOOLEANS:
            tensors[i] = b.own(Torch.tensor((boolean[]) ix.array)).h();
            specified++;
            break;
          case TENSOR:
            tensors[i] = ix.tensor.h();
            specified += isMask(tensors[i]) ? tensors[i].dim() : 1;
            break;
          default:
            throw new AssertionError(ix.kind);
        }
      }
      long dims = self.dim();
      if (specified > dims) {
        throw new TorchException("too many indices for tensor of dimension " + dims);
      }
      org.bytedeco.pytorch.Tensor target = self;
      long pos = 0; // the dimension of target the next index applies to
      TensorIndex[] natives = new TensorIndex[n];
      for (int i = 0; i < n; i++) {
        Index ix = indices[i];
        switch (ix.kind) {
          case INTEGER:
            natives[i] = b.own(new TensorIndex(ix.integer));
            pos++;
            break;
          case SLICE:
            natives[i] = b.own(new TensorIndex(slice(b, ix.start, ix.stop, ix.step)));
            pos++;
            break;
          case ELLIPSIS:
            natives[i] = b.own(new TensorIndex(b.own(new EllipsisIndexType())));
            pos += dims - specified;
            break;
          case NONE:
            target = b.own(target.unsqueeze(pos));
            natives[i] = b.own(new TensorIndex(slice(b, null, null, null)));
            pos++;
            break;
          default:
            natives[i] = b.own(new TensorIndex(tensors[i]));
            if (ix.kind != Index.Kind.BOOLEAN) {
              pos += isMask(tensors[i]) ? tensors[i].dim() : 1;
            }
            break;
        }
      }
      b.target = target;
      b.vector = b.own(new TensorIndexVector(natives));
      return b;
    } catch (RuntimeException e) {
      b.close();
      throw Natives.translate(e);
    }
  }

  private static Slice slice(Built b, Long start, Long stop, Long step) {
    return b.own(new Slice(bound(b, start), bound(b, stop), bound(b, step)));
  }

  private static SymIntOptional bound(Built b, Long v) {
    if (v == null) {
      return b.own(new SymIntOptional());
    }
    return b.own(new SymIntOptional(b.own(new SymInt(v))));
  }
}
