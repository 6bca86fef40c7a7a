package dev.wasidl.abi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A byte-array {@link Memory} for tests: little-endian, bounds-checked with traps. */
final class FakeMemory implements Memory {
  private static final VarHandle I16 =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32 =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  final byte[] bytes;

  FakeMemory(int size) {
    bytes = new byte[size];
  }

  @Override
  public long byteSize() {
    return bytes.length;
  }

  private int at(int address, int length) {
    checkBounds(address, length);
    return address;
  }

  @Override
  public byte loadI8(int address) {
    return bytes[at(address, 1)];
  }

  @Override
  public short loadI16(int address) {
    return (short) I16.get(bytes, at(address, 2));
  }

  @Override
  public int loadI32(int address) {
    return (int) I32.get(bytes, at(address, 4));
  }

  @Override
  public long loadI64(int address) {
    return (long) I64.get(bytes, at(address, 8));
  }

  @Override
  public void storeI8(int address, byte value) {
    bytes[at(address, 1)] = value;
  }

  @Override
  public void storeI16(int address, short value) {
    I16.set(bytes, at(address, 2), value);
  }

  @Override
  public void storeI32(int address, int value) {
    I32.set(bytes, at(address, 4), value);
  }

  @Override
  public void storeI64(int address, long value) {
    I64.set(bytes, at(address, 8), value);
  }

  @Override
  public void read(int address, byte[] dst, int offset, int length) {
    System.arraycopy(bytes, at(address, length), dst, offset, length);
  }

  @Override
  public void write(int address, byte[] src, int offset, int length) {
    System.arraycopy(src, offset, bytes, at(address, length), length);
  }

  /** Puts {@code hex} at {@code address}. */
  FakeMemory with(int address, String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    System.arraycopy(b, 0, bytes, address, b.length);
    return this;
  }

  /** The hex of {@code length} bytes at {@code address}. */
  String hex(int address, int length) {
    return HexFormat.of().formatHex(bytes, address, address + length);
  }

  /** The nonzero parts as "offset:hex" (runs closer than 8 zero bytes merged), as the oracle. */
  List<String> segments() {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      if (bytes[i] == 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && anyNonZero(j, Math.min(n, j + 8))) {
        j++;
      }
      while (bytes[j - 1] == 0) {
        j--;
      }
      out.add(i + ":" + HexFormat.of().formatHex(bytes, i, j));
      i = j;
    }
    return out;
  }

  private boolean anyNonZero(int from, int to) {
    for (int k = from; k < to; k++) {
      if (bytes[k] != 0) {
        return true;
      }
    }
    return false;
  }
}
