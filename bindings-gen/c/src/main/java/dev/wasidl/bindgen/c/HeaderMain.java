package dev.wasidl.bindgen.c;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: a C header to wasi:dl signatures, a policy pin file and Java FFM bindings.
 *
 * <pre>
 * HeaderMain --header zlib.h [--function crc32 ...] [--variable name ...] [--struct name ...]
 *            [--pins out.pins] [--java out/dir --package p --class C [--library libz.so.1 ...]]
 *            [--clang-arg -Idir ...]
 * </pre>
 *
 * Without {@code --function}, {@code --variable} and {@code --struct} it takes every function,
 * variable and struct the header file itself declares (not its includes), and reports on stderr
 * those wasi:dl cannot express. Variables become data pins ({@code counter: data c-int}). The pins
 * are printed on stdout unless {@code --pins} is given. Exit status: 0, 1 on an error (one message
 * on stderr), 2 on a usage error.
 */
public final class HeaderMain {
  private static final String USAGE =
      "usage: HeaderMain --header file.h [--function name]... [--variable name]..."
          + " [--struct name]... [--pins out.pins]"
          + " [--java dir --package p --class C [--library lib]...] [--clang-arg arg]...";

  private HeaderMain() {}

  /** Runs and exits with the status. */
  public static void main(String[] args) {
    int status = run(List.of(args), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs with these arguments and streams; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Optional<Path> header = Optional.empty();
    Optional<Path> pins = Optional.empty();
    Optional<Path> java = Optional.empty();
    String packageName = "";
    Optional<String> className = Optional.empty();
    List<String> functions = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    List<String> structs = new ArrayList<>();
    List<String> libraries = new ArrayList<>();
    List<String> clangArgs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      }
      if (i + 1 >= args.size()) {
        err.println(a.startsWith("--") ? a + " needs a value" : "unexpected " + a);
        err.println(USAGE);
        return 2;
      }
      String v = args.get(++i);
      switch (a) {
        case "--header" -> header = Optional.of(Path.of(v));
        case "--function" -> functions.addAll(split(v));
        case "--variable" -> variables.addAll(split(v));
        case "--struct" -> structs.addAll(split(v));
        case "--pins" -> pins = Optional.of(Path.of(v));
        case "--java" -> java = Optional.of(Path.of(v));
        case "--package" -> packageName = v;
        case "--class" -> className = Optional.of(v);
        case "--library" -> libraries.add(v);
        case "--clang-arg" -> clangArgs.add(v);
        default -> {
          err.println("unknown option " + a);
          err.println(USAGE);
          return 2;
        }
      }
    }
    if (header.isEmpty() || java.isPresent() != className.isPresent()) {
      err.println(header.isEmpty() ? "--header is required" : "--java and --class go together");
      err.println(USAGE);
      return 2;
    }
    try {
      Selection selection =
          CHeader.read(header.get(), clangArgs).select(functions, variables, structs);
      selection.skipped().forEach(s -> err.println("skipped: " + s));
      PinFile pinFile = PinFile.of(selection.functions(), selection.variables());
      String comment =
          "wasi:dl signatures from " + selection.header() + " (wasidl bindings-gen HeaderMain)";
      if (pins.isPresent()) {
        pinFile.write(pins.get(), comment);
      } else {
        out.print(pinFile.format(comment));
      }
      if (java.isPresent()) {
        Path file =
            JavaBindings.write(selection, java.get(), packageName, className.get(), libraries);
        err.println("wrote " + file);
      }
      return 0;
    } catch (CHeaderException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static List<String> split(String names) {
    return List.of(names.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
