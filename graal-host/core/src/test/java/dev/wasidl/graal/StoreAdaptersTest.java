package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store adapter module for random lists of core signatures (none to 20 functions; 0 to 20
 * parameters of i32, i64, f32, f64; no result or one): GraalWasm accepts it, each wrapper passes
 * its arguments to its host function unchanged and returns its result, and the stores the host
 * function queued are in memory when the wrapper returns.
 */
class StoreAdaptersTest {
  private static final CoreValType[] TYPES = {
    CoreValType.I32, CoreValType.I64, CoreValType.F32, CoreValType.F64
  };

  private static final CoreType.Func NEXT = new CoreType.Func(List.of(), List.of(CoreValType.I64));

  private GraalRuntime runtime;
  private GraalStore store;
  private GraalMemory memory;
  private DeferredStores deferred;

  /** A host function that logs its arguments, queues one store and returns {@code result}. */
  public static final class Recorder {
    private final DeferredStores stores;
    private final int slot;
    private final Object result;
    Object[] seen;

    Recorder(DeferredStores stores, int slot, Object result) {
      this.stores = stores;
      this.slot = slot;
      this.result = result;
    }

    public Object call(Object[] args) {
      seen = args;
      stores.storeI32(slot * 4, 1000 + slot);
      return result;
    }
  }

  @BeforeEach
  void instantiate() {
    runtime = GraalRuntime.create();
    store = runtime.newStore();
    memory = store.instantiate(CoreModules.module("memory")).memory("memory").orElseThrow();
    deferred = memory.deferredStores();
  }

  @AfterEach
  void close() {
    store.close();
    runtime.close();
  }

  private static Object value(CoreValType t, SplittableRandom r) {
    return switch (t) {
      case I32 -> r.nextInt();
      case I64 -> r.nextLong();
      case F32 -> (float) r.nextDouble(-1e6, 1e6);
      case F64 -> r.nextDouble(-1e300, 1e300);
      default -> throw new IllegalArgumentException(t.toString());
    };
  }

  private static Object fromWasm(CoreValType t, Value v) {
    return switch (t) {
      case I32 -> v.asInt();
      case I64 -> v.asLong();
      case F32 -> v.asFloat();
      case F64 -> v.asDouble();
      default -> throw new IllegalArgumentException(t.toString());
    };
  }

  @Test
  void everySignatureShapePassesThrough() throws ReflectiveOperationException {
    SplittableRandom r = new SplittableRandom(2026);
    MethodHandle call =
        MethodHandles.lookup()
            .findVirtual(
                Recorder.class, "call", MethodType.methodType(Object.class, Object[].class));
    for (int round = 0; round < 30; round++) {
      int n = round == 0 ? 0 : r.nextInt(1, 21);
      List<CoreType.Func> types = new ArrayList<>();
      List<Recorder> recorders = new ArrayList<>();
      Imports.Builder imports = Imports.builder();
      for (int i = 0; i < n; i++) {
        List<CoreValType> params = new ArrayList<>();
        int count = r.nextInt(8) == 0 ? 20 : r.nextInt(5);
        for (int p = 0; p < count; p++) {
          params.add(TYPES[r.nextInt(TYPES.length)]);
        }
        List<CoreValType> results =
            r.nextBoolean() ? List.of() : List.of(TYPES[r.nextInt(TYPES.length)]);
        CoreType.Func type = new CoreType.Func(params, results);
        types.add(type);
        Recorder rec =
            new Recorder(deferred, i, results.isEmpty() ? null : value(results.getFirst(), r));
        recorders.add(rec);
        MethodHandle target =
            call.bindTo(rec)
                .asCollector(Object[].class, params.size())
                .asType(HostFunction.methodType(type));
        // a plain host function: the module under test is the adapter here, not one GraalStore adds
        imports.define("f", Integer.toString(i), HostFunction.of(type, target));
      }
      // instantiated directly, so its exports (the wrappers) can be called from here
      GraalInstance adapter =
          store.instantiate(
              StoreAdapters.module(types),
              imports
                  .define("m", "memory", memory)
                  .define("s", "next", HostFunction.ofHostObject(NEXT, deferred))
                  .define(
                      "s",
                      "allocating",
                      HostFunction.ofHostObject(NEXT, deferred.allocatingImport()))
                  .define(
                      "s",
                      "allocated",
                      HostFunction.ofHostObject(
                          new CoreType.Func(List.of(CoreValType.I32), List.of(CoreValType.I32)),
                          deferred.allocatedImport()))
                  .define(
                      "r",
                      "realloc",
                      HostFunction.ofHostObject(
                          new CoreType.Func(
                              List.of(
                                  CoreValType.I32,
                                  CoreValType.I32,
                                  CoreValType.I32,
                                  CoreValType.I32),
                              List.of(CoreValType.I32)),
                          deferred.reallocImport()))
                  .build());
      for (int i = 0; i < n; i++) {
        CoreType.Func type = types.get(i);
        Object[] args = new Object[type.params().size()];
        for (int p = 0; p < args.length; p++) {
          args[p] = value(type.params().get(p), r);
        }
        memory.storeI32(i * 4, 0);
        Value out = adapter.function(Integer.toString(i)).orElseThrow().call(args);
        Recorder rec = recorders.get(i);
        assertEquals(Arrays.asList(args), Arrays.asList(rec.seen), "arguments of " + type);
        if (!type.results().isEmpty()) {
          assertEquals(rec.result, fromWasm(type.results().getFirst(), out), "result of " + type);
        }
        assertEquals(1000 + i, memory.loadI32(i * 4), "the store of " + type);
        assertTrue(deferred.isEmpty());
      }
    }
  }
}
