package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runtime composition ({@link Linker#plug}): plug-provider-wat, an instance of its own (own store),
 * satisfies plug-consumer-wat's import of test:plug/counters@0.1.0. Functions, strings, own and
 * borrowed handles of the provider's resource type cross the two instances; destructors run in the
 * provider; closing either side leaves the other sound.
 */
class PluggingTest {
  private static final String COUNTERS = "test:plug/counters@0.1.0";
  private static GraalRuntime runtime;
  private static Component provider;
  private static Component consumer;

  /** What the provider's import "hook" does: by default nothing. */
  private final AtomicReference<Runnable> hook = new AtomicReference<>(() -> {});

  private Instance plugin;
  private Linker linker;

  @BeforeAll
  static void load() {
    runtime = GraalRuntime.create();
    provider = Component.of("plug-provider", TypesGuestTest.guest("plug-provider-wat.wasm"));
    consumer = Component.of("plug-consumer", TypesGuestTest.guest("plug-consumer-wat.wasm"));
  }

  @AfterAll
  static void unload() {
    runtime.close();
  }

  @BeforeEach
  void setUp() {
    Linker host = Linker.of(runtime);
    host.func(
        "hook",
        (cx, args) -> {
          hook.get().run();
          return Optional.empty();
        });
    plugin = host.instantiate(provider);
    linker = Linker.of(runtime).plug(plugin);
  }

  @AfterEach
  void tearDown() {
    plugin.close();
  }

  private static long call(Instance app, String name, long... args) {
    Val[] vals = new Val[args.length];
    for (int i = 0; i < args.length; i++) {
      vals[i] = new Val.U32(args[i]);
    }
    return app.func(name).orElseThrow().call(vals).map(v -> ((Val.U32) v).value()).orElse(-1L);
  }

  private long dropped() {
    return plugin
        .func(COUNTERS, "dropped")
        .orElseThrow()
        .call()
        .map(v -> ((Val.U32) v).value())
        .orElseThrow();
  }

  @Test
  void functionsAndStringsCrossInstances() {
    try (Instance app = linker.instantiate(consumer)) {
      long h = call(app, "make", 40);
      assertEquals(1, h, "the app's own handle table holds the provider's counter");
      assertEquals(42, call(app, "add", h, 2), "a borrow, lowered into the provider as its rep");
      assertEquals(42, call(app, "get", h));
      assertEquals(
          Optional.of(new Val.U32(11)),
          app.func("len").orElseThrow().call(new Val.Str("hello, plug")),
          "lifted from the app's memory, lowered into the provider's with its realloc");
    }
  }

  @Test
  void ownHandlesMoveAndDestructorsRunInTheProvider() {
    try (Instance app = linker.instantiate(consumer)) {
      long a = call(app, "make", 7);
      long b = call(app, "make", 9);
      assertEquals(0, dropped());
      assertEquals(7, call(app, "consume", a), "the provider got the handle and dropped it");
      assertEquals(1, dropped());
      try (Instance app2 = linker.instantiate(consumer)) {
        long c = call(app2, "make", 1);
        call(app2, "drop", c);
        assertEquals(2, dropped(), "the app's resource.drop ran the provider's destructor");
        assertEquals(9, call(app, "get", b), "other handles are intact");
      }
      Trap gone = assertThrows(Trap.class, () -> call(app, "get", a));
      assertEquals("unknown handle index 1", gone.getMessage(), "the handle moved out");
    }
  }

  @Test
  void twoAppsShareOnePluginAndClosingOneLeavesItUsable() {
    Instance first = linker.instantiate(consumer);
    try (Instance second = linker.instantiate(consumer)) {
      long h1 = call(first, "make", 100);
      long h2 = call(second, "make", 200);
      assertEquals(1, h1);
      assertEquals(1, h2, "each app has its own handle table");
      assertEquals(101, call(first, "add", h1, 1));
      assertEquals(202, call(second, "add", h2, 2));
      first.close();
      assertTrue(first.isClosed());
      assertFalse(plugin.isClosed(), "closing an app does not close its plugin");
      assertEquals(204, call(second, "add", h2, 2));
      assertEquals(1, dropped(), "closing the first app dropped the counter it owned");
      call(second, "drop", h2);
      assertEquals(2, dropped());
      first.close();
      assertEquals(2, dropped(), "closing twice drops nothing more");
    }
  }

  /**
   * Apps on two threads share one plugin: their calls into it take turns (an instance runs one call
   * at a time) instead of failing; every call returns its own result.
   */
  @Test
  void appsOnTwoThreadsTakeTurnsInTheSharedPlugin() throws Exception {
    int calls = 300;
    try (Instance first = linker.instantiate(consumer);
        Instance second = linker.instantiate(consumer);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      java.util.function.Function<Instance, java.util.concurrent.Callable<Long>> work =
          app ->
              () -> {
                long h = call(app, "make", 0);
                long sum = 0;
                for (int i = 0; i < calls; i++) {
                  sum += call(app, "add", h, 1);
                  assertEquals(
                      Optional.of(new Val.U32(11)),
                      app.func("len").orElseThrow().call(new Val.Str("hello, plug")));
                }
                return sum;
              };
      var a = pool.submit(work.apply(first));
      var b = pool.submit(work.apply(second));
      long expected = (long) calls * (calls + 1) / 2; // each app's own counter: 1, 2, ... calls
      assertEquals(expected, a.get(120, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(expected, b.get(120, java.util.concurrent.TimeUnit.SECONDS));
    }
  }

  @Test
  void aClosedPluginTrapsItsImporters() {
    try (Instance app = linker.instantiate(consumer);
        Instance other = linker.instantiate(consumer)) {
      long h = call(app, "make", 5);
      long h2 = call(other, "make", 6);
      plugin.close();
      Trap t = assertThrows(Trap.class, () -> call(app, "get", h));
      assertTrue(t.getMessage().contains("it was closed"), t.getMessage());
      assertTrue(t.getMessage().contains("plug-provider"), t.getMessage());
      Trap drop = assertThrows(Trap.class, () -> call(other, "drop", h2));
      assertTrue(drop.getMessage().contains("it was closed"), drop.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Linker.of(runtime).plug(plugin));
    }
  }

  @Test
  void aTrapInThePluginPoisonsBothInstancesButNotOthers() {
    try (Instance app = linker.instantiate(consumer)) {
      Trap t = assertThrows(Trap.class, () -> call(app, "fail"));
      assertTrue(t.getMessage().contains("unreachable"), t.getMessage());
      Trap again = assertThrows(Trap.class, () -> call(app, "noop"));
      assertTrue(again.getMessage().contains("trapped earlier"), again.getMessage());
      Trap plug = assertThrows(Trap.class, () -> call(plugin, COUNTERS, "dropped"));
      assertTrue(plug.getMessage().contains("trapped earlier"), plug.getMessage());
    }
  }

  private static long call(Instance instance, String iface, String name) {
    return instance
        .func(iface, name)
        .orElseThrow()
        .call()
        .map(v -> ((Val.U32) v).value())
        .orElseThrow();
  }

  @Test
  void thePluginCallingBackIntoItsCallerTrapsAsReentrance() {
    try (Instance app = linker.instantiate(consumer)) {
      hook.set(() -> call(app, "noop"));
      Trap t = assertThrows(Trap.class, () -> call(app, "callback"));
      assertTrue(t.getMessage().contains("reentrance"), t.getMessage());
      assertTrue(t.getMessage().contains("plug-consumer"), t.getMessage());
    }
  }

  @Test
  void importsAreCheckedAgainstThePluginsTypes() {
    Linker l = Linker.of(runtime);
    l.instance(COUNTERS);
    IllegalArgumentException clash =
        assertThrows(IllegalArgumentException.class, () -> l.plug(plugin));
    assertTrue(clash.getMessage().contains("already defined by the host"), clash.getMessage());
    Linker twice = Linker.of(runtime).plug(plugin);
    IllegalArgumentException again =
        assertThrows(IllegalArgumentException.class, () -> twice.plug(plugin));
    assertTrue(again.getMessage().contains("the plugin plug-provider"), again.getMessage());
    IllegalArgumentException hostAfter =
        assertThrows(IllegalArgumentException.class, () -> twice.instance(COUNTERS));
    assertTrue(hostAfter.getMessage().contains("plug-provider"), hostAfter.getMessage());
    // the provider itself imports "hook", not an interface: plugging the consumer is refused
    try (Instance app = linker.instantiate(consumer)) {
      IllegalArgumentException none =
          assertThrows(IllegalArgumentException.class, () -> Linker.of(runtime).plug(app));
      assertTrue(none.getMessage().contains("exports no interface"), none.getMessage());
    }
    // the consumer imported under another interface name does not link to a wrong plugin export
    Linker renamed = Linker.of(runtime).plug("test:plug/other@0.1.0", plugin, COUNTERS);
    UnlinkableException missing =
        assertThrows(UnlinkableException.class, () -> renamed.instantiate(consumer));
    assertTrue(missing.getMessage().contains(COUNTERS), missing.getMessage());
  }

  @Test
  void anImportOfAnotherTypeOrAMissingMemberIsRefusedAtInstantiation() {
    UnlinkableException type =
        assertThrows(
            UnlinkableException.class,
            () ->
                linker.instantiate(
                    Component.of("wrong-type", TypesGuestTest.guest("plug-wrong-type-wat.wasm"))));
    assertEquals(
        "import test:plug/counters@0.1.0#dropped has type func() -> u64 but the plugin"
            + " plug-provider (its export test:plug/counters@0.1.0) exports a function of type"
            + " func() -> u32",
        type.getMessage());
    UnlinkableException name =
        assertThrows(
            UnlinkableException.class,
            () ->
                linker.instantiate(
                    Component.of("wrong-name", TypesGuestTest.guest("plug-wrong-name-wat.wasm"))));
    assertEquals(
        "import test:plug/counters@0.1.0 needs reset, which the plugin plug-provider (its export"
            + " test:plug/counters@0.1.0) lacks",
        name.getMessage());
  }

  @Test
  void aPreChecksPluggedImportsAndMakesAppsThatShareThePlugin() {
    for (String wrong : List.of("plug-wrong-type-wat.wasm", "plug-wrong-name-wat.wasm")) {
      Component c = Component.of(wrong, TypesGuestTest.guest(wrong));
      assertEquals(
          assertThrows(UnlinkableException.class, () -> linker.instantiate(c)).getMessage(),
          assertThrows(UnlinkableException.class, () -> linker.instantiatePre(c)).getMessage());
    }
    InstancePre pre = linker.instantiatePre(consumer);
    try (Instance a = pre.instantiate();
        Instance b = pre.instantiate()) {
      long ha = call(a, "make", 40);
      long hb = call(b, "make", 7);
      assertEquals(1, ha, "each app has its own handle table");
      assertEquals(1, hb);
      assertEquals(42, call(a, "add", ha, 2));
      assertEquals(7, call(b, "get", hb));
    }
  }
}
