package dev.wasidl.graal;

import static dev.wasidl.component.CoreValType.I32;
import static dev.wasidl.component.CoreValType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Memory;
import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host functions whose stores are deferred ({@link HostFunction#deferringStores}): deferred.wat
 * calls them through the store adapter GraalStore puts between, and memory must then hold exactly
 * what direct stores would have left, in order, also when the host function loads what it stored,
 * throws after storing, or stores out of bounds (the trap direct stores give). Checked against a
 * byte array to which the same stores were applied; with six offset bits, most stores start a new
 * base, which the real queue does only past 512 MiB.
 */
class DeferredStoresTest {
  private static final int PAGE = 65536;

  private GraalRuntime runtime;
  private GraalStore store;
  private GraalMemory memory;
  private DeferredStores deferred;
  private GraalInstance guest;
  private Consumer<Memory> program = m -> {};

  /** The host side: runs the test's program against the queue. */
  public final class Env {
    void store(int p) {
      program.accept(deferred);
    }

    long storeWide(int p, long v) {
      deferred.storeI64(p, v);
      return v + 1;
    }
  }

  @BeforeEach
  void instantiate() throws ReflectiveOperationException {
    runtime = GraalRuntime.create();
    instantiate(29);
  }

  /** A new store whose queue starts a new base for offsets of {@code offsetBits} and more. */
  private void instantiate(int offsetBits) throws ReflectiveOperationException {
    if (store != null) {
      store.close();
    }
    store = runtime.newStore();
    memory = store.instantiate(CoreModules.module("memory")).memory("memory").orElseThrow();
    deferred = offsetBits == 29 ? memory.deferredStores() : new DeferredStores(memory, offsetBits);
    Env env = new Env();
    MethodHandles.Lookup l = MethodHandles.lookup();
    HostFunction storeFn =
        HostFunction.deferringStores(
            new CoreType.Func(List.of(I32), List.of()),
            l.findVirtual(Env.class, "store", MethodType.methodType(void.class, int.class))
                .bindTo(env),
            deferred);
    HostFunction storeWide =
        HostFunction.deferringStores(
            new CoreType.Func(List.of(I32, I64), List.of(I64)),
            l.findVirtual(
                    Env.class,
                    "storeWide",
                    MethodType.methodType(long.class, int.class, long.class))
                .bindTo(env),
            deferred);
    guest =
        store.instantiate(
            CoreModules.module("deferred"),
            Imports.builder()
                .define("env", "memory", memory)
                .define("env", "store", storeFn)
                .define("env", "store_wide", storeWide)
                .build());
  }

  @AfterEach
  void close() {
    store.close();
    runtime.close();
  }

  private byte[] contents() {
    byte[] b = new byte[PAGE];
    memory.read(0, b, 0, PAGE);
    return b;
  }

  private void call() {
    guest.function("call_store").orElseThrow().call(0);
  }

  /** One store of a random width, at a random address, to {@code m} and to {@code expected}. */
  private static void randomStore(SplittableRandom r, Memory m, byte[] expected) {
    int width = 1 << r.nextInt(4);
    int at = r.nextBoolean() ? r.nextInt(64) * width : r.nextInt(PAGE - width + 1);
    store(m, at, width, r.nextLong(), expected);
  }

  /**
   * A store of {@code width} bytes of {@code v} at {@code at}, to {@code m} and to {@code
   * expected}.
   */
  private static void store(Memory m, int at, int width, long v, byte[] expected) {
    switch (width) {
      case 1 -> m.storeI8(at, (byte) v);
      case 2 -> m.storeI16(at, (short) v);
      case 4 -> m.storeI32(at, (int) v);
      default -> m.storeI64(at, v);
    }
    for (int i = 0; i < width; i++) {
      expected[at + i] = (byte) (v >>> (8 * i));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {29, 6})
  void theAdapterMakesEveryStoreInOrder(int offsetBits) throws ReflectiveOperationException {
    instantiate(offsetBits);
    SplittableRandom r = new SplittableRandom(15);
    byte[] expected = contents();
    for (int round = 0; round < 200; round++) {
      int n = round == 199 ? 5000 : r.nextInt(1, 24); // the last one overflows the queue
      program =
          m -> {
            for (int i = 0; i < n; i++) {
              randomStore(r, m, expected);
            }
          };
      call();
      assertTrue(deferred.isEmpty(), "drained");
      assertArrayEquals(expected, contents(), "memory after round " + round);
    }
  }

  /**
   * A flush (here forced by a bulk read in the middle of the host function, as a realloc forces it)
   * makes the queued stores in order, clustered or spread, and leaves the bytes between them as
   * they were; the stores after it go through the adapter.
   */
  @ParameterizedTest
  @ValueSource(ints = {29, 6})
  void aFlushMakesEveryStoreInOrderAndLeavesTheBytesBetween(int offsetBits)
      throws ReflectiveOperationException {
    instantiate(offsetBits);
    SplittableRandom r = new SplittableRandom(16);
    byte[] noise = new byte[PAGE];
    r.nextBytes(noise);
    memory.write(0, noise, 0, PAGE);
    byte[] expected = contents();
    for (int round = 0; round < 300; round++) {
      boolean clustered = round % 3 != 0;
      int origin = r.nextInt(PAGE - CLUSTER);
      int before = r.nextInt(1, 12);
      int after = r.nextInt(0, 6);
      program =
          m -> {
            for (int i = 0; i < before + after; i++) {
              if (i == before) {
                m.read(origin, new byte[1], 0, 1); // flushes what is queued
                assertTrue(deferred.isEmpty(), "flushed");
              }
              if (clustered) {
                clusteredStore(r, m, origin, expected);
              } else {
                randomStore(r, m, expected);
              }
            }
          };
      call();
      assertArrayEquals(expected, contents(), "memory after round " + round);
    }
  }

  private static final int CLUSTER = 256;

  /** A store of a random width within CLUSTER bytes from {@code origin}. */
  private static void clusteredStore(SplittableRandom r, Memory m, int origin, byte[] expected) {
    int width = 1 << r.nextInt(4);
    store(m, origin + r.nextInt(CLUSTER - width + 1), width, r.nextLong(), expected);
  }

  @Test
  void argumentsAndResultPassThroughTheAdapter() {
    long v = 0x0102_0304_0506_0708L;
    assertEquals(v + 1, guest.function("call_store_wide").orElseThrow().callLong(40, v));
    assertEquals(v, guest.function("load").orElseThrow().callLong(40));
  }

  @Test
  void aLoadSeesTheStoresBeforeIt() {
    long[] seen = new long[1];
    program =
        m -> {
          m.storeI32(100, 0x11223344);
          m.storeI8(101, (byte) 0x55);
          seen[0] = m.loadI32(100);
          m.storeI16(102, (short) 0x6677);
        };
    call();
    assertEquals(0x11225544L, seen[0]);
    assertEquals(0x6677_5544L, guest.function("load").orElseThrow().callLong(100) & 0xffff_ffffL);
  }

  @Test
  void aThrowLeavesTheStoresBeforeIt() {
    program =
        m -> {
          m.storeI32(200, 7);
          m.storeI64(208, -1);
          throw new Trap("host gave up");
        };
    Trap t = assertThrows(Trap.class, this::call);
    assertEquals("host gave up", t.getMessage());
    assertTrue(deferred.isEmpty());
    assertEquals(7, memory.loadI32(200));
    assertEquals(-1, memory.loadI64(208));
  }

  @Test
  void anOutOfBoundsStoreTrapsAsADirectOne() {
    program =
        m -> {
          m.storeI8(300, (byte) 9);
          m.storeI32(PAGE - 2, 1);
        };
    Trap deferredTrap = assertThrows(Trap.class, this::call);
    assertEquals(9, memory.loadI8(300));
    Trap direct = assertThrows(Trap.class, () -> memory.storeI32(PAGE - 2, 1));
    assertEquals(direct.getMessage(), deferredTrap.getMessage());
    assertTrue(deferred.isEmpty());
  }

  @Test
  void aFunctionStoringIntoAnotherStoresMemoryIsRefused() {
    GraalStore other = runtime.newStore();
    try {
      GraalMemory foreign =
          other.instantiate(CoreModules.module("memory")).memory("memory").orElseThrow();
      HostFunction intoFirst =
          HostFunction.deferringStores(
              new CoreType.Func(List.of(I32), List.of()),
              MethodHandles.empty(MethodType.methodType(void.class, int.class)),
              deferred);
      HostFunction wide =
          HostFunction.deferringStores(
              new CoreType.Func(List.of(I32, I64), List.of(I64)),
              MethodHandles.empty(MethodType.methodType(long.class, int.class, long.class)),
              deferred);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  other.instantiate(
                      CoreModules.module("deferred"),
                      Imports.builder()
                          .define("env", "memory", foreign)
                          .define("env", "store", intoFirst)
                          .define("env", "store_wide", wide)
                          .build()));
      assertTrue(
          e.getMessage()
              .matches("import env\\.store(_wide)? stores into a memory of another store"),
          e.getMessage());
    } finally {
      other.close();
    }
    // the first store goes on
    program = m -> m.storeI32(64, 5);
    call();
    assertEquals(5, memory.loadI32(64));
  }
}
