package dev.wasidl.graal;

import static dev.wasidl.component.CoreValType.I32;
import static dev.wasidl.component.CoreValType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.AllocationQueue;
import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.abi.ResourceTable;
import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Allocations queued in a {@link DeferredStores} ({@link AllocationQueue#queueCopy}): the store
 * adapter calls the guest's realloc (allocating.wat, a logging bump allocator) and copies the bytes
 * in wasm, or a flush makes them through polyglot; either way memory must end exactly as lowering
 * at once leaves it (realloc's arguments, the bytes, the pairs and the stores around them, in
 * order; also when most of them start a new base, which the real queue does only past 512 MiB), a
 * bad range must trap with the same message, realloc must run with {@code may_leave} cleared, and a
 * trap must leave nothing queued behind.
 */
class DeferredAllocationsTest {
  private static final int PAGE = 65536;
  private static final int HEAP = 8192; // allocating.wat's first address
  private static final int STORES = 32768; // stores and pairs go above, allocations below

  private GraalRuntime runtime;
  private GraalStore store;
  private GraalInstance guest;
  private GraalMemory memory;
  private DeferredStores deferred;
  private CountingRealloc realloc;
  private LiftLowerContext cx;
  private GraalInstance caller;
  private Consumer<DeferredStores> program = m -> {};
  private final List<Integer> pokes = new ArrayList<>(); // realloc's nesting at each host call

  /** The guest's realloc as lowering calls it, counting how deep inside it the guest is. */
  private final class CountingRealloc extends DrainedRealloc {
    int depth;

    CountingRealloc(GraalFunction function) {
      super(function);
    }

    @Override
    public int realloc(int ptr, int size, int align, int newSize) {
      deferred.flush();
      enter();
      try {
        return function().callInt(ptr, size, align, newSize);
      } finally {
        exit();
      }
    }

    @Override
    public void enter() {
      depth++;
    }

    @Override
    public void exit() {
      depth--;
    }
  }

  /** The host side of both modules. */
  public final class Env {
    void store(int p) {
      program.accept(deferred);
    }

    long storeWide(int p, long v) {
      return v;
    }

    void poke() {
      pokes.add(realloc.depth);
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
    pokes.clear();
    store = runtime.newStore();
    Env env = new Env();
    MethodHandles.Lookup l = MethodHandles.lookup();
    HostFunction poke =
        HostFunction.of(
            new CoreType.Func(List.of(), List.of()),
            l.findVirtual(Env.class, "poke", MethodType.methodType(void.class)).bindTo(env));
    guest =
        store.instantiate(
            CoreModules.module("allocating"),
            Imports.builder().define("env", "poke", poke).build());
    memory = guest.memory("memory").orElseThrow();
    deferred = offsetBits == 29 ? memory.deferredStores() : new DeferredStores(memory, offsetBits);
    realloc = new CountingRealloc(guest.function("cabi_realloc").orElseThrow());
    assertTrue(deferred.adopt(realloc));
    cx = LiftLowerContext.of(ResourceTable.of(Set.of())).withMemory(deferred).withRealloc(realloc);
    // as a component's lowered imports: instantiated after the module whose realloc they call
    caller =
        store.instantiate(
            CoreModules.module("deferred"),
            Imports.builder()
                .define("env", "memory", memory)
                .define(
                    "env",
                    "store",
                    HostFunction.deferringStores(
                        new CoreType.Func(List.of(I32), List.of()),
                        l.findVirtual(
                                Env.class, "store", MethodType.methodType(void.class, int.class))
                            .bindTo(env),
                        deferred))
                .define(
                    "env",
                    "store_wide",
                    HostFunction.deferringStores(
                        new CoreType.Func(List.of(I32, I64), List.of(I64)),
                        l.findVirtual(
                                Env.class,
                                "storeWide",
                                MethodType.methodType(long.class, int.class, long.class))
                            .bindTo(env),
                        deferred))
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
    caller.function("call_store").orElseThrow().call(0);
  }

  /** The guest as the test expects it: allocating.wat's log and heap, and the stores. */
  private static final class Model {
    final byte[] bytes;
    int next = HEAP;
    int calls;

    Model(byte[] bytes) {
      this.bytes = bytes;
    }

    void putI32(int at, int v) {
      for (int i = 0; i < 4; i++) {
        bytes[at + i] = (byte) (v >>> (8 * i));
      }
    }

    /** realloc(0, 0, align, size) as allocating.wat makes it: logged, bumped. */
    int realloc(int align, int size) {
      int log = 1024 + 16 * calls++;
      putI32(log, 0);
      putI32(log + 4, 0);
      putI32(log + 8, align);
      putI32(log + 12, size);
      int p = (next + align - 1) & -align;
      next = p + size;
      return p;
    }

    void copy(byte[] b, int storedLength, int destination) {
      int p = realloc(1, b.length);
      System.arraycopy(b, 0, bytes, p, b.length);
      putI32(destination, p);
      putI32(destination + 4, storedLength);
    }
  }

  /**
   * Random rounds of stores and queued copies (0 to 40 bytes, now and then 1,024, and 1,025, which
   * the queue refuses and the host then lowers at once), drained by the adapter or, with {@code
   * flushed}, made by a flush the host forces at the end.
   */
  @ParameterizedTest
  @CsvSource({"false, 29", "true, 29", "false, 6", "true, 6"})
  void copiesEndAsLoweringAtOnceLeavesThem(boolean flushed, int offsetBits)
      throws ReflectiveOperationException {
    instantiate(offsetBits); // with 6 offset bits, most pairs start a new base
    SplittableRandom r = new SplittableRandom(flushed ? 7 : 8);
    Model expected = new Model(contents());
    for (int round = 0; round < 60; round++) {
      int n = r.nextInt(1, 12);
      program =
          m -> {
            for (int i = 0; i < n; i++) {
              int at = STORES + 8 * r.nextInt((PAGE - STORES) / 8 - 1);
              if (r.nextBoolean()) {
                int v = r.nextInt();
                m.storeI32(at, v);
                expected.putI32(at, v);
                continue;
              }
              int length =
                  switch (r.nextInt(20)) {
                    case 0 -> AllocationQueue.MAX_BYTES;
                    case 1 -> AllocationQueue.MAX_BYTES + 1;
                    default -> r.nextInt(41);
                  };
              byte[] b = new byte[length];
              r.nextBytes(b);
              int stored = r.nextInt(0, Integer.MAX_VALUE);
              if (!m.queueCopy(cx, "string", 1, b, stored, at)) {
                assertEquals(AllocationQueue.MAX_BYTES + 1, length, "refused");
                int p = realloc.realloc(0, 0, 1, length);
                memory.write(p, b, 0, length);
                m.storeI32(at, p);
                m.storeI32(at + 4, stored);
              }
              expected.copy(b, stored, at);
            }
            if (flushed) {
              m.read(0, new byte[1], 0, 1);
              assertTrue(m.isEmpty(), "flushed");
            }
          };
      call();
      assertTrue(deferred.isEmpty(), "drained");
      assertEquals(0, realloc.depth, "may_leave restored");
      assertEquals(expected.calls, guest.function("calls").orElseThrow().callInt(), "calls");
      assertArrayEquals(expected.bytes, contents(), "memory after round " + round);
    }
  }

  /** A range realloc returns out of bounds traps as lowering it at once does, drained or not. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anOutOfBoundsRangeTrapsAsLoweringAtOnce(boolean flushed) {
    guest.function("set_mode").orElseThrow().call(1); // realloc returns 65530
    program =
        m -> {
          m.storeI32(STORES, 5);
          assertTrue(m.queueCopy(cx, "list", 1, new byte[10], 10, STORES + 8));
          m.storeI32(STORES + 16, 6); // never made
          if (flushed) {
            m.read(0, new byte[1], 0, 1);
          }
        };
    Trap t = assertThrows(Trap.class, this::call);
    assertEquals(
        "list of 10 bytes at 65530 is out of bounds of a memory of 65536 bytes", t.getMessage());
    assertEquals(5, memory.loadI32(STORES));
    assertEquals(0, memory.loadI32(STORES + 8));
    assertEquals(0, memory.loadI32(STORES + 16));
    assertTrue(deferred.isEmpty(), "nothing left for a later drain");
    assertEquals(0, realloc.depth, "may_leave restored");
  }

  /** A trapping realloc leaves the stores before it made and nothing queued after it. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aTrappingReallocLeavesNothingQueued(boolean flushed) {
    guest.function("set_mode").orElseThrow().call(2);
    program =
        m -> {
          m.storeI32(STORES, 5);
          assertTrue(m.queueCopy(cx, "string", 1, new byte[] {1, 2, 3}, 3, STORES + 8));
          m.storeI32(STORES + 16, 6);
          if (flushed) {
            m.read(0, new byte[1], 0, 1);
          }
        };
    assertThrows(Trap.class, this::call);
    assertEquals(5, memory.loadI32(STORES));
    assertEquals(0, memory.loadI32(STORES + 16));
    assertTrue(deferred.isEmpty(), "nothing left for a later drain");
    assertEquals(0, realloc.depth, "may_leave restored");
    // the next call starts from an empty queue
    guest.function("set_mode").orElseThrow().call(0);
    program = m -> m.storeI32(STORES + 24, 7);
    call();
    assertEquals(7, memory.loadI32(STORES + 24));
  }

  /** The guest's realloc runs inside enter and exit, drained or flushed. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void reallocRunsWithMayLeaveCleared(boolean flushed) {
    guest.function("set_mode").orElseThrow().call(3); // realloc calls env.poke
    program =
        m -> {
          assertTrue(m.queueCopy(cx, "string", 1, new byte[] {'h', 'i'}, 2, STORES));
          if (flushed) {
            m.read(0, new byte[1], 0, 1);
          }
        };
    call();
    assertEquals(List.of(1), pokes);
    assertEquals(0, realloc.depth);
    int p = memory.loadI32(STORES);
    assertEquals(2, memory.loadI32(STORES + 4));
    assertEquals('h', memory.loadI8(p));
    assertEquals('i', memory.loadI8(p + 1));
  }

  /** A context whose realloc is not the adopted one lowers at once: the adapter cannot call it. */
  @Test
  void whatTheAdapterCannotMakeIsRefused() {
    CountingRealloc other = new CountingRealloc(guest.function("cabi_realloc").orElseThrow());
    LiftLowerContext notAdopted =
        LiftLowerContext.of(ResourceTable.of(Set.of())).withMemory(deferred).withRealloc(other);
    assertFalse(deferred.queueCopy(notAdopted, "string", 1, new byte[1], 1, STORES));
    assertTrue(deferred.adopt(other), "the same function");
    assertTrue(deferred.queueCopy(notAdopted, "string", 1, new byte[1], 1, STORES));
    deferred.flush();
    LiftLowerContext noRealloc =
        LiftLowerContext.of(ResourceTable.of(Set.of())).withMemory(deferred);
    assertFalse(deferred.queueCopy(noRealloc, "string", 1, new byte[1], 1, STORES));
    assertFalse(
        deferred.queueCopy(cx, "string", 1, new byte[1], 1, PAGE - 4), "pair out of bounds");
    assertTrue(deferred.isEmpty());
  }
}
