package org.jtorch;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.PointerConsumer;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.internal.Natives;

/**
 * Zero-copy tensors over direct NIO buffers. LibTorch calls {@link #RELEASE} when the storage
 * dies; until then the buffer is held here so that the garbage collector cannot free memory that
 * LibTorch still reads.
 */
final class BufferTensors {
  private BufferTensors() {}

  /** A pointer to an address, nothing more. */
  private static final class RawPointer extends Pointer {
    RawPointer(long address) {
      this.address = address;
    }
  }

  /** Buffers lent to LibTorch, by the address LibTorch was given, with a use count. */
  private static final Map<Long, Object[]> LENT = new HashMap<>();

  private static final PointerConsumer RELEASE =
      new PointerConsumer() {
        @Override
        public void call(Pointer data) {
          release(data.address());
        }
      };

  private static synchronized void lend(long address, Buffer buffer) {
    Object[] entry = LENT.get(address);
    if (entry == null) {
      LENT.put(address, new Object[] {buffer, 1});
    } else {
      entry[1] = (Integer) entry[1] + 1;
    }
  }

  private static synchronized void release(long address) {
    Object[] entry = LENT.get(address);
    if (entry != null) {
      int n = (Integer) entry[1] - 1;
      if (n == 0) {
        LENT.remove(address);
      } else {
        entry[1] = n;
      }
    }
  }

  /** The number of buffers currently lent to LibTorch (for tests). */
  static synchronized int lentCount() {
    return LENT.size();
  }

  static Tensor fromBuffer(Buffer buffer, DType dtype, long[] shape) {
    Objects.requireNonNull(buffer, "buffer");
    Objects.requireNonNull(dtype, "dtype");
    long n = 1;
    long needed;
    try {
      for (long s : shape) {
        if (s < 0) {
          throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
        }
        n = Math.multiplyExact(n, s);
      }
      needed = Math.multiplyExact(n, (long) dtype.itemSize());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " of " + dtype + " needs more bytes than a long holds");
    }
    int unit = unitSize(buffer);
    long bytes = (long) buffer.remaining() * unit;
    if (bytes != needed) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " of "
              + dtype
              + " needs "
              + needed
              + " bytes, but the buffer has "
              + bytes
              + " remaining");
    }
    if (unit > 1 && order(buffer) != ByteOrder.nativeOrder()) {
      throw new IllegalArgumentException("the buffer must be in the machine's byte order");
    }
    if (!buffer.isDirect() || buffer.isReadOnly()) {
      // a read-only buffer (a READ_ONLY mapped file, asReadOnlyBuffer()) may be memory no one may
      // write: LibTorch would write through a view of it (in-place ops), so it gets a copy
      return copyHeap(buffer, dtype, shape);
    }
    long address = new Pointer(buffer).address() + (long) buffer.position() * unit;
    if (n == 0) {
      return Torch.empty(shape, TensorOptions.dtype(dtype));
    }
    long[] s = shape.clone();
    lend(address, buffer);
    try (org.bytedeco.pytorch.TensorOptions options =
        new org.bytedeco.pytorch.TensorOptions(Natives.scalarType(dtype))) {
      return Tensor.op(
          () -> torch.from_blob(new RawPointer(address), s, RELEASE, options, Natives.NO_DEVICE));
    } catch (RuntimeException e) {
      release(address);
      throw e;
    }
  }

  private static Tensor copyHeap(Buffer buffer, DType dtype, long[] shape) {
    Buffer dup = duplicate(buffer);
    ByteBuffer direct = ByteBuffer.allocateDirect((int) ((long) dup.remaining() * unitSize(dup)))
        .order(ByteOrder.nativeOrder());
    if (dup instanceof ByteBuffer) {
      direct.put((ByteBuffer) dup);
    } else if (dup instanceof FloatBuffer) {
      direct.asFloatBuffer().put((FloatBuffer) dup);
    } else if (dup instanceof DoubleBuffer) {
      direct.asDoubleBuffer().put((DoubleBuffer) dup);
    } else if (dup instanceof LongBuffer) {
      direct.asLongBuffer().put((LongBuffer) dup);
    } else if (dup instanceof IntBuffer) {
      direct.asIntBuffer().put((IntBuffer) dup);
    } else if (dup instanceof ShortBuffer) {
      direct.asShortBuffer().put((ShortBuffer) dup);
    }
    direct.rewind();
    try (Tensor view = fromBuffer(direct, dtype, shape)) {
      return view.clone();
    }
  }

  private static Buffer duplicate(Buffer b) {
    if (b instanceof ByteBuffer) {
      return ((ByteBuffer) b).duplicate();
    } else if (b instanceof FloatBuffer) {
      return ((FloatBuffer) b).duplicate();
    } else if (b instanceof DoubleBuffer) {
      return ((DoubleBuffer) b).duplicate();
    } else if (b instanceof LongBuffer) {
      return ((LongBuffer) b).duplicate();
    } else if (b instanceof IntBuffer) {
      return ((IntBuffer) b).duplicate();
    } else if (b instanceof ShortBuffer) {
      return ((ShortBuffer) b).duplicate();
    }
    throw new IllegalArgumentException("unsupported buffer type " + b.getClass().getName());
  }

  private static int unitSize(Buffer b) {
    if (b instanceof ByteBuffer) {
      return 1;
    } else if (b instanceof ShortBuffer) {
      return 2;
    } else if (b instanceof IntBuffer || b instanceof FloatBuffer) {
      return 4;
    } else if (b instanceof LongBuffer || b instanceof DoubleBuffer) {
      return 8;
    }
    throw new IllegalArgumentException("unsupported buffer type " + b.getClass().getName());
  }

  private static ByteOrder order(Buffer b) {
    if (b instanceof ShortBuffer) {
      return ((ShortBuffer) b).order();
    } else if (b instanceof IntBuffer) {
      return ((IntBuffer) b).order();
    } else if (b instanceof FloatBuffer) {
      return ((FloatBuffer) b).order();
    } else if (b instanceof LongBuffer) {
      return ((LongBuffer) b).order();
    } else if (b instanceof DoubleBuffer) {
      return ((DoubleBuffer) b).order();
    }
    return ((ByteBuffer) b).order();
  }
}
