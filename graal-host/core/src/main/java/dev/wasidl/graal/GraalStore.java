package dev.wasidl.graal;

import dev.wasidl.abi.Trap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * One polyglot {@link Context}: the space in which core instances live and link to each other.
 *
 * <p><b>One store per component instance.</b> GraalWasm links core instances only within one
 * context (an export is a value of its context), and a component instance's core instances share
 * memories, tables and globals, so they all belong to one store. Distinct component instances get
 * distinct stores: they share nothing the component model does not pass by value, each can be
 * closed (freeing its memories) on its own, and a trap that poisons one leaves the others usable.
 * Nothing is lost by the split: parsed modules and compiled code are cached in the {@link
 * GraalRuntime}'s engine, not in the context.
 *
 * <p><b>Threads.</b> The wasm language is single-threaded: a store may be used by one thread at a
 * time. Handing it from thread to thread between calls is fine; entering it from a second thread
 * while a call runs fails with polyglot's {@link IllegalStateException}. Callers that share an
 * instance across threads serialize its calls (the component model's instances are not reentrant
 * anyway).
 *
 * <p>Host functions run under a {@link HostAccess} that exposes only {@code @HostAccess.Export}
 * members: wasm code can reach nothing else of the JVM.
 */
public final class GraalStore implements AutoCloseable {
  static final HostAccess HOST_ACCESS =
      HostAccess.newBuilder().allowAccessAnnotatedBy(HostAccess.Export.class).build();

  private final GraalRuntime runtime;
  private final Context context;
  private final IdentityHashMap<GraalModule, Value> modules = new IdentityHashMap<>();
  // the queues of this store's memories: a trap leaves none of their entries to a later drain
  private final List<DeferredStores> queues = new CopyOnWriteArrayList<>();
  // why interrupt() stopped the wasm running here: the message of the trap that call fails with
  private volatile @Nullable String interruption;

  GraalStore(GraalRuntime runtime) {
    this.runtime = runtime;
    this.context =
        Context.newBuilder("wasm").engine(runtime.engine()).allowHostAccess(HOST_ACCESS).build();
  }

  public GraalRuntime runtime() {
    return runtime;
  }

  /**
   * Stops the wasm running in this store now, from any thread (a watchdog's): the call that runs
   * fails with a {@link Trap} whose message is {@code reason}, at its next loop iteration or call
   * (Truffle's safepoints, which compiled wasm polls anyway: nothing is added to calls that are
   * never interrupted). Waits up to a second for the call to unwind; one that does not (a host
   * function blocked in I/O) is cancelled, which closes the store, without waiting for that host
   * function to return. Does nothing when no wasm runs.
   */
  public void interrupt(String reason) {
    interruption = reason;
    try {
      context.interrupt(Duration.ofSeconds(1));
    } catch (TimeoutException e) {
      // cancelling waits for the call to reach wasm again, which a host function stuck in native
      // code may not do for long: on a thread of its own, so the interrupter is free to go on
      Thread.ofPlatform().daemon().name("wasidl-cancel").start(this::cancel);
    } catch (IllegalStateException e) {
      // closed meanwhile: nothing runs any more
    }
  }

  private void cancel() {
    try {
      context.close(true);
    } catch (IllegalStateException e) {
      // closed meanwhile
    }
  }

  /** The trap a call into this store's wasm failed with ({@link #interrupt}'s reason if so). */
  Trap trap(PolyglotException e) {
    for (DeferredStores q : queues) {
      q.discard(); // what a drain the trap cut short left
    }
    String reason = interruption;
    if (reason != null && (e.isInterrupted() || e.isCancelled())) {
      return new Trap(reason, e);
    }
    return Traps.of(e);
  }

  void register(DeferredStores queue) {
    queues.add(queue);
  }

  /** The polyglot context, for applications that embed other languages next to wasm. */
  public Context context() {
    return context;
  }

  /**
   * Instantiates a core module with imports: functions, memories, tables and globals exported by
   * other instances of this store, and host functions.
   *
   * @throws MalformedModuleException if GraalWasm rejects the module's bytes
   * @throws UninstantiableException if an import is missing or mismatched, or initialization traps
   * @throws IllegalArgumentException if an import is an export of another store
   */
  public GraalInstance instantiate(GraalModule module, Imports imports) {
    IdentityHashMap<HostFunction, Value> adapted = adapters(imports);
    Map<String, Object> object = new HashMap<>();
    imports
        .modules()
        .forEach(
            (moduleName, names) -> {
              Map<String, Object> members = new HashMap<>();
              names.forEach(
                  (name, extern) ->
                      members.put(
                          name,
                          extern instanceof HostFunction f && adapted.containsKey(f)
                              ? adapted.get(f)
                              : polyglot(moduleName, name, extern)));
              object.put(moduleName, ProxyObject.fromMap(members));
            });
    return new GraalInstance(this, module.name(), newInstance(module, object));
  }

  /**
   * The store adapters' wrappers of the host functions among {@code imports} whose stores are
   * deferred: one adapter instance per queue, covering all of its functions.
   */
  private IdentityHashMap<HostFunction, Value> adapters(Imports imports) {
    Map<DeferredStores, List<HostFunction>> groups = new LinkedHashMap<>();
    imports
        .modules()
        .forEach(
            (module, names) ->
                names.forEach(
                    (name, extern) -> {
                      if (extern instanceof HostFunction f && f.drainedBy() != null) {
                        if (f.drainedBy().memory().store() != this) {
                          throw new IllegalArgumentException(
                              "import "
                                  + module
                                  + "."
                                  + name
                                  + " stores into a memory of another store");
                        }
                        List<HostFunction> g =
                            groups.computeIfAbsent(f.drainedBy(), q -> new ArrayList<>());
                        if (!g.contains(f)) {
                          g.add(f);
                        }
                      }
                    }));
    IdentityHashMap<HostFunction, Value> adapted = new IdentityHashMap<>();
    groups.forEach(
        (stores, functions) -> {
          Map<String, Object> fs = new HashMap<>();
          for (int i = 0; i < functions.size(); i++) {
            fs.put(Integer.toString(i), functions.get(i).hostObject());
          }
          GraalModule module =
              StoreAdapters.module(functions.stream().map(HostFunction::type).toList());
          Value exports =
              newInstance(
                  module,
                  Map.<String, Object>of(
                      "m",
                          ProxyObject.fromMap(
                              Map.<String, Object>of("memory", stores.memory().value())),
                      "s",
                          ProxyObject.fromMap(
                              Map.<String, Object>of(
                                  "next",
                                  stores,
                                  "allocating",
                                  stores.allocatingImport(),
                                  "allocated",
                                  stores.allocatedImport())),
                      "r",
                          ProxyObject.fromMap(
                              Map.<String, Object>of("realloc", stores.reallocImport())),
                      "f", ProxyObject.fromMap(fs)));
          for (int i = 0; i < functions.size(); i++) {
            adapted.put(functions.get(i), exports.getMember(Integer.toString(i)));
          }
        });
    return adapted;
  }

  private Value newInstance(GraalModule module, Map<String, Object> imports) {
    Value parsed = parse(module);
    try {
      return parsed.newInstance(ProxyObject.fromMap(imports)).getMember("exports");
    } catch (PolyglotException e) {
      if (e.isHostException() || e.isInterrupted() || e.isCancelled()) {
        throw trap(e); // a start function's trap, or one stopped by interrupt()
      }
      throw new UninstantiableException(
          "cannot instantiate core module '" + module.name() + "': " + e.getMessage(), e);
    }
  }

  /** Instantiates a core module that imports nothing. */
  public GraalInstance instantiate(GraalModule module) {
    return instantiate(module, Imports.none());
  }

  /**
   * Whether this store's engine accepts {@code module} (e.g. one with several memories, which needs
   * {@code wasm.MultiMemory}); a module it accepts stays parsed for later instantiations.
   */
  public boolean accepts(GraalModule module) {
    try {
      parse(module);
      return true;
    } catch (MalformedModuleException e) {
      return false;
    }
  }

  private Value parse(GraalModule module) {
    Value parsed = modules.get(module);
    if (parsed == null) {
      try {
        parsed = context.eval(module.source());
      } catch (PolyglotException e) {
        throw new MalformedModuleException(
            "GraalWasm rejects core module '" + module.name() + "': " + e.getMessage(), e);
      }
      modules.put(module, parsed);
    }
    return parsed;
  }

  private Object polyglot(String module, String name, Extern extern) {
    return switch (extern) {
      case HostFunction f -> f.hostObject();
      case GraalFunction f -> ownValue(module, name, f.store(), f.value());
      case GraalMemory m -> ownValue(module, name, m.store(), m.value());
      case GraalTable t -> ownValue(module, name, t.store(), t.value());
      case GraalGlobal g -> ownValue(module, name, g.store(), g.value());
    };
  }

  private Value ownValue(String module, String name, GraalStore owner, Value value) {
    if (owner != this) {
      throw new IllegalArgumentException(
          "import " + module + "." + name + " is an export of another store");
    }
    return value;
  }

  /** Closes the context, freeing its instances and memories. */
  @Override
  public void close() {
    context.close();
  }
}
