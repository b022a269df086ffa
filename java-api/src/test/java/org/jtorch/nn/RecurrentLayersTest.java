package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** RNN, LSTM, GRU and their cells against golden/nn/recurrent.json and lstm.json. */
class RecurrentLayersTest {
  record Case(
      Supplier<? extends Module> make, BiFunction<Module, List<Tensor>, List<Tensor>> fwd) {}

  static final Map<String, Case> CASES = new LinkedHashMap<>();

  static void put(String id, Supplier<? extends Module> make) {
    CASES.put(id, new Case(make, RecurrentLayersTest::call));
  }

  /** Python's forward with the state arguments it was given; every output flattened. */
  static List<Tensor> call(Module m, List<Tensor> in) {
    Tensor x = in.get(0);
    if (m instanceof LSTM lstm) {
      LSTM.Output r =
          in.size() == 1
              ? lstm.forward(x, (LSTM.State) null)
              : lstm.forward(x, in.get(1), in.get(2));
      return List.of(r.output(), r.hN(), r.cN());
    }
    if (m instanceof RNN rnn) {
      RNNBase.Output r = rnn.forward(x, in.size() == 1 ? null : in.get(1));
      return List.of(r.output(), r.hN());
    }
    if (m instanceof GRU gru) {
      GRU.Output r = gru.forward(x, in.size() == 1 ? null : in.get(1));
      return List.of(r.output(), r.hN());
    }
    if (m instanceof LSTMCell cell) {
      LSTM.State s = cell.forward(x, in.size() == 1 ? null : new LSTM.State(in.get(1), in.get(2)));
      return List.of(s.h(), s.c());
    }
    if (m instanceof RNNCell cell) {
      return List.of(cell.forward(x, in.size() == 1 ? null : in.get(1)));
    }
    if (m instanceof GRUCell cell) {
      return List.of(cell.forward(x, in.size() == 1 ? null : in.get(1)));
    }
    throw new AssertionError(m.name());
  }

  static {
    for (String kind : List.of("rnn", "gru", "lstm")) {
      // the options setters mutate and return the same object: a Consumer is enough
      BiFunction<Long, java.util.function.Consumer<RNNBase.Options<?>>, Module> make =
          (hidden, o) -> {
            switch (kind) {
              case "rnn":
                RNN.Options r = RNN.options(3, hidden);
                o.accept(r);
                return new RNN(r);
              case "gru":
                GRU.Options g = GRU.options(3, hidden);
                o.accept(g);
                return new GRU(g);
              default:
                LSTM.Options l = LSTM.options(3, hidden);
                o.accept(l);
                return new LSTM(l);
            }
          };
      put(kind, () -> make.apply(4L, o -> {}));
      put(kind + "_2layers", () -> make.apply(4L, o -> o.numLayers(2)));
      put(kind + "_bidir", () -> make.apply(4L, o -> o.bidirectional(true)));
      put(
          kind + "_2layers_bidir_bf",
          () -> make.apply(4L, o -> o.numLayers(2).bidirectional(true).batchFirst(true)));
      put(kind + "_nobias", () -> make.apply(4L, o -> o.bias(false)));
      put(kind + "_unbatched", () -> make.apply(4L, o -> o.numLayers(2)));
      put(kind + "_init_state", () -> make.apply(4L, o -> o.numLayers(2).bidirectional(true)));
      put(kind + "_unbatched_state", () -> make.apply(4L, o -> {}));
      put(kind + "_dropout_train", () -> make.apply(4L, o -> o.numLayers(3).dropout(0.5)));
      put(kind + "_dropout_eval", () -> make.apply(4L, o -> o.numLayers(3).dropout(0.5)));
      put(kind + "_double", () -> make.apply(3L, o -> o.bidirectional(true)).double_());
    }
    put(
        "lstm_proj",
        () -> new LSTM(LSTM.options(3, 4).numLayers(2).projSize(2).bidirectional(true)));
    put("rnn_relu", () -> new RNN(RNN.options(3, 4).numLayers(2).nonlinearity("relu")));
    put("rnn_cell", () -> new RNNCell(5, 4));
    put("rnn_cell_relu_h", () -> new RNNCell(5, 4, true, "relu"));
    put("rnn_cell_unbatched", () -> new RNNCell(5, 4, false, "tanh"));
    put("gru_cell", () -> new GRUCell(5, 4));
    put("gru_cell_zero", () -> new GRUCell(5, 4, false));
    put("lstm_cell", () -> new LSTMCell(5, 4));
    put("lstm_cell_zero", () -> new LSTMCell(5, 4));
    put("lstm_cell_unbatched", () -> new LSTMCell(5, 4, false));
  }

  static final Map<String, Supplier<? extends Module>> ERRORS = new LinkedHashMap<>();

  static {
    ERRORS.put("lstm_4d", () -> new LSTM(5, 6));
    ERRORS.put("lstm_1d", () -> new LSTM(5, 6));
    ERRORS.put("rnn_4d", () -> new RNN(5, 6));
    ERRORS.put("gru_4d", () -> new GRU(5, 6));
    ERRORS.put("lstm_input_size", () -> new LSTM(10, 6));
    ERRORS.put("gru_input_size", () -> new GRU(10, 6));
    ERRORS.put("lstm_h0_shape", () -> new LSTM(3, 4));
    ERRORS.put("lstm_c0_shape", () -> new LSTM(3, 4));
    ERRORS.put("lstm_h0_rank", () -> new LSTM(3, 4));
    ERRORS.put("lstm_unbatched_h0_rank", () -> new LSTM(3, 4));
    ERRORS.put("gru_h0_shape", () -> new GRU(3, 4));
    ERRORS.put("rnn_h0_rank", () -> new RNN(3, 4));
    ERRORS.put("rnn_unbatched_h0_rank", () -> new RNN(3, 4));
    ERRORS.put("lstm_dtype", () -> new LSTM(3, 4));
    ERRORS.put("lstm_cell_3d", () -> new LSTMCell(5, 4));
    ERRORS.put("gru_cell_hidden_3d", () -> new GRUCell(5, 4));
    ERRORS.put("rnn_cell_input_size", () -> new RNNCell(5, 4));
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : List.of("recurrent", "lstm")) {
      for (JsonNode c : NnGolden.cases(file).values()) {
        String id = c.get("id").asText();
        if (c.has("error")) {
          Supplier<? extends Module> make = ERRORS.get(id);
          assertNotNull(make, "no Java module for error case " + id);
          tests.add(
              DynamicTest.dynamicTest(
                  id, () -> NnGolden.checkError(c, make, (m, in) -> call(m, in))));
          continue;
        }
        Case k = CASES.get(id);
        assertNotNull(k, "no Java module for golden case " + id);
        tests.add(
            DynamicTest.dynamicTest(
                id, () -> NnGolden.check(c, k.make(), (m, in) -> k.fwd().apply(m, in))));
      }
    }
    return tests.stream();
  }

  @Test
  void parameterNamesAndOrderArePyTorchs() {
    try (LSTM lstm = new LSTM(LSTM.options(3, 4).numLayers(2).bidirectional(true).projSize(2))) {
      assertEquals(
          List.of(
              "weight_ih_l0",
              "weight_hh_l0",
              "bias_ih_l0",
              "bias_hh_l0",
              "weight_hr_l0",
              "weight_ih_l0_reverse",
              "weight_hh_l0_reverse",
              "bias_ih_l0_reverse",
              "bias_hh_l0_reverse",
              "weight_hr_l0_reverse",
              "weight_ih_l1",
              "weight_hh_l1",
              "bias_ih_l1",
              "bias_hh_l1",
              "weight_hr_l1",
              "weight_ih_l1_reverse",
              "weight_hh_l1_reverse",
              "bias_ih_l1_reverse",
              "bias_hh_l1_reverse",
              "weight_hr_l1_reverse"),
          new ArrayList<>(lstm.stateDict().keySet()));
      assertEquals(lstm.flatWeightsNames(), new ArrayList<>(lstm.namedParameters().keySet()));
      assertArrayEquals(new long[] {16, 4}, lstm.getParameter("weight_ih_l1").shape());
      assertArrayEquals(new long[] {2, 4}, lstm.getParameter("weight_hr_l1_reverse").shape());
    }
  }

  @Test
  void singleTensorForwardReturnsTheOutputSequence() {
    try (Scope s = Scope.open();
        LSTM lstm = new LSTM(LSTM.options(3, 4).batchFirst(true));
        GRU gru = new GRU(3, 4, 2)) {
      Tensor x = Torch.randn(2, 5, 3);
      Tensor out = lstm.forward(x);
      assertArrayEquals(new long[] {2, 5, 4}, out.shape());
      assertTrue(out.allclose(lstm.forward(x, (LSTM.State) null).output()));
      // continuing from the final state equals running the whole sequence at once
      LSTM.Output first = lstm.forward(x.narrow(1, 0, 3), (LSTM.State) null);
      LSTM.Output rest = lstm.forward(x.narrow(1, 3, 2), first.state());
      assertTrue(rest.output().allclose(out.narrow(1, 3, 2), 1e-5, 1e-6, false));
      assertArrayEquals(new long[] {5, 3, 4}, gru.forward(Torch.randn(5, 3, 3)).shape());
    }
  }

  @Test
  void worksInFloat64AndInSequentialAndAfterClose() {
    try (Scope s = Scope.open()) {
      GRU gru = new GRU(3, 4);
      gru.double_();
      Tensor y =
          gru.forward(
              Torch.randn(new long[] {2, 1, 3}, org.jtorch.TensorOptions.dtype(DType.FLOAT64)));
      assertEquals(DType.FLOAT64, y.dtype());
      Sequential seq = new Sequential(new LSTM(3, 4), new Linear(4, 2));
      assertArrayEquals(new long[] {6, 2, 2}, seq.forward(Torch.randn(6, 2, 3)).shape());
      seq.close();
      gru.close();
      assertThrows(IllegalStateException.class, () -> gru.forward(Torch.randn(2, 1, 3)));
    }
  }

  @Test
  void constructorErrorsHavePyTorchsMessages() {
    assertEquals(
        "Unknown nonlinearity 'gelu'. Select from 'tanh' or 'relu'.",
        assertThrows(
                IllegalArgumentException.class,
                () -> new RNN(RNN.options(3, 4).nonlinearity("gelu")))
            .getMessage());
    assertEquals(
        "proj_size has to be smaller than hidden_size",
        assertThrows(IllegalArgumentException.class, () -> new LSTM(LSTM.options(3, 4).projSize(4)))
            .getMessage());
    assertEquals(
        "hidden_size must be greater than zero",
        assertThrows(IllegalArgumentException.class, () -> new GRU(3, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LSTM(LSTM.options(3, 4).dropout(1.5)));
    assertThrows(IllegalArgumentException.class, () -> new RNNCell(3, 4, true, "gelu"));
    try (Scope s = Scope.open();
        LSTM lstm = new LSTM(3, 4)) {
      Tensor x = Torch.randn(2, 1, 3);
      assertThrows(
          IllegalArgumentException.class, () -> lstm.forward(x, Torch.zeros(1, 1, 4), null));
      Tensor closed = Torch.randn(2, 1, 3);
      closed.close();
      assertThrows(IllegalStateException.class, () -> lstm.forward(closed));
    }
  }

  @Test
  void gradcheckPassesInFloat64() {
    org.jtorch.TensorOptions f64 = org.jtorch.TensorOptions.dtype(DType.FLOAT64);
    try (Scope s = Scope.open();
        LSTM lstm = new LSTM(LSTM.options(2, 2).numLayers(2).bidirectional(true).batchFirst(true));
        GRU gru = new GRU(GRU.options(2, 2).bidirectional(true));
        LSTMCell cell = new LSTMCell(2, 2)) {
      lstm.double_();
      gru.double_();
      cell.double_();
      Tensor x = Torch.randn(new long[] {1, 3, 2}, f64).requiresGrad_(true);
      Tensor h0 = Torch.randn(new long[] {4, 1, 2}, f64).requiresGrad_(true);
      Tensor c0 = Torch.randn(new long[] {4, 1, 2}, f64).requiresGrad_(true);
      List<Tensor> inputs = new ArrayList<>(List.of(x, h0, c0));
      inputs.addAll(lstm.parameters());
      assertTrue(
          org.jtorch.autograd.Autograd.gradcheck(
              in -> {
                LSTM.Output r = lstm.forward(in.get(0), in.get(1), in.get(2));
                return Torch.cat(
                    List.of(r.output().reshape(-1), r.hN().reshape(-1), r.cN().reshape(-1)));
              },
              inputs));
      List<Tensor> gin = new ArrayList<>(List.of(x));
      gin.addAll(gru.parameters());
      assertTrue(
          org.jtorch.autograd.Autograd.gradcheck(
              in -> gru.forward(in.get(0).squeeze(0).unsqueeze(1)), gin));
      List<Tensor> cin = new ArrayList<>(List.of(x));
      cin.addAll(cell.parameters());
      assertTrue(
          org.jtorch.autograd.Autograd.gradcheck(
              in -> {
                LSTM.State st = cell.forward(in.get(0).squeeze(0), null);
                return st.h().add(st.c());
              },
              cin));
    }
  }
}
