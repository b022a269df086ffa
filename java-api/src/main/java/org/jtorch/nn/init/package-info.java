/** Parameter initialisers with PyTorch's numbers: {@link org.jtorch.nn.init.Init}. */
package org.jtorch.nn.init;
