/**
 * Augmentations and conversions for image tensors, torchvision's {@code transforms}: each a
 * {@link org.jtorch.data.transforms.Transform} on {@code [..., C, H, W]} tensors, composable with
 * {@link org.jtorch.data.transforms.Compose}. Random transforms draw the numbers torchvision draws,
 * from the generator a {@link org.jtorch.data.DataLoader} seeds for each batch.
 */
package org.jtorch.data.transforms;
