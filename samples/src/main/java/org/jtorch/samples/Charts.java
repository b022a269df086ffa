package org.jtorch.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Small PNG charts drawn with java.awt (headless), so the samples need no plotting library. */
final class Charts {
  private Charts() {}

  /** One named series of y values, drawn in {@code color}. */
  record Series(String name, List<Double> values, Color color) {}

  /**
   * Writes a line chart with two panels side by side (for example loss and accuracy per epoch),
   * each with its own series, title and y range taken from the data.
   */
  static void twoPanels(
      Path file, String leftTitle, List<Series> left, String rightTitle, List<Series> right)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    int w = 1100;
    int h = 420;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    panel(g, 0, 0, w / 2, h, leftTitle, left);
    panel(g, w / 2, 0, w / 2, h, rightTitle, right);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static void panel(Graphics2D g, int x0, int y0, int w, int h, String title, List<Series> series) {
    g.setStroke(new BasicStroke(1f));
    int left = x0 + 70;
    int right = x0 + w - 20;
    int top = y0 + 40;
    int bottom = y0 + h - 50;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      n = Math.max(n, s.values().size());
    }
    if (n == 0) {
      return;
    }
    if (max - min < 1e-9) {
      max = min + 1;
    }
    double pad = (max - min) * 0.08;
    min -= pad;
    max += pad;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.setColor(Color.BLACK);
    g.drawString(title, left, y0 + 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    // grid and y labels
    for (int i = 0; i <= 5; i++) {
      double v = min + (max - min) * i / 5;
      int y = (int) Math.round(bottom - (bottom - top) * (double) i / 5);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(left, y, right, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format("%.3f", v), x0 + 8, y + 4);
    }
    // x labels: epochs 1..n
    for (int i = 0; i < n; i++) {
      int x = xAt(i, n, left, right);
      g.setColor(Color.DARK_GRAY);
      g.drawString(Integer.toString(i + 1), x - 3, bottom + 16);
    }
    g.drawString("epoch", (left + right) / 2 - 15, bottom + 34);
    g.setColor(Color.BLACK);
    g.drawRect(left, top, right - left, bottom - top);
    int legendY = top + 16;
    for (Series s : series) {
      g.setColor(s.color());
      g.setStroke(new BasicStroke(2.2f));
      List<Double> v = s.values();
      for (int i = 0; i < v.size(); i++) {
        int x = xAt(i, n, left, right);
        int y = (int) Math.round(bottom - (bottom - top) * (v.get(i) - min) / (max - min));
        g.fillOval(x - 3, y - 3, 6, 6);
        if (i > 0) {
          int px = xAt(i - 1, n, left, right);
          int py = (int) Math.round(bottom - (bottom - top) * (v.get(i - 1) - min) / (max - min));
          g.drawLine(px, py, x, y);
        }
      }
      g.drawLine(right - 150, legendY - 4, right - 125, legendY - 4);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), right - 118, legendY);
      legendY += 16;
    }
  }

  private static int xAt(int i, int n, int left, int right) {
    return n == 1 ? (left + right) / 2 : left + 15 + (int) Math.round((right - left - 30) * (double) i / (n - 1));
  }
}
