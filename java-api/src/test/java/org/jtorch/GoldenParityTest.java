package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Factories, seeding, reductions and arithmetic against Python torch 2.13.0's answers. */
class GoldenParityTest {
  private static final JsonNode G = Golden.load("foundation");

  private static long[] longs(JsonNode arr) {
    long[] out = new long[arr.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = arr.get(i).asLong();
    }
    return out;
  }

  @Test
  void goldensComeFromTorch213() {
    assertEquals("2.13.0", G.get("torch").asText().substring(0, 6));
  }

  @Test
  void sameSeedSameNumbersAsPython() {
    int checked = 0;
    for (JsonNode seedCase : G.get("random")) {
      Torch.manualSeed(seedCase.get("seed").asLong());
      for (JsonNode draw : seedCase.get("draws")) {
        long[] shape = longs(draw.get("shape"));
        String call = draw.get("call").asText();
        try (Scope scope = Scope.open()) {
          Tensor t;
          switch (call) {
            case "rand":
              t = Torch.rand(shape);
              break;
            case "randn":
              t = Torch.randn(shape);
              break;
            case "rand_f64":
              t = Torch.rand(shape, TensorOptions.dtype(DType.FLOAT64));
              break;
            case "randn_f64":
              t = Torch.randn(shape, TensorOptions.dtype(DType.FLOAT64));
              break;
            case "randint":
              t = Torch.randint(draw.get("low").asLong(), draw.get("high").asLong(), shape);
              break;
            default:
              throw new AssertionError(call);
          }
          // bit for bit: the same generator, the same algorithm
          Golden.assertTensor(draw.get("out"), t, 0.0, "seed " + seedCase.get("seed") + " " + call);
          checked++;
        }
      }
    }
    assertEquals(32, checked);
  }

  @Test
  void factoriesMatchPython() {
    for (JsonNode c : G.get("factories")) {
      JsonNode args = c.get("args");
      String call = c.get("call").asText();
      try (Scope scope = Scope.open()) {
        Tensor t;
        switch (call) {
          case "arange":
            t =
                args.size() == 1
                    ? Torch.arange(args.get(0).asLong())
                    : Torch.arange(args.get(0).asLong(), args.get(1).asLong(), args.get(2).asLong());
            break;
          case "arange_f":
            t = Torch.arange(args.get(0).asDouble(), args.get(1).asDouble(), args.get(2).asDouble());
            break;
          case "linspace":
            t = Torch.linspace(args.get(0).asDouble(), args.get(1).asDouble(), args.get(2).asLong());
            break;
          case "eye":
            t = args.size() == 1 ? Torch.eye(args.get(0).asLong()) : Torch.eye(args.get(0).asLong(), args.get(1).asLong());
            break;
          case "full_f":
            t = Torch.full(longs(args.get(0)), args.get(1).asDouble());
            break;
          case "full_i":
            t = Torch.full(longs(args.get(0)), args.get(1).asLong());
            break;
          case "full_b":
            t = Torch.full(longs(args.get(0)), args.get(1).asBoolean());
            break;
          case "zeros":
            t = Torch.zeros(longs(args.get(0)));
            break;
          case "ones":
            t = Torch.ones(longs(args.get(0)));
            break;
          default:
            throw new AssertionError(call);
        }
        Golden.assertTensor(c.get("out"), t, 0.0, call + " " + args);
      }
    }
  }

  @Test
  void reductionsMatchPython() {
    for (JsonNode c : G.get("reductions")) {
      String name = c.get("name").asText();
      try (Scope scope = Scope.open()) {
        Tensor in = Golden.tensor(c.get("in"));
        boolean hasDim = c.has("dim");
        long dim = hasDim ? c.get("dim").asLong() : 0;
        boolean keep = c.has("keepDim") && c.get("keepDim").asBoolean();
        Tensor out;
        ValuesIndices vi = null;
        switch (c.get("op").asText()) {
          case "sum":
            out = hasDim ? in.sum(dim, keep) : in.sum();
            break;
          case "mean":
            out = hasDim ? in.mean(dim, keep) : in.mean();
            break;
          case "std":
            out = hasDim ? in.std(dim, keep) : in.std();
            break;
          case "max":
            if (hasDim) {
              vi = in.max(dim, keep);
              out = vi.values();
            } else {
              out = in.max();
            }
            break;
          case "min":
            if (hasDim) {
              vi = in.min(dim, keep);
              out = vi.values();
            } else {
              out = in.min();
            }
            break;
          case "argmax":
            out = hasDim ? in.argmax(dim, keep) : in.argmax();
            break;
          case "argmin":
            out = hasDim ? in.argmin(dim, keep) : in.argmin();
            break;
          case "softmax":
            out = in.softmax(dim);
            break;
          case "logSoftmax":
            out = in.logSoftmax(dim);
            break;
          default:
            throw new AssertionError(name);
        }
        Golden.assertTensor(c.get("out"), out, 1e-6, name);
        if (vi != null) {
          Golden.assertTensor(c.get("indices"), vi.indices(), 0, name + " indices");
        }
      }
    }
  }

  @Test
  void arithmeticMatchesPython() {
    for (JsonNode c : G.get("arithmetic")) {
      String op = c.get("op").asText();
      try (Scope scope = Scope.open()) {
        Tensor a = Golden.tensor(c.get("a"));
        Tensor b = c.has("b") ? Golden.tensor(c.get("b")) : null;
        Tensor out;
        switch (op) {
          case "add":
            out = a.add(b);
            break;
          case "sub":
            out = a.sub(b);
            break;
          case "mul":
            out = a.mul(b);
            break;
          case "div":
            out = a.div(b);
            break;
          case "matmul":
            out = a.matmul(b);
            break;
          case "exp":
            out = a.exp();
            break;
          case "log":
            out = a.log();
            break;
          default:
            throw new AssertionError(op);
        }
        Golden.assertTensor(c.get("out"), out, 1e-6, op);
      }
    }
  }

  @Test
  void reprMatchesPython() {
    for (JsonNode c : G.get("repr")) {
      try (Scope scope = Scope.open()) {
        Tensor t = Golden.tensor(c.get("in"));
        if (c.get("requiresGrad").asBoolean()) {
          t.requiresGrad_(true);
        }
        assertEquals(c.get("repr").asText(), t.toString());
      }
    }
  }
}
