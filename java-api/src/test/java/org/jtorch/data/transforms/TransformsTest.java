package org.jtorch.data.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import org.jtorch.DType;
import org.jtorch.Generator;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransformsTest {
  private static final JsonNode G = Golden.load("data/data").get("transforms");
  private Scope scope;

  @BeforeEach
  void open() {
    scope = Scope.open();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  private static Tensor image(long c, long h, long w) {
    return Torch.arange(0.0, c * h * w, 1.0).reshape(c, h, w).div((double) (c * h * w));
  }

  @Test
  void toTensorAndNormalize() {
    Tensor u8 = Torch.fromBytes(new byte[] {0, (byte) 255, 51, 102}, DType.UINT8, 1, 2, 2);
    Tensor f = new ToTensor().apply(u8);
    assertEquals(DType.FLOAT32, f.dtype());
    assertArrayEquals(new float[] {0, 1, 0.2f, 0.4f}, f.toFloatArray(), 1e-7f);
    Tensor n = new Normalize(new double[] {0.5}, new double[] {0.25}).apply(f);
    assertArrayEquals(new float[] {-2, 2, -1.2f, -0.4f}, n.toFloatArray(), 1e-6f);
    Tensor rgb = image(3, 2, 2);
    Tensor n3 = new Normalize(new double[] {0.1, 0.2, 0.3}, new double[] {1, 2, 4}).apply(rgb);
    float[] x = rgb.toFloatArray();
    float[] y = n3.toFloatArray();
    assertEquals((x[5] - 0.2f) / 2, y[5], 1e-7);
    assertEquals((x[9] - 0.3f) / 4, y[9], 1e-7);
    Tensor n64 = new Normalize(0.5, 2).apply(rgb.to(DType.FLOAT64));
    assertEquals(DType.FLOAT64, n64.dtype());
    assertThrows(IllegalArgumentException.class, () -> new Normalize(0.5, 0).apply(f));
    assertThrows(IllegalArgumentException.class, () -> new Normalize(0.5, 1).apply(u8));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Normalize(new double[] {0, 0}, new double[] {1, 1}).apply(rgb));
    assertThrows(IllegalArgumentException.class, () -> new Normalize(0, 1).apply(Torch.ones(4)));
    Tensor hwc = ToTensor.fromBytes(new byte[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
    assertArrayEquals(new long[] {3, 1, 2}, hwc.shape());
    assertEquals(4 / 255f, hwc.toFloatArray()[1], 1e-7);
    BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(2, 1, 0, 128);
    Tensor g = ToTensor.fromImage(grey);
    assertArrayEquals(new long[] {1, 2, 3}, g.shape());
    assertEquals(128 / 255f, g.toFloatArray()[5], 1e-7);
    assertThrows(IllegalArgumentException.class, () -> new ToTensor().apply(Torch.arange(3)));
  }

  @Test
  void flipsDrawLikeTorchvision() {
    JsonNode draws = G.get("hflip_p05_draws");
    Tensor img = image(1, 2, 3);
    try (Generator g = new Generator(25)) {
      RandomHorizontalFlip flip = new RandomHorizontalFlip(0.5, g);
      for (JsonNode d : draws) {
        Tensor out = flip.apply(img);
        if (d.asBoolean()) {
          assertArrayEquals(img.flip(-1).toFloatArray(), out.toFloatArray());
        } else {
          assertSame(img, out);
        }
      }
    }
    assertArrayEquals(
        img.flip(-2).toFloatArray(), new RandomVerticalFlip(1.0).apply(img).toFloatArray());
    assertSame(img, new RandomVerticalFlip(0.0).apply(img));
    assertThrows(IllegalArgumentException.class, () -> new RandomHorizontalFlip(1.5));
  }

  @Test
  void crops() {
    Tensor img = image(2, 5, 6);
    Tensor c = new CenterCrop(3, 2).apply(img);
    assertArrayEquals(new long[] {2, 3, 2}, c.shape());
    // top = round((5-3)/2) = 1, left = round((6-2)/2) = 2
    assertArrayEquals(img.narrow(1, 1, 3).narrow(2, 2, 2).toFloatArray(), c.toFloatArray());
    Tensor big = new CenterCrop(7, 8).apply(img);
    assertArrayEquals(new long[] {2, 7, 8}, big.shape());
    assertEquals(0f, big.toFloatArray()[0]);
    assertEquals(img.sum().floatValue(), big.sum().floatValue(), 1e-5);
    // RandomCrop(32, padding=4) of a 32x32 image: the drawn corners are torchvision's
    Tensor cifar = image(3, 32, 32);
    try (Generator g = new Generator(21)) {
      RandomCrop crop = new RandomCrop(32, 32, new int[] {4}, false, 0, "constant", g);
      for (JsonNode ij : G.get("crop_32_pad4")) {
        Tensor out = crop.apply(cifar);
        int i = ij.get(0).asInt();
        int j = ij.get(1).asInt();
        // pixel (4 - i + r, 4 - j + c) of the original lands at (r, c)
        int r = Math.max(0, 4 - i) + 1;
        int col = Math.max(0, 4 - j) + 1;
        float want = cifar.toFloatArray()[(r + i - 4) * 32 + (col + j - 4)];
        assertEquals(want, out.toFloatArray()[r * 32 + col], 0f, "corner " + ij);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new RandomCrop(40).apply(cifar));
    Tensor padded = new RandomCrop(6, 6, null, true, 0, "edge", new Generator(0)).apply(image(1, 4, 4));
    assertArrayEquals(new long[] {1, 6, 6}, padded.shape());
    Tensor refl = new RandomCrop(2, 2, new int[] {1, 1}, false, 0, "reflect", null).apply(image(1, 3, 3));
    assertArrayEquals(new long[] {1, 2, 2}, refl.shape());
    Tensor sym = new RandomCrop(5, 5, new int[] {1}, false, 0, "symmetric", null).apply(image(1, 3, 3));
    float[] s = sym.toFloatArray();
    assertEquals(s[6], s[0]); // the corner mirrors the first pixel
    assertThrows(
        IllegalArgumentException.class,
        () -> new RandomCrop(2, 2, null, false, 0, "wrap", null));
  }

  @Test
  void resizeAndResizedCrop() {
    Tensor img = image(3, 4, 8);
    assertArrayEquals(new long[] {3, 2, 4}, new Resize(2).apply(img).shape());
    assertArrayEquals(new long[] {3, 6, 5}, new Resize(6, 5).apply(img).shape());
    Tensor ones = Torch.ones(1, 4, 4);
    assertArrayEquals(Torch.ones(1, 7, 3).toFloatArray(), new Resize(7, 3).apply(ones).toFloatArray(), 1e-6f);
    Tensor u8 = Torch.full(new long[] {1, 4, 4}, 200L, org.jtorch.TensorOptions.dtype(DType.UINT8));
    Tensor r8 = new Resize(2, 2).apply(u8);
    assertEquals(DType.UINT8, r8.dtype());
    assertArrayEquals(new long[] {200, 200, 200, 200}, r8.toLongArray());
    try (Generator g = new Generator(22)) {
      RandomResizedCrop rrc =
          new RandomResizedCrop(24, 24, new double[] {0.08, 1}, new double[] {3.0 / 4, 4.0 / 3}, g);
      Tensor out = rrc.apply(image(3, 300, 400));
      assertArrayEquals(new long[] {3, 24, 24}, out.shape());
    }
  }

  @Test
  void rotationAndAffine() {
    Tensor img = image(1, 5, 5);
    Tensor rot = new RandomRotation(new double[] {90, 90}, false, 0, null).apply(img);
    Tensor rot90 = Torch.stack(java.util.List.of(img.squeeze(0).t().flip(0)), 0);
    assertArrayEquals(rot90.toFloatArray(), rot.toFloatArray(), 1e-6f);
    Tensor same = new RandomRotation(new double[] {0, 0}, false, 0, null).apply(img);
    assertArrayEquals(img.toFloatArray(), same.toFloatArray(), 1e-6f);
    // a 45-degree turn leaves the corners empty: they get the fill value
    Tensor filled = new RandomRotation(new double[] {45, 45}, false, -1, null).apply(Torch.ones(1, 9, 9));
    assertEquals(-1f, filled.toFloatArray()[0]);
    assertEquals(1f, filled.toFloatArray()[40]);
    // translation by whole pixels shifts the image
    Tensor shifted = Images.affine(img, 0, 1, 0, 1, 0, 0, true, 0);
    float[] a = img.toFloatArray();
    float[] b = shifted.toFloatArray();
    assertEquals(a[0], b[1]);
    assertEquals(0f, b[0]);
    try (Generator g = new Generator(24)) {
      Tensor aff =
          new RandomAffine(new double[] {-10, 10}, new double[] {0.1, 0.1}, new double[] {0.9, 1.1}, false, 0, g)
              .apply(image(3, 20, 28));
      assertArrayEquals(new long[] {3, 20, 28}, aff.shape());
    }
    assertThrows(IllegalArgumentException.class, () -> new RandomRotation(10).apply(Torch.ones(4, 4)));
  }

  @Test
  void colorTransforms() {
    Tensor rgb = Torch.rand(new long[] {3, 4, 5}, new Generator(1));
    Tensor grey = new Grayscale().apply(rgb);
    assertArrayEquals(new long[] {1, 4, 5}, grey.shape());
    float[] x = rgb.toFloatArray();
    assertEquals(0.2989f * x[0] + 0.587f * x[20] + 0.114f * x[40], grey.toFloatArray()[0], 1e-6);
    assertArrayEquals(new long[] {3, 4, 5}, new Grayscale(3).apply(rgb).shape());
    assertThrows(IllegalArgumentException.class, () -> new Grayscale(2));
    // hue: a full turn (via two half turns) and zero shift give the image back
    Tensor h0 = ColorJitter.adjustHue(rgb, 0.0);
    assertArrayEquals(x, h0.toFloatArray(), 1e-5f);
    Tensor red = Torch.tensor(new float[] {1, 0, 0}).reshape(3, 1, 1);
    Tensor cyan = ColorJitter.adjustHue(red, 0.5);
    assertArrayEquals(new float[] {0, 1, 1}, cyan.toFloatArray(), 1e-6f);
    Tensor green = ColorJitter.adjustHue(red, 1.0 / 3);
    assertArrayEquals(new float[] {0, 1, 0}, green.toFloatArray(), 1e-5f);
    assertThrows(IllegalArgumentException.class, () -> ColorJitter.adjustHue(red, 0.6));
    // ColorJitter applies torchvision's draws in torchvision's order
    try (Generator g = new Generator(26)) {
      ColorJitter jitter = new ColorJitter(0.4, 0.3, 0, 0.1, g);
      for (JsonNode d : G.get("color_jitter_b04_c03_h01")) {
        Tensor want = rgb;
        for (JsonNode fn : d.get("order")) {
          switch (fn.asInt()) {
            case 0 -> want = ColorJitter.adjustBrightness(want, d.get("b").asDouble());
            case 1 -> want = ColorJitter.adjustContrast(want, d.get("c").asDouble());
            case 3 -> want = ColorJitter.adjustHue(want, d.get("h").asDouble());
            default -> { }
          }
        }
        assertArrayEquals(want.toFloatArray(), jitter.apply(rgb).toFloatArray(), 1e-6f);
      }
    }
    Tensor dark = ColorJitter.adjustBrightness(rgb, 0);
    assertEquals(0f, dark.abs().sum().floatValue());
  }

  @Test
  void erasingCutsTorchvisionsBox() {
    Tensor img = Torch.ones(3, 20, 30);
    try (Generator g = new Generator(27)) {
      RandomErasing erase =
          new RandomErasing(1.0, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, 0, false, g);
      for (JsonNode box : G.get("erasing_boxes_20x30")) {
        Tensor out = erase.apply(img);
        long zeros = out.numel() - out.countNonzero().sum().longValue();
        assertEquals(3L * box.get(2).asLong() * box.get(3).asLong(), zeros, box.toString());
        float[] v = out.toFloatArray();
        int i = box.get(0).asInt();
        int j = box.get(1).asInt();
        assertEquals(0f, v[i * 30 + j]);
        assertEquals(1f, img.toFloatArray()[i * 30 + j]); // the input is untouched
      }
    }
    Tensor noisy =
        new RandomErasing(1.0, new double[] {0.2, 0.3}, new double[] {1, 1}, 0, true, new Generator(3))
            .apply(img);
    assertTrue(noisy.ne(1.0).any().booleanValue());
    assertSame(img, new RandomErasing(0, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, 0, false, null).apply(img));
  }

  @Test
  void composeAndLambda() {
    Compose c = new Compose(new ToTensor(), new Lambda(t -> t.mul(2.0)));
    Tensor u8 = Torch.fromBytes(new byte[] {51}, DType.UINT8, 1, 1, 1);
    assertEquals(0.4f, c.apply(u8).floatValue(), 1e-6);
    assertEquals(2, c.transforms().size());
  }
}
