package org.jtorch.serialization;

import java.util.Map;
import org.jtorch.DType;

/** PyTorch's legacy storage class names ({@code torch.FloatStorage}, ...) and their dtypes. */
final class StorageTypes {
  private StorageTypes() {}

  static final Map<String, DType> BY_NAME =
      Map.ofEntries(
          Map.entry("FloatStorage", DType.FLOAT32),
          Map.entry("DoubleStorage", DType.FLOAT64),
          Map.entry("HalfStorage", DType.FLOAT16),
          Map.entry("BFloat16Storage", DType.BFLOAT16),
          Map.entry("LongStorage", DType.INT64),
          Map.entry("IntStorage", DType.INT32),
          Map.entry("ShortStorage", DType.INT16),
          Map.entry("CharStorage", DType.INT8),
          Map.entry("ByteStorage", DType.UINT8),
          Map.entry("BoolStorage", DType.BOOL),
          Map.entry("ComplexFloatStorage", DType.COMPLEX64),
          Map.entry("ComplexDoubleStorage", DType.COMPLEX128),
          Map.entry("UntypedStorage", DType.UINT8));

  static String nameOf(DType dtype) {
    for (Map.Entry<String, DType> e : BY_NAME.entrySet()) {
      if (e.getValue() == dtype && !e.getKey().equals("UntypedStorage")) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("cannot save tensors of dtype " + dtype);
  }

  /** The dtype named by a pickled {@code torch.<name>} global, such as {@code torch float32}. */
  static DType dtypeNamed(String name) {
    for (DType d : DType.values()) {
      if (d.toString().equals("torch." + name)) {
        return d;
      }
    }
    switch (name) {
      case "float":
        return DType.FLOAT32;
      case "double":
        return DType.FLOAT64;
      case "half":
        return DType.FLOAT16;
      case "long":
        return DType.INT64;
      case "int":
        return DType.INT32;
      case "short":
        return DType.INT16;
      case "cfloat":
        return DType.COMPLEX64;
      case "cdouble":
        return DType.COMPLEX128;
      default:
        return null;
    }
  }
}
