package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.nativetests.Natives.dd;
import static dev.wasidl.nativetests.Natives.fn;
import static dev.wasidl.nativetests.Natives.leaves;
import static dev.wasidl.nativetests.Natives.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.ffm.Callback;
import dev.wasidl.ffm.CallbackException;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.IncomingValue;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.Signature;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Structs by value take their bytes from a per-thread scratch stack reused by every call: a result
 * must own its values, a callback calling C again during a struct call must not overwrite the outer
 * call's frame, a callback that throws must release its frame, and threads must not share one.
 */
class StructFrameTest {
  private static final String DD = CStructs.DD.witName();
  private static final String LLL = "struct{c-long, c-long, c-long}";
  private static Library structs;
  private static Library pointers;
  private static Function addDd;
  private static Function addLll;
  private static Function applyDd;

  @BeforeAll
  static void open() {
    structs = Natives.open("wasidl_structs");
    pointers = Natives.open("wasidl_pointers");
    addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    addLll = fn(structs, "add_lll", "(" + LLL + ", " + LLL + ") -> " + LLL);
    applyDd = fn(pointers, "apply_dd", "(pointer, " + DD + ") -> c-double");
  }

  @AfterAll
  static void close() {
    pointers.close();
    structs.close();
  }

  private static OutgoingStruct lll(long a, long b, long c) {
    return OutgoingStruct.of(
        OutgoingPrimitive.ofSigned(C_LONG, a),
        OutgoingPrimitive.ofSigned(C_LONG, b),
        OutgoingPrimitive.ofSigned(C_LONG, c));
  }

  private static List<Double> call(Function f, OutgoingStruct a, OutgoingStruct b) {
    return leaves(f.call(a, b).orElseThrow());
  }

  @Test
  void aStructResultKeepsItsValuesAfterLaterCalls() {
    IncomingValue first = addDd.call(dd(1.5, 2.5), dd(0.25, 4)).orElseThrow();
    IncomingValue big = addLll.call(lll(1, 2, 3), lll(10, 20, 30)).orElseThrow();
    for (int i = 0; i < 100; i++) {
      addDd.call(dd(-i, i), dd(1e9, -1e9));
      addLll.call(lll(-i, -i, -i), lll(7, 8, 9));
    }
    assertEquals(List.of(1.75, 6.5), leaves(first));
    assertEquals(List.of(11.0, 22.0, 33.0), leaves(big));
    assertEquals(1.75, ((IncomingStruct) first).primitive(0).getF64());
  }

  @Test
  void aCallbackCallingStructFunctionsDuringAStructCallSeesItsOwnFrames() {
    try (Arena arena = Arena.ofConfined()) {
      List<String> failures = new ArrayList<>();
      Callback[] self = new Callback[1];
      int[] depth = {0};
      // cb(x) = x + {1, 2}, computed through add_dd; above depth 3 it also runs apply_dd(cb, x)
      // again, so three struct calls are in flight on this thread at once.
      self[0] =
          Callback.of(
              Signature.parse("(" + DD + ") -> " + DD),
              args -> {
                List<Double> x = leaves(args.get(0));
                depth[0]++;
                try {
                  if (depth[0] < 4) {
                    double inner =
                        ret(applyDd.call(self[0].pointer(), dd(x.get(0) * 10, x.get(1) * 10)))
                            .getF64();
                    double expected = x.get(0) * 10 + 1 + x.get(1) * 10 + 2;
                    if (inner != expected) {
                      failures.add("depth " + depth[0] + ": " + inner + " != " + expected);
                    }
                  }
                  List<Double> sum = call(addDd, dd(x.get(0), x.get(1)), dd(1, 2));
                  return Optional.of(dd(sum.get(0), sum.get(1)));
                } finally {
                  depth[0]--;
                }
              },
              arena);
      for (int round = 0; round < 50; round++) {
        assertEquals(10 + 1 + 20 + 2, ret(applyDd.call(self[0].pointer(), dd(10, 20))).getF64());
        assertEquals(List.of(), failures);
        // and the frames were released: a plain call still sees its own arguments
        assertEquals(List.of(3.0, 5.0), call(addDd, dd(1, 2), dd(2, 3)));
      }
    }
  }

  @Test
  void aCallbackThatThrowsReleasesTheFramesOfTheCallsItInterrupted() {
    try (Arena arena = Arena.ofConfined()) {
      Callback boom =
          Callback.of(
              Signature.parse("(" + DD + ") -> " + DD),
              args -> {
                // a struct call inside the failing callback, then the failure
                call(addLll, lll(1, 1, 1), lll(2, 2, 2));
                throw new IllegalStateException("boom");
              },
              arena);
      // far more failed calls than a scratch chunk holds frames: a leaked frame would show as
      // corrupted results or an exhausted stack below
      for (int i = 0; i < 5_000; i++) {
        CallbackException e =
            assertThrows(CallbackException.class, () -> applyDd.call(boom.pointer(), dd(1, 2)));
        assertEquals("boom", e.getCause().getMessage());
      }
      assertEquals(List.of(3.0, 5.0), call(addDd, dd(1, 2), dd(2, 3)));
      assertEquals(List.of(5.0, 7.0, 9.0), call(addLll, lll(1, 2, 3), lll(4, 5, 6)));
    }
  }

  @Test
  void threadsDoNotShareFrames() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long id = t + 1L;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    List<Double> r = call(addLll, lll(id, i, -id), lll(id * 1000, -i, i));
                    List<Double> expected = List.of(id * 1001.0, 0.0, (double) (i - id));
                    if (!r.equals(expected)) {
                      throw new AssertionError("thread " + id + " call " + i + ": " + r);
                    }
                    List<Double> d = call(addDd, dd((double) id, i), dd(0.5, 0.25));
                    if (!d.equals(List.of((double) id + 0.5, i + 0.25))) {
                      throw new AssertionError("thread " + id + " call " + i + ": " + d);
                    }
                  }
                  return 1;
                }));
      }
      for (Future<Integer> f : done) {
        assertEquals(1, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
