package org.jtorch;

/**
 * The element type of a {@link Tensor}, PyTorch's {@code torch.dtype}.
 *
 * <p>Each constant carries the code of LibTorch's {@code c10::ScalarType}; jtorch never relies on
 * {@link #ordinal()}. {@link #toString()} gives PyTorch's spelling, such as {@code torch.float32}.
 */
public enum DType {
  /** {@code torch.uint8}. */
  UINT8(0, "uint8", 1, Kind.INTEGER),
  /** {@code torch.int8}. */
  INT8(1, "int8", 1, Kind.INTEGER),
  /** {@code torch.int16}. */
  INT16(2, "int16", 2, Kind.INTEGER),
  /** {@code torch.int32}. */
  INT32(3, "int32", 4, Kind.INTEGER),
  /** {@code torch.int64}, the default integer type. */
  INT64(4, "int64", 8, Kind.INTEGER),
  /** {@code torch.float16}. */
  FLOAT16(5, "float16", 2, Kind.FLOATING),
  /** {@code torch.float32}, the default floating type. */
  FLOAT32(6, "float32", 4, Kind.FLOATING),
  /** {@code torch.float64}. */
  FLOAT64(7, "float64", 8, Kind.FLOATING),
  /** {@code torch.complex64}. */
  COMPLEX64(9, "complex64", 8, Kind.COMPLEX),
  /** {@code torch.complex128}. */
  COMPLEX128(10, "complex128", 16, Kind.COMPLEX),
  /** {@code torch.bool}. */
  BOOL(11, "bool", 1, Kind.BOOLEAN),
  /** {@code torch.bfloat16}. */
  BFLOAT16(15, "bfloat16", 2, Kind.FLOATING);

  private enum Kind {
    BOOLEAN,
    INTEGER,
    FLOATING,
    COMPLEX
  }

  private static final DType[] BY_CODE = new DType[16];

  static {
    for (DType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final String pythonName;
  private final int itemSize;
  private final Kind kind;

  DType(int code, String pythonName, int itemSize, Kind kind) {
    this.code = code;
    this.pythonName = pythonName;
    this.itemSize = itemSize;
    this.kind = kind;
  }

  /** LibTorch's {@code c10::ScalarType} code of this type. */
  public int code() {
    return code;
  }

  /** The size of one element in bytes, PyTorch's {@code dtype.itemsize}. */
  public int itemSize() {
    return itemSize;
  }

  /** PyTorch's {@code dtype.is_floating_point}: true for the real floating types. */
  public boolean isFloatingPoint() {
    return kind == Kind.FLOATING;
  }

  /** PyTorch's {@code dtype.is_complex}. */
  public boolean isComplex() {
    return kind == Kind.COMPLEX;
  }

  /** True for the integer types (not {@link #BOOL}). */
  public boolean isIntegral() {
    return kind == Kind.INTEGER;
  }

  /**
   * The type with LibTorch's {@code c10::ScalarType} code {@code code}.
   *
   * @throws IllegalArgumentException if jtorch does not support that type
   */
  public static DType fromCode(int code) {
    DType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (t == null) {
      throw new IllegalArgumentException("unsupported LibTorch scalar type code " + code);
    }
    return t;
  }

  /** PyTorch's spelling, e.g. {@code torch.float32}. */
  @Override
  public String toString() {
    return "torch." + pythonName;
  }
}
