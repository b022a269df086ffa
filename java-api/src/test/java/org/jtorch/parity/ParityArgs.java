package org.jtorch.parity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jtorch.Golden;
import org.jtorch.Tensor;
import org.jtorch.TestViews;

/** Decodes the arguments of a parity case (see golden_common.py). */
final class ParityArgs {
  private ParityArgs() {}

  static Object decode(JsonNode a) {
    if (a.has("t")) {
      return tensor(a.get("t"));
    } else if (a.has("ts")) {
      List<Tensor> list = new ArrayList<>();
      for (JsonNode e : a.get("ts")) {
        list.add(tensor(e));
      }
      return list;
    } else if (a.has("f")) {
      return Golden.number(a.get("f"));
    } else if (a.has("i")) {
      return a.get("i").asLong();
    } else if (a.has("b")) {
      return a.get("b").asBoolean();
    } else if (a.has("s")) {
      return a.get("s").asText();
    } else if (a.has("ints")) {
      long[] v = new long[a.get("ints").size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = a.get("ints").get(i).asLong();
      }
      return v;
    } else if (a.has("none")) {
      return null;
    }
    throw new IllegalArgumentException("unknown argument encoding " + a);
  }

  static Tensor tensor(JsonNode enc) {
    if (enc.has("base")) {
      return TestViews.apply(Golden.tensor(enc.get("base")), enc.get("views"));
    }
    return Golden.tensor(enc);
  }
}
