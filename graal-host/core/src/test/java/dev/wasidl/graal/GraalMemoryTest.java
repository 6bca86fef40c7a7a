package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Memory;
import dev.wasidl.abi.Realloc;
import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GraalMemory} and {@link GraalRealloc} over host.wat's memory and cabi_realloc. */
class GraalMemoryTest {
  private static final int PAGE = 65536;

  private GraalRuntime runtime;
  private GraalStore store;
  private GraalInstance host;
  private Memory memory;

  @BeforeEach
  void instantiate() {
    runtime = GraalRuntime.create();
    store = runtime.newStore();
    HostFunction zero = HostFunction.ofProxy(new CoreType.Func(List.of(), List.of()), args -> 0);
    Imports.Builder imports = Imports.builder();
    for (String name : List.of("add", "mix", "mul_wide", "half", "record", "tick", "check")) {
      imports.define("env", name, zero);
    }
    host = store.instantiate(CoreModules.module("host"), imports.build());
    memory = host.memory("memory").orElseThrow();
  }

  @AfterEach
  void close() {
    store.close();
    runtime.close();
  }

  @Test
  void loadsAndStoresAreLittleEndian() {
    memory.storeI32(100, 0x11223344);
    assertEquals(0x44, memory.loadI8(100));
    assertEquals(0x3344, memory.loadI16(100));
    assertEquals(0x11223344, memory.loadI32(100));
    assertEquals(0x11223344, host.function("load_at").orElseThrow().callInt(100));
    memory.storeI64(200, 0x0102030405060708L);
    assertEquals(0x08, memory.loadI8(200));
    assertEquals(0x05060708, memory.loadI32(200));
    assertEquals(0x0102030405060708L, memory.loadI64(200));
    memory.storeI8(300, (byte) -1);
    memory.storeI16(302, (short) -2);
    assertEquals((byte) -1, memory.loadI8(300));
    assertEquals((short) -2, memory.loadI16(302));
  }

  @Test
  void bulkReadAndWrite() {
    byte[] text = "hello, component model!".getBytes(StandardCharsets.UTF_8); // 23: 2 longs + 7
    memory.write(1000, text, 0, text.length);
    byte[] back = new byte[text.length + 2];
    memory.read(1000, back, 1, text.length);
    assertEquals(
        "hello, component model!", new String(back, 1, text.length, StandardCharsets.UTF_8));
    assertEquals('h' | 'e' << 8 | 'l' << 16 | 'l' << 24, memory.loadI32(1000));
    memory.write(2000, text, 7, 9);
    byte[] part = new byte[9];
    memory.read(2000, part, 0, 9);
    assertArrayEquals("component".getBytes(StandardCharsets.UTF_8), part);
  }

  @Test
  void outOfBoundsTraps() {
    assertEquals(PAGE, memory.byteSize());
    memory.storeI32(PAGE - 4, 7);
    assertEquals(7, memory.loadI32(PAGE - 4));
    for (int address : new int[] {PAGE - 3, PAGE, -1, Integer.MIN_VALUE}) {
      Trap trap = assertThrows(Trap.class, () -> memory.loadI32(address));
      assertTrue(trap.getMessage().contains("out of bounds"), trap.getMessage());
      assertThrows(Trap.class, () -> memory.storeI32(address, 1));
    }
    assertThrows(Trap.class, () -> memory.loadI64(PAGE - 7));
    assertThrows(Trap.class, () -> memory.loadI16(PAGE - 1));
    assertThrows(Trap.class, () -> memory.loadI8(PAGE));
    assertThrows(Trap.class, () -> memory.read(PAGE - 2, new byte[3], 0, 3));
    byte[] three = {1, 2, 3};
    Trap trap = assertThrows(Trap.class, () -> memory.write(PAGE - 2, three, 0, 3));
    assertTrue(trap.getMessage().contains("out of bounds"), trap.getMessage());
    assertEquals(0, memory.loadI16(PAGE - 2)); // nothing of a failed write was written
    assertThrows(Trap.class, () -> memory.checkBounds(PAGE - 1, 2));
    memory.checkBounds(PAGE - 1, 1);
  }

  @Test
  void growIsVisible() {
    assertEquals(1, host.function("grow").orElseThrow().callInt(2));
    assertEquals(3L * PAGE, memory.byteSize());
    memory.storeI64(3 * PAGE - 8, -5L);
    assertEquals(-5L, memory.loadI64(3 * PAGE - 8));
    assertEquals(-5, host.function("load_at").orElseThrow().callInt(3 * PAGE - 8));
    assertThrows(Trap.class, () -> memory.loadI8(3 * PAGE));
    assertEquals(-1, host.function("grow").orElseThrow().callInt(100)); // past the maximum of 16
  }

  @Test
  void reallocAllocatesAlignedAndCopies() {
    Realloc realloc = GraalRealloc.of(host.function("cabi_realloc").orElseThrow());
    int a = realloc.realloc(0, 0, 1, 3); // the bump pointer starts at 1024
    assertEquals(1024, a);
    int b = realloc.realloc(0, 0, 8, 16);
    assertEquals(1032, b);
    memory.storeI64(b, 0x0807060504030201L);
    int c = realloc.realloc(b, 16, 4, 32);
    assertEquals(1048, c);
    assertEquals(0x0807060504030201L, memory.loadI64(c));
    int d = realloc.realloc(c, 32, 1, 4); // shrinking copies only the new size
    assertEquals(0x04030201, memory.loadI32(d));
  }

  @Test
  void reallocTrapsAreTraps() {
    Realloc realloc = GraalRealloc.of(host.function("cabi_realloc").orElseThrow());
    // copying 1000 bytes from past the end of memory traps inside the guest's allocator
    Trap trap = assertThrows(Trap.class, () -> realloc.realloc(PAGE - 10, 1000, 1, 1000));
    assertTrue(trap.getMessage().contains("bounds"), trap.getMessage());
  }
}
