package org.jtorch.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Yields the ints of successive chunks, asking for the next chunk only once the previous one is
 * used up, as Python's generator-based samplers draw their random numbers lazily.
 */
abstract class ChunkIterator implements Iterator<Integer> {
  private int[] chunk = new int[0];
  private int pos;
  private boolean done;

  /** The next chunk (may be empty), or null when there is none. */
  abstract int[] nextChunk();

  @Override
  public boolean hasNext() {
    while (!done && pos >= chunk.length) {
      int[] c = nextChunk();
      if (c == null) {
        done = true;
      } else {
        chunk = c;
        pos = 0;
      }
    }
    return !done;
  }

  @Override
  public Integer next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return chunk[pos++];
  }
}
