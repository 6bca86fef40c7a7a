package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@link GraalStore#interrupt} of a call blocked in a host function (host.wat's {@code tick}, busy
 * here and deaf to thread interrupts): the interrupt gives up waiting after a second and cancels
 * the store without waiting for the host function, so the thread calling it (a time limit's one
 * watchdog) is not held for as long as the host blocks; the call fails with the interrupt's reason
 * once the host function returns.
 */
class StoreInterruptTest {
  private static final long BLOCK_MILLIS = 3000;
  private static final CountDownLatch IN_HOST = new CountDownLatch(1);

  /** Busy for a while, deaf to thread interrupts: as a host function stuck in native code. */
  @SuppressWarnings("unused") // through the method handle
  private static void block() {
    IN_HOST.countDown();
    long end = System.nanoTime() + BLOCK_MILLIS * 1_000_000;
    while (System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aCallBlockedInTheHostIsCancelledWithoutHoldingTheInterrupter() throws Exception {
    HostFunction zero = HostFunction.ofProxy(new CoreType.Func(List.of(), List.of()), args -> 0);
    HostFunction blocking =
        HostFunction.of(
            new CoreType.Func(List.of(), List.of()),
            MethodHandles.lookup()
                .findStatic(StoreInterruptTest.class, "block", MethodType.methodType(void.class)));
    Imports.Builder imports = Imports.builder();
    for (String name : List.of("add", "mix", "mul_wide", "half", "record", "check")) {
      imports.define("env", name, zero);
    }
    imports.define("env", "tick", blocking);
    try (GraalRuntime runtime = GraalRuntime.create()) {
      GraalStore store = runtime.newStore();
      GraalFunction tick =
          store
              .instantiate(CoreModules.module("host"), imports.build())
              .function("call_tick_twice")
              .orElseThrow();
      CompletableFuture<Throwable> call =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  tick.call();
                  return null;
                } catch (Throwable t) {
                  return t;
                }
              });
      IN_HOST.await();
      long start = System.nanoTime();
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> store.interrupt("stopped: too slow"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < BLOCK_MILLIS - 1000, "interrupt held its caller for " + millis + " ms");
      Throwable failure = call.get();
      assertTrue(failure instanceof Trap, String.valueOf(failure));
      assertEquals("stopped: too slow", failure.getMessage());
    }
  }
}
