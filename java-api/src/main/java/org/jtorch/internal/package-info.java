/**
 * jtorch's internals: the bridge to the JavaCPP presets' types. Not part of the API; power users
 * may reach the native tensor behind a {@link org.jtorch.Tensor} through {@link
 * org.jtorch.internal.Handles}, at their own risk, as it may change in any release.
 */
package org.jtorch.internal;
