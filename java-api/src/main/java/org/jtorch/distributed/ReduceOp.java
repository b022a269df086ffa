package org.jtorch.distributed;

/**
 * How {@link ProcessGroup#allReduce}, {@link ProcessGroup#reduce} and {@link
 * ProcessGroup#reduceScatter} combine the processes' tensors: PyTorch's {@code
 * torch.distributed.ReduceOp}. The bitwise ones need integer or boolean tensors.
 */
public enum ReduceOp {
  /** Element-wise sum. */
  SUM(org.bytedeco.pytorch.ReduceOp.RedOpType.SUM),
  /** Element-wise mean over the processes. */
  AVG(org.bytedeco.pytorch.ReduceOp.RedOpType.AVG),
  /** Element-wise product. */
  PRODUCT(org.bytedeco.pytorch.ReduceOp.RedOpType.PRODUCT),
  /** Element-wise minimum. */
  MIN(org.bytedeco.pytorch.ReduceOp.RedOpType.MIN),
  /** Element-wise maximum. */
  MAX(org.bytedeco.pytorch.ReduceOp.RedOpType.MAX),
  /** Bitwise and. */
  BAND(org.bytedeco.pytorch.ReduceOp.RedOpType.BAND),
  /** Bitwise or. */
  BOR(org.bytedeco.pytorch.ReduceOp.RedOpType.BOR),
  /** Bitwise exclusive or. */
  BXOR(org.bytedeco.pytorch.ReduceOp.RedOpType.BXOR);

  final org.bytedeco.pytorch.ReduceOp.RedOpType nativeType;

  ReduceOp(org.bytedeco.pytorch.ReduceOp.RedOpType nativeType) {
    this.nativeType = nativeType;
  }
}
