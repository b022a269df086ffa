/**
 * Distributed training on PyTorch's c10d engine: process groups with the Gloo (CPU) and NCCL
 * (CUDA) backends, TCP and file stores for the rendezvous, collectives, {@link
 * org.jtorch.distributed.DistributedDataParallel}, and a {@code torchrun}-style {@link
 * org.jtorch.distributed.Launcher}.
 *
 * <p>The conventions are PyTorch's: a launcher starts one process per worker with {@code
 * MASTER_ADDR}, {@code MASTER_PORT}, {@code RANK}, {@code WORLD_SIZE} and {@code LOCAL_RANK} in its
 * environment; each process calls {@link org.jtorch.distributed.Distributed#initProcessGroup
 * Distributed.initProcessGroup(Backend.GLOO)}; rank 0 serves the {@link
 * org.jtorch.distributed.TCPStore} through which the others find it.
 *
 * <p>Failures of the backend (a peer that died, a timeout) are {@link
 * org.jtorch.distributed.DistributedException}s, timeouts the subclass {@link
 * org.jtorch.distributed.DistributedTimeoutException}; no collective waits longer than its group's
 * timeout.
 */
package org.jtorch.distributed;
