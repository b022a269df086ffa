package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.jtorch.Device;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A TorchScript model loaded onto the GPU ({@code map_location}) and moved there with to(). */
@Tag("gpu")
class ScriptModuleGpuTest {
  @Test
  void loadOntoCudaAndRun() {
    Assumptions.assumeTrue(Torch.cuda().isAvailable(), "no CUDA device");
    JsonNode c = ModelFixtures.expected().get("cnn");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"), Device.cuda(0));
        ScriptModule cpu = ScriptModule.load(ModelFixtures.model("cnn.pt"));
        Scope scope = Scope.open()) {
      assertEquals(Device.cuda(0), m.namedParameters().get("conv1.weight").device());
      Tensor x = Golden.tensor(c.get("in"));
      Tensor y = m.forward(x.to(Device.cuda(0)));
      assertEquals(Device.cuda(0), y.device());
      Golden.assertTensor(c.get("out"), y.to(Device.CPU), 1e-4, "cuda");
      cpu.to(Device.cuda(0));
      Golden.assertTensor(c.get("out"), cpu.forward(x.to(Device.cuda(0))).to(Device.CPU), 1e-4, "moved");
    }
  }
}
