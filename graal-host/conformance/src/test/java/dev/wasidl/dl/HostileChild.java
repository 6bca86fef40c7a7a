package dev.wasidl.dl;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Linker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main of a JVM of its own (see {@link HostileProcess}) that runs calls of the hostile guest in
 * order on one {@link HostileGuest}, for the cases that crash or exhaust the host today:
 *
 * <pre>
 * HostileChild [--allow RULE]... [--pins FILE] [--getenv NAME] CALL...
 * </pre>
 *
 * <p>Prints one line per call before making it ({@code call\tTEXT}) and one after ({@code
 * KIND\tDETAIL\tLAST-ERROR}, tabs and newlines escaped), flushed, so a crash shows which call it
 * was. {@code $N} in a call stands for the ok payload of call N (0-based): {@code read-u64-at($0)}.
 * With {@code --getenv NAME} it prints {@code getenv\tVALUE} (the C library's, not Java's cached
 * copy) at the end, {@code getenv\t(null)} when unset. Exit 0 once every call has run.
 */
public final class HostileChild {
  private static final Pattern REF = Pattern.compile("\\$(\\d+)");

  private HostileChild() {}

  public static void main(String[] args) throws Throwable {
    DlPolicy.Builder policy = DlPolicy.builder();
    String getenv = null;
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--allow" -> policy.allow(args[++i]);
        case "--pins" -> {
          Path file = Path.of(args[++i]);
          DlPolicy.parsePins(file.toString(), Files.readString(file))
              .forEach((symbol, sig) -> policy.pin("*", symbol, sig));
          policy.pinnedOnly();
        }
        case "--getenv" -> getenv = args[++i];
        default -> calls.add(args[i]);
      }
    }
    List<String> oks = new ArrayList<>();
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = Linker.of(runtime);
      WasiDl.add(linker);
      try (HostileGuest guest = new HostileGuest(linker, policy.build())) {
        for (String call : calls) {
          String text = substitute(call, oks);
          print("call", text);
          HostileGuest.Outcome o = guest.call(text);
          oks.add(o.kind() == HostileGuest.Kind.OK ? o.detail() : "");
          print(o.kind().name(), o.detail(), o.lastError().orElse(""));
        }
      }
    }
    if (getenv != null) {
      print("getenv", nativeGetenv(getenv));
    }
  }

  private static String substitute(String call, List<String> oks) {
    Matcher m = REF.matcher(call);
    return m.replaceAll(r -> Matcher.quoteReplacement(oks.get(Integer.parseInt(r.group(1)))));
  }

  private static void print(String... fields) {
    List<String> escaped = new ArrayList<>();
    for (String f : fields) {
      escaped.add(f.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
    }
    System.out.println(String.join("\t", escaped));
    System.out.flush();
  }

  /**
   * NAME's value in the process's own environment block ({@code /proc/self/environ}: the memory
   * {@code environ}'s strings live in, what native code sees; Java's System.getenv is a copy).
   */
  private static String nativeGetenv(String name) throws IOException {
    String block = new String(Files.readAllBytes(Path.of("/proc/self/environ")), UTF_8);
    for (String entry : block.split("\0", -1)) {
      if (entry.startsWith(name + "=")) {
        return entry.substring(name.length() + 1);
      }
    }
    return "(null)";
  }
}
