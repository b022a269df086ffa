package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jtorch.Complex;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.Test;

/**
 * TorchScript values that need more than a plain conversion, on models scripted by Python 2.13
 * (generate_models.py): a NamedTuple argument ({@code PackedSequence}, which must be built with
 * its declared type, not as a plain tuple) and {@code complex} scalars and tensors, both ways.
 */
class ScriptModuleTypesTest {
  @Test
  void aPackedSequenceArgumentIsBuiltAsTheDeclaredNamedTuple() {
    JsonNode e = ModelFixtures.expected().get("packed_lstm");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("packed_lstm.pt"));
        Scope scope = Scope.open()) {
      Tuple packed =
          Tuple.of(
              Golden.tensor(e.get("data")),
              Golden.tensor(e.get("batch_sizes")),
              Golden.tensor(e.get("sorted_indices")),
              Golden.tensor(e.get("unsorted_indices")));
      Tensor out = (Tensor) m.run("forward", packed);
      Golden.assertTensor(e.get("out"), out, 1e-5, "PackedSequence from a Tuple");
      // a List fits the NamedTuple too, and so does None for its optional fields
      Golden.assertTensor(e.get("out"), (Tensor) m.run("forward", List.copyOf(packed)), 1e-5, "List");
      Tensor sorted = (Tensor) m.run("forward",
          Tuple.of(packed.tensor(0), packed.tensor(1), null, null));
      assertEquals(3, sorted.shape()[0]);
      // a wrong field still gets LibTorch's own message
      TorchException bad =
          assertThrows(TorchException.class, () -> m.run("forward", Tuple.of(packed.tensor(0), 3L, null, null)));
      assertEquals(true, bad.getMessage().contains("PackedSequence"), bad.getMessage());
    }
  }

  @Test
  void complexScalarsAndTensorsGoBothWays() {
    JsonNode e = ModelFixtures.expected().get("complex");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("complex.pt"));
        Scope scope = Scope.open()) {
      Tensor x = Golden.tensor(e.get("in"));
      Complex c = new Complex(e.get("c").get(0).asDouble(), e.get("c").get(1).asDouble());
      Tuple r = (Tuple) m.run("forward", x, c);
      Golden.assertTensor(e.get("out"), r.tensor(0), 1e-6, "x * c");
      assertEquals(new Complex(e.get("d").get(0).asDouble(), e.get("d").get(1).asDouble()), r.get(1));
      assertEquals("(3-3j)", r.get(1).toString());
      // a real number where complex is declared, as Python allows
      Tuple real = (Tuple) m.run("forward", x, 2.0);
      assertEquals(new Complex(4, 1), real.get(1)); // 2 * 2 + 1j
      // Python's literal -2.5j is -(0+2.5j): its real part is -0.0
      List<?> scales = (List<?>) m.run("scales", List.of(new Complex(1, 1), new Complex(-0.0, -2.5)));
      JsonNode s = e.get("scales");
      for (int i = 0; i < scales.size(); i++) {
        assertInstanceOf(Complex.class, scales.get(i));
        assertEquals(new Complex(s.get(i).get(0).asDouble(), s.get(i).get(1).asDouble()), scales.get(i));
      }
    }
  }

  @Test
  void complexValueAndReprMatchPython() {
    try (Scope scope = Scope.open()) {
      Tensor z = Torch.tensor(new double[] {1.5, -0.25}).viewAsComplex();
      assertEquals(new Complex(1.5, -0.25), z.complexValue());
      assertEquals(new Complex(3, 0), Torch.tensor(3.0).complexValue());
    }
    // Python's repr(complex(...))
    assertEquals("(1+2j)", new Complex(1, 2).toString());
    assertEquals("2j", new Complex(0, 2).toString());
    assertEquals("(1.5-0.25j)", new Complex(1.5, -0.25).toString());
    assertEquals("(nan+infj)", new Complex(Double.NaN, Double.POSITIVE_INFINITY).toString());
    assertEquals("-0j", new Complex(0, -0.0).toString());
    assertEquals("(-0+1j)", new Complex(-0.0, 1).toString());
    assertEquals("(1e-05+0j)", new Complex(1e-5, 0).toString());
    assertEquals("(2-infj)", new Complex(2, Double.NEGATIVE_INFINITY).toString());
  }
}
