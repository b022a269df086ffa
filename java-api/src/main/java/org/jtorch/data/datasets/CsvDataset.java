package org.jtorch.data.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.data.Dataset;
import org.jtorch.data.Example;
import org.jtorch.internal.NativeCalls;

/**
 * Numeric tabular data from a CSV file: each row is a sample, one column is the target and the
 * others are the features. Sample {@code i} is an {@link Example} of a float32 feature vector
 * {@code [F]} and the target, a 0-d tensor (int64 for classification, float32 for regression).
 *
 * <pre>{@code
 * CsvDataset iris = CsvDataset.read(Path.of("iris.csv"), "species", DType.INT64);
 * }</pre>
 *
 * Values are separated by {@code ,} (or the delimiter given); blank lines are skipped; there is no
 * quoting. Every value must be a number.
 */
public final class CsvDataset implements Dataset<Example>, AutoCloseable {
  private final org.bytedeco.pytorch.Tensor features; // float32 [N, F]
  private final org.bytedeco.pytorch.Tensor targets; // [N]
  private final List<String> featureNames;
  private final int size;
  private volatile boolean closed;

  private CsvDataset(Tensor features, Tensor targets, List<String> featureNames) {
    this.size = (int) features.shape()[0];
    this.features = Native.own(features);
    this.targets = Native.own(targets);
    this.featureNames = featureNames;
  }

  /**
   * Reads a file whose first line is a header naming the columns; {@code target} names the target
   * column.
   *
   * @throws IllegalArgumentException if the file is missing, the column is unknown, a row has
   *     the wrong number of values or a value is not a number (the message gives line and column)
   */
  public static CsvDataset read(Path file, String target, DType targetDtype) {
    return read(file, ',', true, target, -1, targetDtype);
  }

  /**
   * Reads a file without a header; column {@code targetColumn} (0-based, negative counts from the
   * end) is the target.
   */
  public static CsvDataset read(Path file, char delimiter, int targetColumn, DType targetDtype) {
    return read(file, delimiter, false, null, targetColumn, targetDtype);
  }

  private static CsvDataset read(
      Path file, char delimiter, boolean header, String targetName, int targetColumn, DType dt) {
    Objects.requireNonNull(file, "file");
    if (dt != DType.INT64 && dt != DType.FLOAT32 && dt != DType.FLOAT64) {
      throw new IllegalArgumentException("the target dtype must be INT64, FLOAT32 or FLOAT64");
    }
    String sep = java.util.regex.Pattern.quote(String.valueOf(delimiter));
    List<String> names = null;
    int columns = -1;
    int tc = targetColumn;
    List<float[]> rows = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split(sep, -1);
        if (names == null && header) {
          names = new ArrayList<>();
          for (String p : parts) {
            names.add(p.trim());
          }
          columns = parts.length;
          tc = names.indexOf(targetName);
          if (tc < 0) {
            throw new IllegalArgumentException(
                file + ": no column named '" + targetName + "' in the header " + names);
          }
          continue;
        }
        if (columns < 0) {
          columns = parts.length;
          if (tc < 0) {
            tc += columns;
          }
          if (tc < 0 || tc >= columns) {
            throw new IllegalArgumentException(
                file + ": target column " + targetColumn + " out of range for " + columns + " columns");
          }
        }
        if (parts.length != columns) {
          throw new IllegalArgumentException(
              file + ": line " + lineNo + " has " + parts.length + " values, expected " + columns);
        }
        float[] x = new float[columns - 1];
        int k = 0;
        for (int c = 0; c < columns; c++) {
          double v;
          try {
            v = Double.parseDouble(parts[c].trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                file + ": line " + lineNo + ", column " + (c + 1) + ": not a number: '" + parts[c] + "'");
          }
          if (c == tc) {
            ys.add(v);
          } else {
            x[k++] = (float) v;
          }
        }
        rows.add(x);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("missing file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no data rows");
    }
    List<String> featureNames = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      if (c != tc) {
        featureNames.add(names != null ? names.get(c) : "column" + c);
      }
    }
    try (Tensor f = Torch.tensor(rows.toArray(new float[0][]));
        Tensor y = targetTensor(ys, dt)) {
      return new CsvDataset(f, y, List.copyOf(featureNames));
    }
  }

  private static Tensor targetTensor(List<Double> ys, DType dt) {
    if (dt == DType.INT64) {
      long[] v = new long[ys.size()];
      for (int i = 0; i < v.length; i++) {
        double d = ys.get(i);
        if (d != Math.rint(d)) {
          throw new IllegalArgumentException(
              "target " + d + " of row " + (i + 1) + " is not an integer (INT64 targets)");
        }
        v[i] = (long) d;
      }
      return Torch.tensor(v);
    }
    double[] v = ys.stream().mapToDouble(Double::doubleValue).toArray();
    if (dt == DType.FLOAT64) {
      return Torch.tensor(v);
    }
    float[] f = new float[v.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) v[i];
    }
    return Torch.tensor(f);
  }

  /** The feature columns' names (from the header, else {@code columnK}). */
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Example get(int index) {
    Objects.checkIndex(index, size);
    if (closed) {
      throw new IllegalStateException("this data set is closed");
    }
    return new Example(
        NativeCalls.tensor(() -> features.select(0, index)),
        NativeCalls.tensor(() -> targets.select(0, index)));
  }

  /** Frees the data (the GC does otherwise). Do not close it while a loader still reads it. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      features.close();
      targets.close();
    }
  }

  @Override
  public String toString() {
    return "CsvDataset(" + size + " rows, features " + Arrays.toString(featureNames.toArray()) + ")";
  }
}
