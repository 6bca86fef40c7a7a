package dev.wasidl.cli;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * The wasm frames of a trap, innermost first, as GraalWasm reports them: the function's name from
 * the module's name section when it has one, and the module GraalWasm parsed it from.
 */
record GuestBacktrace(List<Frame> frames) {
  /** One wasm frame. */
  record Frame(String function, String module) {
    @Override
    public String toString() {
      return module.isEmpty() ? function : module + "!" + function;
    }
  }

  GuestBacktrace {
    frames = List.copyOf(frames);
  }

  /**
   * The guest frames of {@code t}: of the {@link PolyglotException} among its causes (a wasm trap)
   * or suppressed exceptions (a host trap unwinding wasm, see dev.wasidl.graal.Traps); the one with
   * the most frames when there are several (a trap crossing several wasm entries).
   */
  static GuestBacktrace of(Throwable t) {
    List<Frame> best = List.of();
    for (Throwable c = t; c != null; c = c.getCause()) {
      List<Throwable> candidates = new ArrayList<>(List.of(c.getSuppressed()));
      candidates.add(c);
      for (Throwable x : candidates) {
        if (x instanceof PolyglotException p) {
          List<Frame> frames = frames(p);
          if (frames.size() > best.size()) {
            best = frames;
          }
        }
      }
    }
    return new GuestBacktrace(best);
  }

  private static List<Frame> frames(PolyglotException p) {
    List<Frame> frames = new ArrayList<>();
    for (PolyglotException.StackFrame f : p.getPolyglotStackTrace()) {
      String name = f.getRootName();
      // GraalWasm's own frames: entry stubs for calls from Java
      // (wasm-function-interop:(i32)->(i32)) and the call of a host function
      // (wasm-function:execute).
      if (!f.isGuestFrame() || (name != null && name.startsWith("wasm-function"))) {
        continue;
      }
      SourceSection s = f.getSourceLocation();
      String module = s == null ? "" : s.getSource().getName();
      // A function without a name-section name: GraalWasm names it by its index.
      String function =
          name == null
              ? "<unknown>"
              : name.chars().allMatch(Character::isDigit) ? "<wasm function " + name + ">" : name;
      frames.add(new Frame(function, module));
    }
    return frames;
  }
}
