package org.jtorch.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.TorchException;

/**
 * What each input of an AOTInductor package must be (dtype, rank, each dimension's exact value or
 * range, strides, device), read from the {@code check_input_N} functions that AOTInductor
 * generates into the package's wrapper source, and checked in Java before every call.
 *
 * <p>Why not the package's own compiled checks ({@code AOTI_RUNTIME_CHECK_INPUTS=1}): they refuse
 * what Python runs. torch.export specialises the sizes 0 and 1, so a dynamic dimension declared
 * with {@code min=1} is compiled with a check for {@code >= 2}, and Python, which runs packages
 * with those checks off, serves batch 1 where the compiled check refuses it. Here a lower bound of
 * 2 counts as 1; everything else is checked as the compiled code would (same messages), so a
 * mismatched input still fails before the package reads memory it should not. A stride that
 * depends on a dynamic size is not in those functions (the compiled code asserts it later): where
 * the other strides are those of a contiguous layout, a contiguous input is required instead;
 * any other such package keeps its compiled checks.
 */
final class AotiInputSpec {
  /** One input: -1 in {@code exact} for a dynamic dimension, {@code null} stride = unchecked. */
  record Input(
      int index, DType dtype, long[] exact, long[] min, long[] max, Long[] strides,
      boolean contiguous, int deviceType) {}

  private final List<Input> inputs;

  private AotiInputSpec(List<Input> inputs) {
    this.inputs = inputs;
  }

  /** The inputs, in order. */
  List<Input> inputs() {
    return inputs;
  }

  /** The dtype AOTInductor names {@code aoti_torch_dtype_<name>}, PyTorch's name, or null. */
  private static DType dtypeNamed(String name) {
    for (DType d : DType.values()) {
      if (d.toString().equals("torch." + name)) {
        return d;
      }
    }
    return null;
  }

  private static final Pattern FUNCTION =
      Pattern.compile("static void check_input_(\\d+)\\(\\s*AtenTensorHandle\\* input_handles\\s*\\)");
  private static final Pattern HANDLE =
      Pattern.compile("ConstantHandle (\\w+) = ConstantHandle\\(input_handles\\[(\\d+)\\]\\);");
  private static final Pattern DTYPE = Pattern.compile("_expected_dtype = aoti_torch_dtype_(\\w+)\\(\\);");
  private static final Pattern DEVICE = Pattern.compile("_expected_device_type = (\\d+);");
  private static final Pattern MIN = Pattern.compile("if \\(\\w+_size\\[(\\d+)\\] < (-?\\d+)L?\\)");
  private static final Pattern MAX = Pattern.compile("if \\(\\w+_size\\[(\\d+)\\] > (-?\\d+)L?\\)");
  private static final Pattern SIZE = Pattern.compile("if \\((-?\\d+)L? != \\w+_size\\[(\\d+)\\]\\)");
  private static final Pattern ANY_SIZE = Pattern.compile("\\w+_size\\[(\\d+)\\]");
  private static final Pattern STRIDE = Pattern.compile("if \\((-?\\d+)L? != \\w+_stride\\[(\\d+)\\]\\)");

  /**
   * The spec in a package's wrapper source, or null where the source has no input checks this
   * parser reads completely (another AOTInductor version, a package built without its source):
   * then the package's compiled checks are the ones to use.
   */
  static AotiInputSpec parse(String source) {
    Matcher f = FUNCTION.matcher(source);
    List<int[]> starts = new ArrayList<>(); // {input index, body start}
    while (f.find()) {
      starts.add(new int[] {Integer.parseInt(f.group(1)), f.end()});
    }
    if (starts.isEmpty()) {
      return null;
    }
    List<Input> out = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      int from = starts.get(k)[1];
      int to = k + 1 < starts.size() ? starts.get(k + 1)[1] : source.indexOf("__check_inputs_outputs", from);
      if (to < 0) {
        to = source.length();
      }
      Input in = parseOne(starts.get(k)[0], source.substring(from, to));
      if (in == null || in.index() != out.size()) {
        return null;
      }
      out.add(in);
    }
    return new AotiInputSpec(Collections.unmodifiableList(out));
  }

  private static Input parseOne(int index, String body) {
    Matcher h = HANDLE.matcher(body);
    if (!h.find() || Integer.parseInt(h.group(2)) != index) {
      return null;
    }
    Matcher d = DTYPE.matcher(body);
    Matcher dev = DEVICE.matcher(body);
    DType dtype = d.find() ? dtypeNamed(d.group(1)) : null;
    if (dtype == null || !dev.find()) {
      return null;
    }
    int rank = 0;
    for (Matcher m = ANY_SIZE.matcher(body); m.find(); ) {
      rank = Math.max(rank, Integer.parseInt(m.group(1)) + 1);
    }
    long[] exact = new long[rank];
    long[] min = new long[rank];
    long[] max = new long[rank];
    Arrays.fill(exact, -1);
    Arrays.fill(max, Long.MAX_VALUE);
    for (Matcher m = SIZE.matcher(body); m.find(); ) {
      exact[Integer.parseInt(m.group(2))] = Long.parseLong(m.group(1));
    }
    for (Matcher m = MIN.matcher(body); m.find(); ) {
      long lo = Long.parseLong(m.group(2));
      min[Integer.parseInt(m.group(1))] = lo == 2 ? 1 : lo; // 0/1 specialisation, see above
    }
    for (Matcher m = MAX.matcher(body); m.find(); ) {
      max[Integer.parseInt(m.group(1))] = Long.parseLong(m.group(2));
    }
    Long[] strides = new Long[rank];
    for (Matcher m = STRIDE.matcher(body); m.find(); ) {
      int dim = Integer.parseInt(m.group(2));
      if (dim >= rank) {
        return null;
      }
      strides[dim] = Long.parseLong(m.group(1));
    }
    // A stride that depends on a dynamic size (dim 0 of [B, T, C] with T dynamic) is not in the
    // check function (the compiled code asserts it later). Where the known strides are those of
    // a contiguous layout, requiring a contiguous input stands for the missing ones; any other
    // layout with missing strides is left to the compiled checks.
    boolean missing = Arrays.asList(strides).contains(null);
    for (int dim = 0; dim < rank && missing; dim++) {
      long dense = denseStride(exact, dim);
      if (strides[dim] != null && dense >= 0 && strides[dim] != dense) {
        return null;
      }
    }
    boolean contiguous = missing;
    return new Input(
        index, dtype, exact, min, max, strides, contiguous,
        Integer.parseInt(dev.group(1)));
  }

  /** The stride of {@code dim} in a contiguous layout, or -1 where a later size is dynamic. */
  private static long denseStride(long[] exact, int dim) {
    long dense = 1;
    for (int e = dim + 1; e < exact.length; e++) {
      if (exact[e] < 0) {
        return -1;
      }
      dense *= exact[e];
    }
    return dense;
  }

  /**
   * Throws where an input does not match, with AOTInductor's own messages ("input_handles[0]:
   * unmatched dim value at 2, expected: 16, but got: 8"). A wrong number of inputs is left to the
   * package, which says so itself.
   *
   * @throws TorchException for the first mismatch
   */
  void check(Tensor[] given) {
    for (int i = 0; i < Math.min(given.length, inputs.size()); i++) {
      Input want = inputs.get(i);
      Tensor t = given[i];
      String at = "input_handles[" + i + "]: ";
      DType dtype = t.dtype();
      if (dtype != want.dtype()) {
        throw new TorchException(
            at + "unmatched dtype, expected: " + name(want.dtype()) + ", but got: " + name(dtype));
      }
      long[] shape = t.shape();
      if (shape.length != want.exact().length) {
        throw new TorchException(
            at + "unmatched number of dims, expected: " + want.exact().length + ", but got: "
                + shape.length);
      }
      for (int d = 0; d < shape.length; d++) {
        if (want.exact()[d] >= 0 && shape[d] != want.exact()[d]) {
          throw new TorchException(
              at + "unmatched dim value at " + d + ", expected: " + want.exact()[d] + ", but got: "
                  + shape[d]);
        }
        if (shape[d] < want.min()[d]) {
          throw new TorchException(
              at + "dim value is too small at " + d + ", expected it to be >= " + want.min()[d]
                  + ", but got: " + shape[d]);
        }
        if (shape[d] > want.max()[d]) {
          throw new TorchException(
              at + "dim value is too large at " + d + ", expected to be <= " + want.max()[d]
                  + ", but got: " + shape[d]);
        }
      }
      long[] strides = t.stride();
      for (int d = 0; d < strides.length; d++) {
        Long s = want.strides()[d];
        // a stride along a dimension of size 1 is never used to address memory
        if (s != null && strides[d] != s && shape[d] != 1) {
          throw new TorchException(
              at + "unmatched stride value at " + d + ", expected: " + s + ", but got: "
                  + strides[d]);
        }
      }
      if (want.contiguous() && !t.isContiguous()) {
        throw new TorchException(at + "the package reads this input as contiguous; call contiguous()");
      }
      int device = t.device().isCuda() ? 1 : t.device().isCpu() ? 0 : -1;
      if (device != want.deviceType()) {
        throw new TorchException(
            at + "unmatched device type, expected: " + want.deviceType() + "("
                + (want.deviceType() == 0 ? "cpu" : want.deviceType() == 1 ? "cuda" : "?")
                + "), but got: " + t.device());
      }
    }
  }

  private static String name(DType d) {
    return d.toString().substring("torch.".length());
  }
}
