package dev.wasidl.runtime;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.Val;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run in a JVM of its own with a small heap ({@link HandleLimitTest}): resources-wat makes handles
 * (its export make is a {@code resource.new}) until it traps, with the linker's default limit; then
 * a new instance works. Prints "made N", the trap's message and "after: ok".
 */
public final class HandleBomb {
  private HandleBomb() {}

  public static void main(String[] args) throws Exception {
    byte[] guest = Files.readAllBytes(Path.of(args[0]));
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = Linker.of(runtime).func("reenter", (cx, a) -> Optional.empty());
      Component c = Component.of("resources", guest);
      System.out.println("default " + Linker.defaultMaxHandles());
      long made = 0;
      try (Instance bomb = linker.instantiate(c)) {
        Func make = bomb.func("make").orElseThrow();
        try {
          while (true) {
            make.call(new Val.U32(made));
            made++;
          }
        } catch (Trap t) {
          System.out.println("made " + made);
          System.out.println("trap: " + t.getMessage());
        }
      }
      try (Instance after = linker.instantiate(c)) {
        Optional<Val> h = after.func("make").orElseThrow().call(new Val.U32(1));
        System.out.println("after: " + (h.equals(Optional.of(new Val.U32(1))) ? "ok" : h));
      }
    }
  }
}
