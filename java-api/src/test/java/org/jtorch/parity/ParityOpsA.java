package org.jtorch.parity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jtorch.DType;
import org.jtorch.MinMax;
import org.jtorch.StdMean;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.Unique;
import org.jtorch.VarMean;

/**
 * Java mappings of the region-A ops (pointwise, reductions, sorting, shapes, joining). Op names:
 * "x" takes tensors, "x.l" an integral scalar (long), "x.d" a floating one (double); a trailing
 * "_" is the in-place form, which must return the tensor it was called on.
 */
final class ParityOpsA {
  static final Map<String, ParityOp> OPS = new HashMap<>();

  interface TL {
    Tensor apply(Tensor t, long v);
  }

  interface TD {
    Tensor apply(Tensor t, double v);
  }

  static {
    OPS.put("sum", a -> t(a, 0).sum());
    OPS.put("sum_dim", a -> t(a, 0).sum(l(a, 1), b(a, 2)));
    OPS.put("argmax_dim", a -> t(a, 0).argmax(l(a, 1), b(a, 2)));
    OPS.put("max_dim", a -> t(a, 0).max(l(a, 1), b(a, 2)));
    OPS.put("add", a -> t(a, 0).add(t(a, 1)));
    pointwise();
    reductions();
    sorting();
    shapes();
    joining();
    misc();
  }

  private ParityOpsA() {}

  // ---------------------------------------------------------------------------------------------
  // Pointwise

  private static void unary(String name, Function<Tensor, Tensor> f, Function<Tensor, Tensor> inPlace) {
    OPS.put(name, a -> f.apply(t(a, 0)));
    if (inPlace != null) {
      OPS.put(name + "_", a -> same(t(a, 0), inPlace.apply(t(a, 0))));
    }
  }

  private static void binary(
      String name,
      BiFunction<Tensor, Tensor, Tensor> tt,
      TL tl,
      TD td,
      BiFunction<Tensor, Tensor, Tensor> ipT,
      TL ipL,
      TD ipD) {
    OPS.put(name, a -> tt.apply(t(a, 0), t(a, 1)));
    if (tl != null) {
      OPS.put(name + ".l", a -> tl.apply(t(a, 0), l(a, 1)));
    }
    if (td != null) {
      OPS.put(name + ".d", a -> td.apply(t(a, 0), d(a, 1)));
    }
    if (ipT != null) {
      OPS.put(name + "_", a -> same(t(a, 0), ipT.apply(t(a, 0), t(a, 1))));
    }
    if (ipL != null) {
      OPS.put(name + "_.l", a -> same(t(a, 0), ipL.apply(t(a, 0), l(a, 1))));
    }
    if (ipD != null) {
      OPS.put(name + "_.d", a -> same(t(a, 0), ipD.apply(t(a, 0), d(a, 1))));
    }
  }

  private static void pointwise() {
    unary("neg", Tensor::neg, Tensor::neg_);
    unary("abs", Tensor::abs, Tensor::abs_);
    unary("sign", Tensor::sign, Tensor::sign_);
    unary("sqrt", Tensor::sqrt, Tensor::sqrt_);
    unary("rsqrt", Tensor::rsqrt, Tensor::rsqrt_);
    unary("exp", Tensor::exp, Tensor::exp_);
    unary("expm1", Tensor::expm1, Tensor::expm1_);
    unary("log", Tensor::log, Tensor::log_);
    unary("log1p", Tensor::log1p, Tensor::log1p_);
    unary("log2", Tensor::log2, Tensor::log2_);
    unary("log10", Tensor::log10, Tensor::log10_);
    unary("sin", Tensor::sin, Tensor::sin_);
    unary("cos", Tensor::cos, Tensor::cos_);
    unary("tan", Tensor::tan, Tensor::tan_);
    unary("asin", Tensor::asin, Tensor::asin_);
    unary("acos", Tensor::acos, Tensor::acos_);
    unary("atan", Tensor::atan, Tensor::atan_);
    unary("sinh", Tensor::sinh, Tensor::sinh_);
    unary("cosh", Tensor::cosh, Tensor::cosh_);
    unary("tanh", Tensor::tanh, Tensor::tanh_);
    unary("sigmoid", Tensor::sigmoid, Tensor::sigmoid_);
    unary("ceil", Tensor::ceil, Tensor::ceil_);
    unary("floor", Tensor::floor, Tensor::floor_);
    unary("round", Tensor::round, Tensor::round_);
    unary("trunc", Tensor::trunc, Tensor::trunc_);
    unary("frac", Tensor::frac, Tensor::frac_);
    unary("reciprocal", Tensor::reciprocal, Tensor::reciprocal_);
    unary("logicalNot", Tensor::logicalNot, Tensor::logicalNot_);
    unary("bitwiseNot", Tensor::bitwiseNot, Tensor::bitwiseNot_);
    unary("isnan", Tensor::isnan, null);
    unary("isinf", Tensor::isinf, null);
    unary("isfinite", Tensor::isfinite, null);
    OPS.put("round.decimals", a -> t(a, 0).round(l(a, 1)));
    OPS.put("round_.decimals", a -> same(t(a, 0), t(a, 0).round_(l(a, 1))));

    binary("add", Tensor::add, Tensor::add, Tensor::add, Tensor::add_, Tensor::add_, Tensor::add_);
    binary("sub", Tensor::sub, Tensor::sub, Tensor::sub, Tensor::sub_, Tensor::sub_, Tensor::sub_);
    binary("mul", Tensor::mul, Tensor::mul, Tensor::mul, Tensor::mul_, Tensor::mul_, Tensor::mul_);
    binary("div", Tensor::div, Tensor::div, Tensor::div, Tensor::div_, Tensor::div_, Tensor::div_);
    binary("trueDivide", Tensor::trueDivide, Tensor::trueDivide, Tensor::trueDivide,
        Tensor::trueDivide_, Tensor::trueDivide_, Tensor::trueDivide_);
    binary("floorDivide", Tensor::floorDivide, Tensor::floorDivide, Tensor::floorDivide,
        Tensor::floorDivide_, Tensor::floorDivide_, Tensor::floorDivide_);
    binary("remainder", Tensor::remainder, Tensor::remainder, Tensor::remainder,
        Tensor::remainder_, Tensor::remainder_, Tensor::remainder_);
    binary("pow", Tensor::pow, Tensor::pow, Tensor::pow, Tensor::pow_, Tensor::pow_, Tensor::pow_);
    binary("atan2", Tensor::atan2, null, null, Tensor::atan2_, null, null);
    binary("bitwiseAnd", Tensor::bitwiseAnd, Tensor::bitwiseAnd, null,
        Tensor::bitwiseAnd_, Tensor::bitwiseAnd_, null);
    binary("bitwiseOr", Tensor::bitwiseOr, Tensor::bitwiseOr, null,
        Tensor::bitwiseOr_, Tensor::bitwiseOr_, null);
    binary("bitwiseXor", Tensor::bitwiseXor, Tensor::bitwiseXor, null,
        Tensor::bitwiseXor_, Tensor::bitwiseXor_, null);
    binary("bitwiseLeftShift", Tensor::bitwiseLeftShift, Tensor::bitwiseLeftShift, null,
        Tensor::bitwiseLeftShift_, Tensor::bitwiseLeftShift_, null);
    binary("bitwiseRightShift", Tensor::bitwiseRightShift, Tensor::bitwiseRightShift, null,
        Tensor::bitwiseRightShift_, Tensor::bitwiseRightShift_, null);
    binary("logicalAnd", Tensor::logicalAnd, null, null, Tensor::logicalAnd_, null, null);
    binary("logicalOr", Tensor::logicalOr, null, null, Tensor::logicalOr_, null, null);
    binary("logicalXor", Tensor::logicalXor, null, null, Tensor::logicalXor_, null, null);
    binary("maximum", Tensor::maximum, null, null, null, null, null);
    binary("minimum", Tensor::minimum, null, null, null, null, null);
    binary("eq", Tensor::eq, Tensor::eq, Tensor::eq, null, null, null);
    binary("ne", Tensor::ne, Tensor::ne, Tensor::ne, null, null, null);
    binary("lt", Tensor::lt, Tensor::lt, Tensor::lt, null, null, null);
    binary("le", Tensor::le, Tensor::le, Tensor::le, null, null, null);
    binary("gt", Tensor::gt, Tensor::gt, Tensor::gt, null, null, null);
    binary("ge", Tensor::ge, Tensor::ge, Tensor::ge, null, null, null);

    OPS.put("add.alpha.d", a -> t(a, 0).add(t(a, 1), d(a, 2)));
    OPS.put("add.alpha.l", a -> t(a, 0).add(t(a, 1), l(a, 2)));
    OPS.put("add_.alpha.d", a -> same(t(a, 0), t(a, 0).add_(t(a, 1), d(a, 2))));
    OPS.put("add_.alpha.l", a -> same(t(a, 0), t(a, 0).add_(t(a, 1), l(a, 2))));
    OPS.put("sub.alpha.d", a -> t(a, 0).sub(t(a, 1), d(a, 2)));
    OPS.put("sub.alpha.l", a -> t(a, 0).sub(t(a, 1), l(a, 2)));
    OPS.put("sub_.alpha.d", a -> same(t(a, 0), t(a, 0).sub_(t(a, 1), d(a, 2))));
    OPS.put("sub_.alpha.l", a -> same(t(a, 0), t(a, 0).sub_(t(a, 1), l(a, 2))));

    OPS.put("div.mode", a -> t(a, 0).div(t(a, 1), s(a, 2)));
    OPS.put("div.mode.l", a -> t(a, 0).div(l(a, 1), s(a, 2)));
    OPS.put("div.mode.d", a -> t(a, 0).div(d(a, 1), s(a, 2)));
    OPS.put("div_.mode", a -> same(t(a, 0), t(a, 0).div_(t(a, 1), s(a, 2))));
    OPS.put("div_.mode.l", a -> same(t(a, 0), t(a, 0).div_(l(a, 1), s(a, 2))));
    OPS.put("div_.mode.d", a -> same(t(a, 0), t(a, 0).div_(d(a, 1), s(a, 2))));
    OPS.put("pow.scalarBase.d", a -> Torch.pow(d(a, 0), t(a, 1)));
    OPS.put("pow.scalarBase.l", a -> Torch.pow(l(a, 0), t(a, 1)));

    OPS.put("clamp", a -> t(a, 0).clamp(od(a, 1), od(a, 2)));
    OPS.put("clamp_", a -> same(t(a, 0), t(a, 0).clamp_(od(a, 1), od(a, 2))));
    OPS.put("clamp.l", a -> t(a, 0).clamp(l(a, 1), l(a, 2)));
    OPS.put("clamp_.l", a -> same(t(a, 0), t(a, 0).clamp_(l(a, 1), l(a, 2))));
    OPS.put("clamp.t", a -> t(a, 0).clamp(t(a, 1), t(a, 2)));
    OPS.put("clamp_.t", a -> same(t(a, 0), t(a, 0).clamp_(t(a, 1), t(a, 2))));
    OPS.put("clampMin.d", a -> t(a, 0).clampMin(d(a, 1)));
    OPS.put("clampMin.l", a -> t(a, 0).clampMin(l(a, 1)));
    OPS.put("clampMax.d", a -> t(a, 0).clampMax(d(a, 1)));
    OPS.put("clampMax.l", a -> t(a, 0).clampMax(l(a, 1)));

    OPS.put("lerp.d", a -> t(a, 0).lerp(t(a, 1), d(a, 2)));
    OPS.put("lerp.t", a -> t(a, 0).lerp(t(a, 1), t(a, 2)));
    OPS.put("lerp_.d", a -> same(t(a, 0), t(a, 0).lerp_(t(a, 1), d(a, 2))));
    OPS.put("lerp_.t", a -> same(t(a, 0), t(a, 0).lerp_(t(a, 1), t(a, 2))));
    OPS.put("addcmul", a -> t(a, 0).addcmul(t(a, 1), t(a, 2), d(a, 3)));
    OPS.put("addcmul_", a -> same(t(a, 0), t(a, 0).addcmul_(t(a, 1), t(a, 2), d(a, 3))));
    OPS.put("addcdiv", a -> t(a, 0).addcdiv(t(a, 1), t(a, 2), d(a, 3)));
    OPS.put("addcdiv_", a -> same(t(a, 0), t(a, 0).addcdiv_(t(a, 1), t(a, 2), d(a, 3))));

    OPS.put("isclose", a -> t(a, 0).isclose(t(a, 1)));
    OPS.put("isclose.tol", a -> t(a, 0).isclose(t(a, 1), d(a, 2), d(a, 3), b(a, 4)));
    OPS.put("allclose", a -> t(a, 0).allclose(t(a, 1)));
    OPS.put("allclose.tol", a -> t(a, 0).allclose(t(a, 1), d(a, 2), d(a, 3), b(a, 4)));
    OPS.put("equal", a -> t(a, 0).equal(t(a, 1)));

    OPS.put("nanToNum", a -> t(a, 0).nanToNum());
    OPS.put("nanToNum.vals", a -> t(a, 0).nanToNum(od(a, 1), od(a, 2), od(a, 3)));
    OPS.put("nanToNum_", a -> same(t(a, 0), t(a, 0).nanToNum_()));
    OPS.put("nanToNum_.vals", a -> same(t(a, 0), t(a, 0).nanToNum_(od(a, 1), od(a, 2), od(a, 3))));

    OPS.put("where", a -> Torch.where(t(a, 0), t(a, 1), t(a, 2)));
    OPS.put("where.TD", a -> Torch.where(t(a, 0), t(a, 1), d(a, 2)));
    OPS.put("where.TL", a -> Torch.where(t(a, 0), t(a, 1), l(a, 2)));
    OPS.put("where.DT", a -> Torch.where(t(a, 0), d(a, 1), t(a, 2)));
    OPS.put("where.LT", a -> Torch.where(t(a, 0), l(a, 1), t(a, 2)));
    OPS.put("where.DD", a -> Torch.where(t(a, 0), d(a, 1), d(a, 2)));
    OPS.put("where.LL", a -> Torch.where(t(a, 0), l(a, 1), l(a, 2)));
    OPS.put("where.method", a -> t(a, 0).where(t(a, 1), t(a, 2)));
    OPS.put("where.method.d", a -> t(a, 0).where(t(a, 1), d(a, 2)));
    OPS.put("where.method.l", a -> t(a, 0).where(t(a, 1), l(a, 2)));

    OPS.put("fill_.l", a -> same(t(a, 0), t(a, 0).fill_(l(a, 1))));
    OPS.put("fill_.d", a -> same(t(a, 0), t(a, 0).fill_(d(a, 1))));
    OPS.put("zero_", a -> same(t(a, 0), t(a, 0).zero_()));

    OPS.put("torch.add", a -> Torch.add(t(a, 0), t(a, 1)));
    OPS.put("torch.sqrt", a -> Torch.sqrt(t(a, 0)));
    OPS.put("torch.eq.l", a -> Torch.eq(t(a, 0), l(a, 1)));
    OPS.put("torch.clamp", a -> Torch.clamp(t(a, 0), od(a, 1), od(a, 2)));
  }

  // ---------------------------------------------------------------------------------------------
  // Reductions

  private static void reductions() {
    OPS.put("nansum", a -> t(a, 0).nansum());
    OPS.put("prod", a -> t(a, 0).prod());
    OPS.put("mean", a -> t(a, 0).mean());
    OPS.put("nanmean", a -> t(a, 0).nanmean());
    OPS.put("std", a -> t(a, 0).std());
    OPS.put("var", a -> t(a, 0).var());
    OPS.put("amin", a -> t(a, 0).amin());
    OPS.put("amax", a -> t(a, 0).amax());
    OPS.put("argmin", a -> t(a, 0).argmin());
    OPS.put("argmax", a -> t(a, 0).argmax());
    OPS.put("all", a -> t(a, 0).all());
    OPS.put("any", a -> t(a, 0).any());
    OPS.put("min", a -> t(a, 0).min());
    OPS.put("max", a -> t(a, 0).max());
    OPS.put("median", a -> t(a, 0).median());
    OPS.put("nanmedian", a -> t(a, 0).nanmedian());
    OPS.put("countNonzero", a -> t(a, 0).countNonzero());
    OPS.put("norm", a -> t(a, 0).norm());

    OPS.put("sum.dim", a -> t(a, 0).sum(l(a, 1), b(a, 2)));
    OPS.put("nansum.dim", a -> t(a, 0).nansum(l(a, 1), b(a, 2)));
    OPS.put("prod.dim", a -> t(a, 0).prod(l(a, 1), b(a, 2)));
    OPS.put("mean.dim", a -> t(a, 0).mean(l(a, 1), b(a, 2)));
    OPS.put("nanmean.dim", a -> t(a, 0).nanmean(l(a, 1), b(a, 2)));
    OPS.put("std.dim", a -> t(a, 0).std(l(a, 1), b(a, 2)));
    OPS.put("var.dim", a -> t(a, 0).var(l(a, 1), b(a, 2)));
    OPS.put("amin.dim", a -> t(a, 0).amin(l(a, 1), b(a, 2)));
    OPS.put("amax.dim", a -> t(a, 0).amax(l(a, 1), b(a, 2)));
    OPS.put("argmin.dim", a -> t(a, 0).argmin(l(a, 1), b(a, 2)));
    OPS.put("argmax.dim", a -> t(a, 0).argmax(l(a, 1), b(a, 2)));
    OPS.put("all.dim", a -> t(a, 0).all(l(a, 1), b(a, 2)));
    OPS.put("any.dim", a -> t(a, 0).any(l(a, 1), b(a, 2)));
    OPS.put("logsumexp.dim", a -> t(a, 0).logsumexp(l(a, 1), b(a, 2)));
    OPS.put("countNonzero.dim", a -> t(a, 0).countNonzero(l(a, 1)));

    OPS.put("sum.dims", a -> t(a, 0).sum(ls(a, 1), b(a, 2)));
    OPS.put("nansum.dims", a -> t(a, 0).nansum(ls(a, 1), b(a, 2)));
    OPS.put("mean.dims", a -> t(a, 0).mean(ls(a, 1), b(a, 2)));
    OPS.put("nanmean.dims", a -> t(a, 0).nanmean(ls(a, 1), b(a, 2)));
    OPS.put("std.dims", a -> t(a, 0).std(ls(a, 1), b(a, 2)));
    OPS.put("var.dims", a -> t(a, 0).var(ls(a, 1), b(a, 2)));
    OPS.put("amin.dims", a -> t(a, 0).amin(ls(a, 1), b(a, 2)));
    OPS.put("amax.dims", a -> t(a, 0).amax(ls(a, 1), b(a, 2)));
    OPS.put("all.dims", a -> t(a, 0).all(ls(a, 1), b(a, 2)));
    OPS.put("any.dims", a -> t(a, 0).any(ls(a, 1), b(a, 2)));
    OPS.put("logsumexp.dims", a -> t(a, 0).logsumexp(ls(a, 1), b(a, 2)));
    OPS.put("countNonzero.dims", a -> t(a, 0).countNonzero(ls(a, 1)));

    OPS.put("sum.dtype", a -> t(a, 0).sum(dt(a, 1)));
    OPS.put("sum.dims.dtype", a -> t(a, 0).sum(ls(a, 1), b(a, 2), dt(a, 3)));
    OPS.put("prod.dtype", a -> t(a, 0).prod(dt(a, 1)));
    OPS.put("prod.dim.dtype", a -> t(a, 0).prod(l(a, 1), b(a, 2), dt(a, 3)));
    OPS.put("mean.dtype", a -> t(a, 0).mean(dt(a, 1)));
    OPS.put("mean.dims.dtype", a -> t(a, 0).mean(ls(a, 1), b(a, 2), dt(a, 3)));

    OPS.put("std.corr", a -> t(a, 0).std(ls(a, 1), d(a, 2), b(a, 3)));
    OPS.put("var.corr", a -> t(a, 0).var(ls(a, 1), d(a, 2), b(a, 3)));
    OPS.put("stdMean", a -> parts(Torch.stdMean(t(a, 0))));
    OPS.put("stdMean.dims", a -> parts(Torch.stdMean(t(a, 0), ls(a, 1), b(a, 2))));
    OPS.put("stdMean.corr", a -> parts(Torch.stdMean(t(a, 0), ls(a, 1), d(a, 2), b(a, 3))));
    OPS.put("varMean", a -> parts(Torch.varMean(t(a, 0))));
    OPS.put("varMean.dims", a -> parts(Torch.varMean(t(a, 0), ls(a, 1), b(a, 2))));
    OPS.put("varMean.corr", a -> parts(Torch.varMean(t(a, 0), ls(a, 1), d(a, 2), b(a, 3))));

    OPS.put("min.dim", a -> t(a, 0).min(l(a, 1), b(a, 2)));
    OPS.put("max.dim", a -> t(a, 0).max(l(a, 1), b(a, 2)));
    OPS.put("median.dim", a -> t(a, 0).median(l(a, 1), b(a, 2)));
    OPS.put("nanmedian.dim", a -> t(a, 0).nanmedian(l(a, 1), b(a, 2)));
    OPS.put("mode.dim", a -> t(a, 0).mode(l(a, 1), b(a, 2)));
    OPS.put("mode", a -> t(a, 0).mode());
    OPS.put("aminmax", a -> parts(t(a, 0).aminmax()));
    OPS.put("aminmax.dim", a -> parts(t(a, 0).aminmax(l(a, 1), b(a, 2))));

    OPS.put("norm.p", a -> t(a, 0).norm(d(a, 1)));
    OPS.put("norm.p.dims", a -> t(a, 0).norm(d(a, 1), ls(a, 2), b(a, 3)));

    OPS.put("cumsum", a -> t(a, 0).cumsum(l(a, 1)));
    OPS.put("cumprod", a -> t(a, 0).cumprod(l(a, 1)));
    OPS.put("cumsum.dtype", a -> t(a, 0).cumsum(l(a, 1), dt(a, 2)));
    OPS.put("cumprod.dtype", a -> t(a, 0).cumprod(l(a, 1), dt(a, 2)));
    OPS.put("cumsum_", a -> same(t(a, 0), t(a, 0).cumsum_(l(a, 1))));
    OPS.put("cumprod_", a -> same(t(a, 0), t(a, 0).cumprod_(l(a, 1))));
    OPS.put("cummax", a -> t(a, 0).cummax(l(a, 1)));
    OPS.put("cummin", a -> t(a, 0).cummin(l(a, 1)));

    OPS.put("torch.sum.dim", a -> Torch.sum(t(a, 0), l(a, 1), b(a, 2)));
    OPS.put("torch.max.dim", a -> Torch.max(t(a, 0), l(a, 1), b(a, 2)));
    OPS.put("torch.median", a -> Torch.median(t(a, 0)));
  }

  static List<Object> parts(StdMean r) {
    return list(r.std(), r.mean());
  }

  static List<Object> parts(VarMean r) {
    return list(r.var(), r.mean());
  }

  static List<Object> parts(MinMax r) {
    return list(r.min(), r.max());
  }

  // ---------------------------------------------------------------------------------------------
  // Sorting and selection

  private static void sorting() {
    OPS.put("sort", a -> t(a, 0).sort());
    OPS.put("sort.dim", a -> t(a, 0).sort(l(a, 1), b(a, 2)));
    OPS.put("sort.stable", a -> t(a, 0).sort(l(a, 1), b(a, 2), b(a, 3)));
    OPS.put("argsort", a -> t(a, 0).argsort());
    OPS.put("argsort.dim", a -> t(a, 0).argsort(l(a, 1), b(a, 2)));
    OPS.put("argsort.stable", a -> t(a, 0).argsort(l(a, 1), b(a, 2), b(a, 3)));
    OPS.put("msort", a -> t(a, 0).msort());
    OPS.put("topk", a -> t(a, 0).topk(l(a, 1)));
    OPS.put("topk.dim", a -> t(a, 0).topk(l(a, 1), l(a, 2)));
    OPS.put("topk.full", a -> t(a, 0).topk(l(a, 1), l(a, 2), b(a, 3), b(a, 4)));
    OPS.put("kthvalue", a -> t(a, 0).kthvalue(l(a, 1)));
    OPS.put("kthvalue.dim", a -> t(a, 0).kthvalue(l(a, 1), l(a, 2), b(a, 3)));
    OPS.put("unique", a -> parts(t(a, 0).unique()));
    OPS.put("unique.full", a -> parts(t(a, 0).unique(b(a, 1), b(a, 2), b(a, 3))));
    OPS.put("unique.dim", a -> parts(t(a, 0).unique(b(a, 1), b(a, 2), b(a, 3), l(a, 4))));
    OPS.put("torch.sort", a -> Torch.sort(t(a, 0), l(a, 1), b(a, 2)));
    OPS.put("torch.topk", a -> Torch.topk(t(a, 0), l(a, 1)));
  }

  /** Like Python's torch.unique: the values alone, or the values and the parts asked for. */
  static Object parts(Unique r) {
    if (r.inverseIndices() == null && r.counts() == null) {
      return r.values();
    }
    List<Object> out = new java.util.ArrayList<>();
    out.add(r.values());
    if (r.inverseIndices() != null) {
      out.add(r.inverseIndices());
    }
    if (r.counts() != null) {
      out.add(r.counts());
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Shapes

  private static void shapes() {
    OPS.put("reshape", a -> t(a, 0).reshape(ls(a, 1)));
    OPS.put("view", a -> t(a, 0).view(ls(a, 1)));
    OPS.put("flatten", a -> t(a, 0).flatten());
    OPS.put("flatten.start", a -> t(a, 0).flatten(l(a, 1)));
    OPS.put("flatten.range", a -> t(a, 0).flatten(l(a, 1), l(a, 2)));
    OPS.put("unflatten", a -> t(a, 0).unflatten(l(a, 1), ls(a, 2)));
    OPS.put("squeeze", a -> t(a, 0).squeeze());
    OPS.put("squeeze.dim", a -> t(a, 0).squeeze(l(a, 1)));
    OPS.put("squeeze.dims", a -> t(a, 0).squeeze(ls(a, 1)));
    OPS.put("unsqueeze", a -> t(a, 0).unsqueeze(l(a, 1)));
    OPS.put("permute", a -> t(a, 0).permute(ls(a, 1)));
    OPS.put("transpose", a -> t(a, 0).transpose(l(a, 1), l(a, 2)));
    OPS.put("t", a -> t(a, 0).t());
    OPS.put("mT", a -> t(a, 0).mT());
    OPS.put("movedim", a -> t(a, 0).movedim(l(a, 1), l(a, 2)));
    OPS.put("movedim.dims", a -> t(a, 0).movedim(ls(a, 1), ls(a, 2)));
    OPS.put("expand", a -> t(a, 0).expand(ls(a, 1)));
    OPS.put("expandAs", a -> t(a, 0).expandAs(t(a, 1)));
    OPS.put("broadcastTo", a -> t(a, 0).broadcastTo(ls(a, 1)));
    OPS.put("repeat", a -> t(a, 0).repeat(ls(a, 1)));
    OPS.put("tile", a -> t(a, 0).tile(ls(a, 1)));
    OPS.put("flip", a -> t(a, 0).flip(ls(a, 1)));
    OPS.put("roll", a -> t(a, 0).roll(l(a, 1)));
    OPS.put("roll.dim", a -> t(a, 0).roll(l(a, 1), l(a, 2)));
    OPS.put("roll.dims", a -> t(a, 0).roll(ls(a, 1), ls(a, 2)));
    OPS.put("narrow", a -> t(a, 0).narrow(l(a, 1), l(a, 2), l(a, 3)));
    OPS.put("contiguous", a -> t(a, 0).contiguous());
    OPS.put("clone", a -> t(a, 0).clone());
    OPS.put("detach", a -> t(a, 0).detach());
    OPS.put("torch.reshape", a -> Torch.reshape(t(a, 0), ls(a, 1)));
    OPS.put("torch.flatten", a -> Torch.flatten(t(a, 0), l(a, 1), l(a, 2)));
    OPS.put("torch.squeeze", a -> Torch.squeeze(t(a, 0)));
    OPS.put("torch.permute", a -> Torch.permute(t(a, 0), ls(a, 1)));
    OPS.put("torch.transpose", a -> Torch.transpose(t(a, 0), l(a, 1), l(a, 2)));
  }

  // ---------------------------------------------------------------------------------------------
  // Joining and splitting

  private static void joining() {
    OPS.put("cat", a -> Torch.cat(ts(a, 0), l(a, 1)));
    OPS.put("cat.default", a -> Torch.cat(ts(a, 0)));
    OPS.put("stack", a -> Torch.stack(ts(a, 0), l(a, 1)));
    OPS.put("stack.default", a -> Torch.stack(ts(a, 0)));
    OPS.put("hstack", a -> Torch.hstack(ts(a, 0)));
    OPS.put("vstack", a -> Torch.vstack(ts(a, 0)));
    OPS.put("split", a -> t(a, 0).split(l(a, 1)));
    OPS.put("split.dim", a -> t(a, 0).split(l(a, 1), l(a, 2)));
    OPS.put("split.sizes", a -> t(a, 0).split(ls(a, 1)));
    OPS.put("split.sizes.dim", a -> t(a, 0).split(ls(a, 1), l(a, 2)));
    OPS.put("chunk", a -> t(a, 0).chunk(l(a, 1)));
    OPS.put("chunk.dim", a -> t(a, 0).chunk(l(a, 1), l(a, 2)));
    OPS.put("unbind", a -> t(a, 0).unbind());
    OPS.put("unbind.dim", a -> t(a, 0).unbind(l(a, 1)));
    OPS.put("tensorSplit", a -> t(a, 0).tensorSplit(l(a, 1)));
    OPS.put("tensorSplit.dim", a -> t(a, 0).tensorSplit(l(a, 1), l(a, 2)));
    OPS.put("tensorSplit.indices", a -> t(a, 0).tensorSplit(ls(a, 1), l(a, 2)));
    OPS.put("torch.split", a -> Torch.split(t(a, 0), l(a, 1), l(a, 2)));
    OPS.put("torch.chunk", a -> Torch.chunk(t(a, 0), l(a, 1), l(a, 2)));
    OPS.put("torch.unbind", a -> Torch.unbind(t(a, 0), l(a, 1)));
  }

  // ---------------------------------------------------------------------------------------------
  // Softmax, cdist, diff, histc, bincount

  private static void misc() {
    OPS.put("softmax", a -> t(a, 0).softmax(l(a, 1)));
    OPS.put("logSoftmax", a -> t(a, 0).logSoftmax(l(a, 1)));
    OPS.put("softmax.dtype", a -> t(a, 0).softmax(l(a, 1), dt(a, 2)));
    OPS.put("logSoftmax.dtype", a -> t(a, 0).logSoftmax(l(a, 1), dt(a, 2)));
    OPS.put("cdist", a -> Torch.cdist(t(a, 0), t(a, 1)));
    OPS.put("cdist.p", a -> Torch.cdist(t(a, 0), t(a, 1), d(a, 2)));
    OPS.put("diff", a -> t(a, 0).diff());
    OPS.put("diff.n", a -> t(a, 0).diff(l(a, 1), l(a, 2)));
    OPS.put("diff.full", a -> t(a, 0).diff(l(a, 1), l(a, 2), t(a, 3), t(a, 4)));
    OPS.put("histc", a -> t(a, 0).histc());
    OPS.put("histc.full", a -> t(a, 0).histc(l(a, 1), d(a, 2), d(a, 3)));
    OPS.put("bincount", a -> t(a, 0).bincount());
    OPS.put("bincount.full", a -> t(a, 0).bincount(t(a, 1), l(a, 2)));
  }

  // ---------------------------------------------------------------------------------------------
  // Argument helpers

  /** The in-place result must be the receiver itself. */
  static Tensor same(Tensor self, Tensor result) {
    if (self != result) {
      throw new AssertionError("an in-place op must return the tensor it was called on");
    }
    return result;
  }

  static Tensor t(List<Object> a, int i) {
    return (Tensor) a.get(i);
  }

  @SuppressWarnings("unchecked")
  static List<Tensor> ts(List<Object> a, int i) {
    return (List<Tensor>) a.get(i);
  }

  static long l(List<Object> a, int i) {
    return (Long) a.get(i);
  }

  static double d(List<Object> a, int i) {
    return ((Number) a.get(i)).doubleValue();
  }

  /** A nullable double. */
  static Double od(List<Object> a, int i) {
    Object v = a.get(i);
    return v == null ? null : ((Number) v).doubleValue();
  }

  static boolean b(List<Object> a, int i) {
    return (Boolean) a.get(i);
  }

  static String s(List<Object> a, int i) {
    return (String) a.get(i);
  }

  static long[] ls(List<Object> a, int i) {
    return (long[]) a.get(i);
  }

  static DType dt(List<Object> a, int i) {
    Object v = a.get(i);
    return v == null ? null : DType.valueOf((String) v);
  }

  static List<Object> list(Object... parts) {
    return Arrays.asList(parts);
  }
}
