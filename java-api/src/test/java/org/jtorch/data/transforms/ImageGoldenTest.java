package org.jtorch.data.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The image path against torchvision 0.28 (gen_image_goldens.py): Resize on tensors, antialiased
 * as torchvision's default and without, and PNG files of every colour mode read as RGB exactly as
 * ImageFolder's default loader (PIL's {@code convert("RGB")}) reads them.
 */
class ImageGoldenTest {
  private static final JsonNode GOLDEN = Golden.load("data/images");

  @Test
  void resizeMatchesTorchvision() {
    for (JsonNode c : GOLDEN.get("resize")) {
      try (Scope scope = Scope.open()) {
        JsonNode size = c.get("size");
        boolean aa = c.get("antialias").asBoolean();
        Resize r =
            size.size() == 1
                ? new Resize(size.get(0).asInt(), aa)
                : new Resize(size.get(0).asInt(), size.get(1).asInt(), aa);
        Tensor out = r.apply(Golden.tensor(c.get("in")));
        Golden.assertTensor(c.get("out"), out, 1e-5, c.get("name").asText());
      }
    }
  }

  @Test
  void everyPngColourModeReadsAsImageFoldersRgb() throws Exception {
    Iterator<Map.Entry<String, JsonNode>> it = GOLDEN.get("png").fields();
    int n = 0;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      BufferedImage image;
      try (InputStream in = getClass().getResourceAsStream("/images/" + e.getKey())) {
        image = ImageIO.read(in);
      }
      try (Tensor rgb = ToTensor.rgb(image, 3)) {
        Golden.assertTensor(e.getValue().get("rgb"), rgb, 0, e.getKey() + " (" + e.getValue().get("mode").asText() + ")");
      }
      n++;
    }
    assertEquals(5, n);
  }
}
