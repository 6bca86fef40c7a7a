package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GraalMemory}'s bulk {@code write} and {@code read} at the lengths where the route changes
 * (per-element stores below {@link MemoryCopier#WRITE_THRESHOLD}, the copier module above; 8-byte
 * words and an overlapping last word), at unaligned addresses and source offsets, up to the end of
 * memory, checked through wasm's own loads and against the untouched bytes around them.
 */
class GraalMemoryBulkTest {
  private static final int PAGE = 65536;
  private static final int SIZE = 17 * PAGE;
  private static final byte GUARD = (byte) 0xa5;

  private GraalRuntime runtime;
  private GraalStore store;
  private GraalInstance bulk;
  private GraalMemory memory;

  @BeforeEach
  void instantiate() {
    runtime = GraalRuntime.create();
    store = runtime.newStore();
    bulk = store.instantiate(CoreModules.module("bulk"));
    memory = bulk.memory("memory").orElseThrow();
  }

  @AfterEach
  void close() {
    store.close();
    runtime.close();
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private int wasmLoad8(int address) {
    return bulk.function("load8").orElseThrow().callInt(address);
  }

  /** Fills {@code [address - 16, address + length + 16)} (clipped to memory) with the guard. */
  private void guard(int address, int length) {
    int from = Math.max(0, address - 16);
    int to = Math.min(SIZE, address + length + 16);
    byte[] fill = new byte[to - from];
    Arrays.fill(fill, GUARD);
    memory.write(from, fill, 0, fill.length);
  }

  private void assertGuarded(int address, int length) {
    for (int a = Math.max(0, address - 16); a < address; a++) {
      assertEquals(GUARD, memory.loadI8(a), "byte before the copy at " + a);
    }
    for (int a = address + length; a < Math.min(SIZE, address + length + 16); a++) {
      assertEquals(GUARD, memory.loadI8(a), "byte after the copy at " + a);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 4095, 4096, 1024 * 1024 + 3})
  void writeThenReadAtAnyAlignmentAndOffset(int length) {
    byte[] src = random(length + 5, length);
    for (int address : new int[] {0, 3, 4096 + 1, SIZE - length}) {
      for (int offset : new int[] {0, 5}) {
        guard(address, length);
        memory.write(address, src, offset, length);
        byte[] back = new byte[length + 2];
        memory.read(address, back, 1, length);
        assertArrayEquals(
            Arrays.copyOfRange(src, offset, offset + length),
            Arrays.copyOfRange(back, 1, length + 1),
            "length " + length + " at " + address + " from offset " + offset);
        assertEquals(0, back[0]);
        assertEquals(0, back[length + 1]);
        assertGuarded(address, length);
        if (length > 0) {
          assertEquals(Byte.toUnsignedInt(src[offset]), wasmLoad8(address));
          assertEquals(
              Byte.toUnsignedInt(src[offset + length - 1]), wasmLoad8(address + length - 1));
          int middle = length / 2;
          assertEquals(Byte.toUnsignedInt(src[offset + middle]), wasmLoad8(address + middle));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 64, 65, 4096, 1024 * 1024 + 3})
  void readSeesWhatWasmStored(int length) {
    int address = 11;
    bulk.function("store8").orElseThrow().call(address + length - 1, 0x99);
    bulk.function("store8").orElseThrow().call(address, 0x42);
    byte[] back = new byte[length];
    memory.read(address, back, 0, length);
    assertEquals(0x42, Byte.toUnsignedInt(back[0]));
    assertEquals(length == 1 ? 0x42 : 0x99, Byte.toUnsignedInt(back[length - 1]));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 9, 64, 65, 4096, 1024 * 1024 + 3})
  void outOfBoundsWritesTrapAndWriteNothing(int length) {
    byte[] src = random(length, 7);
    int address = SIZE - length + 1;
    guard(address - 1, length);
    Trap trap = assertThrows(Trap.class, () -> memory.write(address, src, 0, length));
    assertTrue(trap.getMessage().contains("out of bounds"), trap.getMessage());
    for (int a : new int[] {address - 1, Math.min(address, SIZE - 1), SIZE - 1}) {
      assertEquals(GUARD, memory.loadI8(a), "nothing written at " + a);
    }
    for (int bad : new int[] {SIZE, -1, Integer.MIN_VALUE, -length}) {
      Trap t = assertThrows(Trap.class, () -> memory.write(bad, src, 0, length));
      assertTrue(t.getMessage().contains("out of bounds"), t.getMessage());
      assertThrows(Trap.class, () -> memory.read(bad, new byte[length], 0, length));
    }
    assertThrows(Trap.class, () -> memory.read(address, new byte[length], 0, length));
  }

  @Test
  void sourceRangesOutsideTheArrayAreRefused() {
    byte[] src = new byte[100];
    assertThrows(IndexOutOfBoundsException.class, () -> memory.write(0, src, 50, 51));
    assertThrows(IndexOutOfBoundsException.class, () -> memory.write(0, src, -1, 10));
    assertThrows(IndexOutOfBoundsException.class, () -> memory.read(0, src, 1, 100));
  }

  @Test
  void largeWritesReachGrownMemory() {
    byte[] src = random(4096, 3);
    memory.write(0, src, 0, src.length); // the copier exists before the memory grows
    assertEquals(17, bulk.function("grow").orElseThrow().callInt(1));
    memory.write(18 * PAGE - src.length, src, 0, src.length);
    byte[] back = new byte[src.length];
    memory.read(18 * PAGE - src.length, back, 0, back.length);
    assertArrayEquals(src, back);
    assertThrows(Trap.class, () -> memory.write(18 * PAGE - src.length + 1, src, 0, src.length));
  }
}
