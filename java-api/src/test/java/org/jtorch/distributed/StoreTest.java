package org.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores and single-process groups, in this JVM. */
class StoreTest {
  @TempDir Path dir;

  @Test
  void tcpStoreSetsGetsAddsAndWaits() throws Exception {
    try (TCPStore server = new TCPStore("127.0.0.1", 0, 2, true, Duration.ofSeconds(10), false);
        TCPStore client =
            new TCPStore("127.0.0.1", server.port(), 2, false, Duration.ofSeconds(10))) {
      assertTrue(server.port() > 0);
      exercise(server, client);
    }
  }

  @Test
  void fileStoreSetsGetsAddsAndWaits() {
    Path file = dir.resolve("store");
    try (FileStore a = new FileStore(file, 2);
        FileStore b = new FileStore(file, 2)) {
      assertEquals(file, a.path());
      exercise(a, b);
    }
  }

  @Test
  void initProcessGroupRefusesBadRanksAndFoldersAtOnce() {
    long start = System.nanoTime();
    // rank 3 of 2: refused before a TCPStore would wait for its peers
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Distributed.initProcessGroup(
                    Backend.GLOO, "tcp://127.0.0.1:1", 3, 2, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("Invalid rank 3"), e.getMessage());
    // a file:// store in a folder that does not exist: LibTorch would retry for 300 s
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Distributed.initProcessGroup(
                    Backend.GLOO,
                    dir.resolve("missing/dir/store").toUri().toString(),
                    0,
                    1,
                    Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long");
    assertFalse(Distributed.isInitialized());
  }

  @Test
  void aFileRendezvousHonoursItsTimeout() {
    // world size 2, one process: the rendezvous waits for the other until the timeout
    long start = System.nanoTime();
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                Distributed.initProcessGroup(
                    Backend.GLOO,
                    dir.resolve("store").toUri().toString(),
                    0,
                    2,
                    Duration.ofSeconds(3)));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(e instanceof DistributedException, e.toString());
    assertTrue(seconds >= 2.4 && seconds <= 3.6, "a 3 s timeout took " + seconds + " s: " + e);
    assertFalse(Distributed.isInitialized());
  }

  @Test
  void aTcpRendezvousWithoutItsPeerHonoursItsTimeout() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    long start = System.nanoTime();
    String init = "tcp://127.0.0.1:" + port;
    assertThrows(
        DistributedTimeoutException.class,
        () -> Distributed.initProcessGroup(Backend.GLOO, init, 0, 2, Duration.ofSeconds(3)));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds >= 2.4 && seconds <= 3.6, "a 3 s timeout took " + seconds + " s");
    assertFalse(Distributed.isInitialized());
  }

  @Test
  void aClientWithoutServerHonoursItsTimeout() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    long start = System.nanoTime();
    int p = port;
    DistributedTimeoutException e =
        assertThrows(
            DistributedTimeoutException.class,
            () -> new TCPStore("127.0.0.1", p, 2, false, Duration.ofSeconds(3)));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds >= 2.9 && seconds <= 3.6, "a 3 s timeout took " + seconds + " s");
    assertTrue(e.getMessage().contains("timed out after 3000ms"), e.getMessage());
    // a server that comes up late is still found in time
    java.util.concurrent.CompletableFuture<TCPStore> late =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                Thread.sleep(700);
              } catch (InterruptedException ie) {
                throw new IllegalStateException(ie);
              }
              return new TCPStore("127.0.0.1", p, 2, true, Duration.ofSeconds(10), false);
            });
    try (TCPStore client = new TCPStore("127.0.0.1", p, 2, false, Duration.ofSeconds(10));
        TCPStore server = late.get()) {
      client.set("k", "v");
      assertEquals("v", server.getString("k"));
    }
  }

  private static void exercise(Store a, Store b) {
    a.set("greeting", "hello");
    assertEquals("hello", b.getString("greeting"));
    b.set("bytes", new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, a.get("bytes"));
    assertEquals(5, a.add("counter", 5));
    assertEquals(7, b.add("counter", 2));
    assertTrue(a.check(List.of("greeting", "counter")));
    assertFalse(a.check(List.of("missing")));
    b.await(List.of("greeting"), Duration.ofSeconds(1));
    assertThrows(
        DistributedTimeoutException.class,
        () -> a.await(List.of("never"), Duration.ofMillis(300)));
    assertTrue(a.deleteKey("greeting"));
    assertFalse(a.check(List.of("greeting")));
    a.setTimeout(Duration.ofMillis(300));
    assertEquals(Duration.ofMillis(300), a.timeout());
    assertThrows(DistributedTimeoutException.class, () -> a.get("never"));
  }

  @Test
  void aRendezvousThatNobodyJoinsTimesOut() throws Exception {
    int port = Workers.freePort();
    long start = System.nanoTime();
    // the server waits for a second worker that never comes
    assertThrows(
        DistributedTimeoutException.class,
        () -> new TCPStore("127.0.0.1", port, 2, true, Duration.ofSeconds(1)));
    // a client finds no server
    assertThrows(
        DistributedException.class,
        () -> new TCPStore("127.0.0.1", port, 2, false, Duration.ofSeconds(1)));
    assertTrue(System.nanoTime() - start < 20_000_000_000L);
  }

  @Test
  void closedStoresAndBadArgumentsAreRejected() {
    TCPStore s = new TCPStore("127.0.0.1", 0, 1, true, Duration.ofSeconds(5));
    s.close();
    s.close();
    assertTrue(s.isClosed());
    assertThrows(IllegalStateException.class, () -> s.set("k", "v"));
    assertThrows(IllegalArgumentException.class, () -> new TCPStore("127.0.0.1", 70000, 1, true));
    assertThrows(IllegalArgumentException.class, () -> new TCPStore("127.0.0.1", 0, 1, false));
    assertThrows(IllegalArgumentException.class, () -> new FileStore(dir.resolve("f"), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TCPStore("127.0.0.1", 0, 1, true, Duration.ofSeconds(-1)));
    try (TCPStore open = new TCPStore("127.0.0.1", 0, 1, true, Duration.ofSeconds(5))) {
      assertThrows(IllegalArgumentException.class, () -> open.setTimeout(Duration.ZERO));
      assertThrows(
          IllegalArgumentException.class, () -> open.await(List.of("k"), Duration.ofMillis(-5)));
      try (ProcessGroup g = ProcessGroup.create(Backend.GLOO, open, 0, 1, Duration.ofSeconds(5));
          Tensor t = Torch.ones(1)) {
        Work w = g.allReduceAsync(t, ReduceOp.SUM);
        assertThrows(IllegalArgumentException.class, () -> w.await(Duration.ofMillis(-1)));
        w.await();
        assertThrows(
            IllegalArgumentException.class,
            () -> ProcessGroup.create(Backend.GLOO, open, 0, 1, Duration.ZERO));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Backend.of("mpi"));
    assertEquals(Backend.GLOO, Backend.of("gloo"));
    assertEquals("gloo", Backend.GLOO.toString());
  }

  @Test
  void aGroupOfOneProcessRunsCollectivesAndCanBeRecreated() throws Exception {
    try (TCPStore store = new TCPStore("127.0.0.1", 0, 1, true, Duration.ofSeconds(10))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> ProcessGroup.create(Backend.GLOO, store, 1, 1, Duration.ofSeconds(5)));
      for (int round = 0; round < 2; round++) {
        try (ProcessGroup g = ProcessGroup.create(Backend.GLOO, store, 0, 1, Duration.ofSeconds(5));
            Tensor t = Torch.tensor(new float[] {1, 2, 3})) {
          assertEquals(0, g.rank());
          assertEquals(1, g.size());
          assertEquals(Backend.GLOO, g.backend());
          g.allReduce(t, ReduceOp.MAX);
          assertArrayEquals(new float[] {1, 2, 3}, t.toFloatArray());
          g.barrier();
          // bad input: a closed tensor, a bitwise reduction of floats, a null op
          Tensor closed = Torch.ones(2);
          closed.close();
          assertThrows(IllegalStateException.class, () -> g.allReduce(closed));
          assertThrows(org.jtorch.TorchException.class, () -> g.allReduce(t, ReduceOp.BAND));
          assertThrows(NullPointerException.class, () -> g.allReduce(t, null));
          assertArrayEquals(new float[] {1, 2, 3}, t.toFloatArray());
          g.close();
          assertTrue(g.isClosed());
          assertThrows(IllegalStateException.class, () -> g.allReduce(t));
        }
      }
    }
  }

  @Test
  void initMethodsTcpAndFile() throws Exception {
    String[] methods = {
      "tcp://127.0.0.1:" + Workers.freePort(), dir.resolve("rendezvous").toUri().toString()
    };
    for (String method : methods) {
      ProcessGroup g =
          Distributed.initProcessGroup(Backend.GLOO, method, 0, 1, Duration.ofSeconds(10));
      try (Tensor t = Torch.ones(2)) {
        assertTrue(Distributed.isInitialized());
        assertEquals(g, Distributed.defaultGroup());
        Distributed.allReduce(t);
        assertArrayEquals(new float[] {1, 1}, t.toFloatArray());
      } finally {
        Distributed.destroyProcessGroup();
      }
      assertFalse(Distributed.isInitialized());
    }
    // jtorch leaves the file store's file in place (see FileStore)
    assertTrue(Files.exists(dir.resolve("rendezvous")));
    assertThrows(IllegalStateException.class, Distributed::defaultGroup);
    assertThrows(
        IllegalStateException.class,
        () -> new org.jtorch.data.DistributedSampler(new org.jtorch.data.TensorDataset(Torch.ones(3))));
    assertThrows(
        IllegalArgumentException.class,
        () -> Distributed.initProcessGroup(Backend.GLOO, "udp://x", 0, 1, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Distributed.initProcessGroup(Backend.GLOO, "tcp://nohost", 0, 1, Duration.ofSeconds(1)));
    if (!Torch.cuda().isAvailable()) {
      try (TCPStore store = new TCPStore("127.0.0.1", 0, 1, true, Duration.ofSeconds(5))) {
        assertThrows(
            IllegalStateException.class,
            () -> ProcessGroup.create(Backend.NCCL, store, 0, 1, Duration.ofSeconds(5)));
      }
    }
  }
}
