package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.nativetests.Natives.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many threads calling through the same cached handles, on the raw and the struct paths. */
class ConcurrencyTest {

  @Test
  void sharedFunctionsGiveEveryThreadItsOwnResults() throws Exception {
    try (Library prims = Natives.open("wasidl_prims");
        Library structs = Natives.open("wasidl_structs")) {
      Function add = fn(prims, "add", "(c-int, c-int) -> c-int");
      Function mix = fn(prims, "mix", "(c-double, c-int, c-long, c-float) -> c-double");
      String dd = CStructs.DD.witName();
      Function addDd = fn(structs, "add_dd", "(" + dd + ", " + dd + ") -> " + dd);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int id = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 5_000; i++) {
                      assertEquals(id * 100_000 + i, add.invokeRaw(new long[] {id * 100_000L, i}));
                      long bits =
                          mix.invokeRaw(
                              new long[] {
                                Double.doubleToRawLongBits(0.5),
                                id,
                                i,
                                Float.floatToRawIntBits(0.25f)
                              });
                      assertEquals(0.75 + id + i, Double.longBitsToDouble(bits));
                      IncomingStruct r =
                          (IncomingStruct)
                              addDd
                                  .call(
                                      OutgoingStruct.of(
                                          OutgoingPrimitive.ofDouble(C_DOUBLE, id),
                                          OutgoingPrimitive.ofDouble(C_DOUBLE, i)),
                                      OutgoingStruct.of(
                                          OutgoingPrimitive.ofDouble(C_DOUBLE, 0.5),
                                          OutgoingPrimitive.ofDouble(C_DOUBLE, -i)))
                                  .orElseThrow();
                      assertEquals(id + 0.5, r.primitive(0).getF64());
                      assertEquals(0.0, r.primitive(1).getF64());
                    }
                    return null;
                  }));
        }
        for (Future<Void> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(C_INT, add.signature().result().orElseThrow());
    }
  }
}
