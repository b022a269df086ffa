package org.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.Linear;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.serialization.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLP 784-256-10 trained 50 steps with SGD+momentum and with Adam from the same seed as
 * Python: every step's loss agrees with PyTorch 2.13's to 1e-4 relative (golden/optim/training.json);
 * a run checkpointed at step 25 and resumed in a fresh model and optimizer continues the curve.
 */
class TrainingParityTest {
  @TempDir Path dir;

  static Optimizer optimizer(String id, Sequential model) {
    return id.equals("mlp_sgd")
        ? new SGD(model.parameters(), SGD.options().lr(0.05).momentum(0.9))
        : new Adam(model.parameters(), Adam.options().lr(1e-3));
  }

  static Sequential mlp() {
    Torch.manualSeed(0);
    return new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
  }

  static double step(Sequential model, Optimizer opt) {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.randn(16, 784);
      Tensor y = Torch.randint(0, 10, new long[] {16});
      opt.zeroGrad();
      Tensor loss = F.crossEntropy(model.forward(x), y);
      loss.backward();
      opt.step();
      return loss.doubleValue();
    }
  }

  @Test
  void lossesMatchPyTorchAndResumeExactly() {
    JsonNode golden = Golden.load("optim/training");
    for (JsonNode c : golden.get("cases")) {
      String id = c.get("id").asText();
      double[] straight = new double[50];
      Sequential model = mlp();
      Optimizer opt = optimizer(id, model);
      Torch.manualSeed(1);
      for (int s = 0; s < 50; s++) {
        straight[s] = step(model, opt);
        double e = c.get("losses").get(s).asDouble();
        assertEquals(e, straight[s], 1e-4 * Math.abs(e), id + " step " + s);
      }
      // checkpoint at 25 through a file, resume in fresh objects
      Sequential m1 = mlp();
      Optimizer o1 = optimizer(id, m1);
      Sequential m2 = mlp(); // made now: mlp() reseeds, and the data stream must go on untouched
      Optimizer o2 = optimizer(id, m2);
      Torch.manualSeed(1);
      for (int s = 0; s < 25; s++) {
        step(m1, o1);
      }
      Path p = dir.resolve(id + ".pt");
      Checkpoints.save(Map.of("model", m1.stateDict(), "optimizer", o1.stateDict()), p);
      // the data stream continues from where it is; model and optimizer come from the file
      try (Scope scope = Scope.open()) {
        Map<String, Object> ck = Checkpoints.loadMap(p);
        @SuppressWarnings("unchecked")
        Map<String, Tensor> sd = (Map<String, Tensor>) ck.get("model");
        m2.loadStateDict(sd);
        @SuppressWarnings("unchecked")
        Map<String, Object> os = (Map<String, Object>) ck.get("optimizer");
        o2.loadStateDict(os);
      }
      for (int s = 25; s < 50; s++) {
        assertEquals(straight[s], step(m2, o2), 0.0, id + " resumed step " + s);
      }
      m1.close();
      m2.close();
      model.close();
    }
  }
}
