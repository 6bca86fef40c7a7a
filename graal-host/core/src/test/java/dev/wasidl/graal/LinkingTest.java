package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * provider.wat and consumer.wat linked as wit-component links its shim and fixup modules: the
 * consumer imports the provider's function, memory, table and globals, fills the table with its
 * elem segment and writes the memory with its data segment.
 */
class LinkingTest {
  private static final GraalModule PROVIDER = CoreModules.module("provider");
  private static final GraalModule CONSUMER = CoreModules.module("consumer");
  private static GraalRuntime runtime;

  static int seven() {
    return 7;
  }

  @BeforeAll
  static void start() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static HostFunction seven;

  private static HostFunction sevenFunction() throws ReflectiveOperationException {
    if (seven == null) {
      seven =
          HostFunction.of(
              new CoreType.Func(List.of(), List.of(CoreValType.I32)),
              MethodHandles.lookup()
                  .findStatic(LinkingTest.class, "seven", MethodType.methodType(int.class)));
    }
    return seven;
  }

  private static GraalInstance consumer(GraalStore store, GraalInstance provider)
      throws ReflectiveOperationException {
    return store.instantiate(
        CONSUMER,
        Imports.builder()
            .define("provider", provider)
            .define("host", "seven", sevenFunction())
            .build());
  }

  @Test
  void exportsHaveTheirKinds() {
    try (GraalStore store = runtime.newStore()) {
      GraalInstance provider = store.instantiate(PROVIDER);
      assertEquals(
          Set.of("add", "call_slot", "load", "get_counter", "mem", "tab", "counter", "base"),
          provider.exportNames());
      assertInstanceOf(GraalFunction.class, provider.export("add").orElseThrow());
      assertInstanceOf(GraalMemory.class, provider.export("mem").orElseThrow());
      assertInstanceOf(GraalTable.class, provider.export("tab").orElseThrow());
      assertInstanceOf(GraalGlobal.class, provider.export("counter").orElseThrow());
      assertTrue(provider.export("nope").isEmpty());
      assertTrue(provider.function("mem").isEmpty());
    }
  }

  @Test
  void consumerFillsTheProvidersTableWithItsOwnAndHostFunctions() throws Exception {
    try (GraalStore store = runtime.newStore()) {
      GraalInstance provider = store.instantiate(PROVIDER);
      consumer(store, provider);
      GraalFunction callSlot = provider.function("call_slot").orElseThrow();
      assertEquals(42, callSlot.callInt(0)); // the consumer's own function
      assertEquals(7, callSlot.callInt(1)); // the host function the consumer imported
      assertEquals(101, callSlot.callInt(2)); // the consumer's function reading the imported global
      Trap empty = assertThrows(Trap.class, () -> callSlot.call(3));
      assertTrue(empty.getMessage().contains("uninitialized"), empty.getMessage());
    }
  }

  @Test
  void mutableGlobalIsShared() throws Exception {
    try (GraalStore store = runtime.newStore()) {
      GraalInstance provider = store.instantiate(PROVIDER);
      GraalInstance consumer = consumer(store, provider);
      GraalGlobal counter = provider.global("counter").orElseThrow();
      assertEquals(5, counter.get().asInt());
      // counter 5 + 3 = 8, then provider.add(8, base 100)
      assertEquals(108, consumer.function("bump").orElseThrow().callInt(3));
      assertEquals(8, provider.function("get_counter").orElseThrow().callInt());
      counter.set(20);
      assertEquals(121, consumer.function("bump").orElseThrow().callInt(1));
      assertEquals(100, provider.global("base").orElseThrow().get().asInt());
      assertThrows(Trap.class, () -> provider.global("base").orElseThrow().set(1));
    }
  }

  @Test
  void memoryIsShared() throws Exception {
    try (GraalStore store = runtime.newStore()) {
      GraalInstance provider = store.instantiate(PROVIDER);
      GraalInstance consumer = consumer(store, provider);
      GraalFunction load = provider.function("load").orElseThrow();
      assertEquals(42, load.callInt(16)); // the consumer's data segment
      consumer.function("store").orElseThrow().call(64, 0x12345678);
      assertEquals(0x12345678, load.callInt(64));
      assertEquals(0x12345678, provider.memory("mem").orElseThrow().loadI32(64));
    }
  }

  @Test
  void everyInstanceHasFreshState() throws Exception {
    try (GraalStore store = runtime.newStore()) {
      GraalInstance first = store.instantiate(PROVIDER);
      consumer(store, first);
      GraalInstance second = store.instantiate(PROVIDER);
      assertEquals(42, first.function("call_slot").orElseThrow().callInt(0));
      assertThrows(Trap.class, () -> second.function("call_slot").orElseThrow().call(0));
      assertEquals(0, second.function("load").orElseThrow().callInt(16));
    }
  }

  @Test
  void modulesAreSharedAcrossStores() throws Exception {
    try (GraalStore a = runtime.newStore();
        GraalStore b = runtime.newStore()) {
      GraalInstance pa = a.instantiate(PROVIDER);
      GraalInstance pb = b.instantiate(PROVIDER);
      consumer(a, pa);
      consumer(b, pb).function("bump").orElseThrow().call(10);
      assertEquals(5, pa.function("get_counter").orElseThrow().callInt());
      assertEquals(15, pb.function("get_counter").orElseThrow().callInt());
    }
  }

  @Test
  void exportsOfAnotherStoreAreRejected() {
    try (GraalStore a = runtime.newStore();
        GraalStore b = runtime.newStore()) {
      GraalInstance pa = a.instantiate(PROVIDER);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  b.instantiate(
                      CONSUMER,
                      Imports.builder()
                          .define("provider", pa)
                          .define("host", "seven", sevenFunction())
                          .build()));
      assertTrue(e.getMessage().contains("another store"), e.getMessage());
    }
  }

  @Test
  void missingImportIsUninstantiable() {
    try (GraalStore store = runtime.newStore()) {
      UninstantiableException e =
          assertThrows(UninstantiableException.class, () -> store.instantiate(CONSUMER));
      assertTrue(e.getMessage().contains("consumer"), e.getMessage());
    }
  }

  @Test
  void duplicateImportIsRejected() throws Exception {
    Imports.Builder builder = Imports.builder().define("host", "seven", sevenFunction());
    assertThrows(
        IllegalArgumentException.class, () -> builder.define("host", "seven", sevenFunction()));
  }

  @Test
  void malformedModuleIsRejected() {
    try (GraalStore store = runtime.newStore()) {
      GraalModule bad = GraalModule.of("bad", new byte[] {0, 'a', 's', 'm', 9, 0, 0, 0});
      MalformedModuleException e =
          assertThrows(MalformedModuleException.class, () -> store.instantiate(bad));
      assertTrue(e.getMessage().contains("bad"), e.getMessage());
    }
  }
}
