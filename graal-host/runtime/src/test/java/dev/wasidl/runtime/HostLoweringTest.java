package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.HostCall;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Primitive;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A compiled lowering is found when the linker defines it, against the function's flat core
 * signature: bindings generated for another WIT fail there, naming the method and the signature
 * they should have, not at a guest's first call.
 */
class HostLoweringTest {
  private static GraalRuntime runtime;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static final FuncType ADD =
      new FuncType(
          List.of(new FuncType.Param("a", Primitive.U32), new FuncType.Param("b", Primitive.U32)),
          Optional.of(Primitive.U32));

  @SuppressWarnings("unused") // found by the lookup
  private static int lower$add(Function<Object, ?> host, HostCall cx, int a, int b) {
    return a + b;
  }

  @SuppressWarnings("unused") // found by the lookup, at the wrong type
  private static long lower$wide(Function<Object, ?> host, HostCall cx, int a, int b) {
    return (long) a + b;
  }

  private static HostLowering lowering(String method) {
    return new HostLowering(MethodHandles.lookup(), method, data -> data);
  }

  @Test
  void aMethodOfTheFlatSignatureIsTaken() {
    Linker linker = Linker.of(runtime);
    linker
        .instance("t:l/i")
        .func("add", ADD, (cx, args) -> Optional.empty(), lowering("lower$add"));
    assertTrue(linker.instance("t:l/i").func("add").orElseThrow().lowering() != null);
  }

  @Test
  void aMissingOrMistypedMethodIsRefusedWhenDefined() {
    LinkerInstance li = Linker.of(runtime).instance("t:l/i");
    for (String method : List.of("lower$missing", "lower$wide")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> li.func("add", ADD, (cx, args) -> Optional.empty(), lowering(method)));
      assertEquals(
          "the compiled lowering of add is not dev.wasidl.runtime.HostLoweringTest."
              + method
              + "(Function,HostCall,int,int)int: regenerate the bindings",
          e.getMessage());
    }
  }
}
