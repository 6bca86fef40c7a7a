package dev.wasidl.wrpc;

import java.util.Arrays;
import java.util.List;

/**
 * One frame of wRPC's framed stream, {@code record frame { path: list<u32>, data: list<u8> }}: a
 * chunk of the byte stream at {@code path} (empty for the root: the parameters or results
 * themselves; else an asynchronous value's index).
 */
public final class Frame {
  private final List<Integer> path;
  private final byte[] data;

  public Frame(List<Integer> path, byte[] data) {
    this.path = List.copyOf(path);
    this.data = data.clone();
  }

  public List<Integer> path() {
    return path;
  }

  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && f.path.equals(path) && Arrays.equals(f.data, data);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "frame " + path + " " + Arrays.toString(data);
  }
}
