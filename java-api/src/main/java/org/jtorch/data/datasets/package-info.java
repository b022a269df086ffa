/**
 * Ready-made data sets read from local files, torchvision's {@code datasets}: {@link
 * org.jtorch.data.datasets.MNIST}, {@link org.jtorch.data.datasets.FashionMNIST} (IDX, plain or
 * gzipped; by default from Debian's {@code dataset-fashion-mnist}), {@link
 * org.jtorch.data.datasets.CIFAR10} and {@link org.jtorch.data.datasets.CIFAR100} (binary format),
 * {@link org.jtorch.data.datasets.ImageFolder} (PNG/JPEG via {@code javax.imageio}) and {@link
 * org.jtorch.data.datasets.CsvDataset}. Nothing is downloaded; a missing or malformed file is an
 * {@link java.lang.IllegalArgumentException} that names the file and the problem.
 */
package org.jtorch.data.datasets;
