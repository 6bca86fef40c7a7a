package dev.wasidl.ffm.demo;

import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_ULONG;
import static dev.wasidl.ffm.PrimitiveType.POINTER;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.Callback;
import dev.wasidl.ffm.FfiException;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.IncomingValue;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingValue;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code wasidl demo-java}: opens real system libraries and calls functions whose signatures are
 * parsed from text at run time. {@code wasidl call LIB SYMBOL SIGNATURE ARGS...} makes one such
 * call.
 */
public final class Demo {
  private final PrintStream out;
  private final List<Alloc> strings = new ArrayList<>();

  private Demo(PrintStream out) {
    this.out = out;
  }

  /** Entry point of the launcher. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    if (args.length == 0 || args[0].equals("demo-java")) {
      new Demo(out).run();
    } else if (args[0].equals("call") && args.length >= 4) {
      Demo d = new Demo(out);
      String lib = args[1].equals("-") ? null : args[1];
      try {
        d.call(lib, args[2], args[3], Arrays.copyOfRange(args, 4, args.length));
      } catch (FfiException | IllegalArgumentException | IndexOutOfBoundsException e) {
        System.err.println("wasidl: " + e.getMessage());
        System.exit(1);
      }
    } else {
      System.err.println(
          """
          usage: wasidl demo-java
                 wasidl call LIBRARY|- SYMBOL SIGNATURE [ARG...]
            e.g. wasidl call libm.so.6 pow '(c-double, c-double) -> c-double' 2 10
                 wasidl call - strlen '(pointer) -> c-ulong' '"hello"'
            (- is the running process; a pointer argument "..." is passed as a C string)""");
      System.exit(2);
    }
  }

  private void run() {
    out.println(
        "wasidl demo-java: C calls whose signatures are built at run time, on java.lang.foreign (JDK "
            + Runtime.version().feature()
            + ")");
    out.println();
    out.printf(
        "%-10s %-11s %-42s %-30s %s%n", "library", "symbol", "signature", "arguments", "result");
    call("libm.so.6", "cos", "(c-double) -> c-double", "1.0");
    call("libm.so.6", "pow", "(c-double, c-double) -> c-double", "2", "10");
    call("libm.so.6", "cbrtf", "(c-float) -> c-float", "27");
    call(null, "strlen", "(pointer) -> c-ulong", "\"hello, wasi:dl\"");
    call(null, "abs", "(c-int) -> c-int", "-2147483647");
    call(null, "labs", "(c-long) -> c-long", "-9000000000");
    call(
        null,
        "strtoul",
        "(pointer, pointer, c-int) -> c-ulong",
        "\"18446744073709551615\"",
        "0",
        "10");
    call(null, "atof", "(pointer) -> c-double", "\"6.02214076e23\"");
    call(null, "getpid", "() -> c-int");
    call("libz.so.1", "zlibVersion", "() -> pointer");
    out.printf("%nthe JVM's own pid is %d%n", ProcessHandle.current().pid());
    outParams();
    variadic();
    callback();
    zlib();
    strings.forEach(Alloc::close);
  }

  private void call(String library, String symbol, String signature, String... args) {
    Signature sig = Signature.parse(signature);
    if (args.length != sig.params().size()) {
      throw new IllegalArgumentException(
          symbol + " " + sig + " takes " + sig.params().size() + " arguments, got " + args.length);
    }
    try (Library lib = Library.open(library, OpenFlags.NOW);
        var sym = lib.get(symbol);
        Function f = sym.function(sig)) {
      List<OutgoingValue> values = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        values.add(parse(sig.params().get(i), args[i]));
      }
      Optional<IncomingValue> result = f.call(values);
      String shown = result.map(v -> describe(v, symbol.equals("zlibVersion"))).orElse("(void)");
      out.printf(
          "%-10s %-11s %-42s %-30s %s%n",
          library == null ? "<process>" : library, symbol, sig, String.join(", ", args), shown);
    }
  }

  private OutgoingValue parse(FfiType type, String text) {
    if (!(type instanceof PrimitiveType p)) {
      throw new IllegalArgumentException("struct arguments cannot be given on the command line");
    }
    if (p == POINTER && text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
      Alloc s = Alloc.allocate(POINTER);
      s.writeString(text.substring(1, text.length() - 1));
      strings.add(s);
      return OutgoingPrimitive.ofAddress(s);
    }
    return switch (p.kind()) {
      case SIGNED -> OutgoingPrimitive.ofSigned(p, Long.parseLong(text));
      case UNSIGNED, POINTER -> OutgoingPrimitive.ofUnsigned(p, Long.parseUnsignedLong(text));
      case FLOAT -> OutgoingPrimitive.ofDouble(p, Double.parseDouble(text));
    };
  }

  private static String describe(IncomingValue value, boolean cString) {
    return switch (value) {
      case IncomingPrimitive p when cString -> "\"" + p.getAlloc().readString() + "\"";
      case IncomingPrimitive p -> p.toString();
      case IncomingStruct s -> s.toString();
    };
  }

  private void outParams() {
    try (Library libm = Library.open("libm.so.6", OpenFlags.NOW);
        Alloc exponent = Alloc.allocate(C_INT);
        Function frexp =
            libm.get("frexp").function(Signature.parse("(c-double, pointer) -> c-double"))) {
      double mantissa =
          ((IncomingPrimitive)
                  frexp
                      .call(
                          OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, 48),
                          OutgoingPrimitive.ofAddress(exponent))
                      .orElseThrow())
              .getF64();
      out.printf(
          "out-param: frexp(48.0, &e) = %s with e = %d (48 = %s * 2^%d)%n",
          mantissa, exponent.readPrimitive().getS32(), mantissa, exponent.readPrimitive().getS32());
    }
  }

  private void variadic() {
    try (Library libc = Library.openProcess();
        Alloc buffer = Alloc.allocate(StructType.of(filled(PrimitiveType.C_SCHAR, 80)));
        Alloc format = Alloc.allocate(POINTER);
        Alloc name = Alloc.allocate(POINTER)) {
      format.writeString("%s: %d args, %.4f, %#lx");
      name.writeString("snprintf");
      Function snprintf =
          libc.get("snprintf")
              .function(
                  Signature.parse(
                      "(pointer, c-ulong, pointer, ... pointer, c-int, c-double, c-ulong) -> c-int"));
      snprintf.call(
          OutgoingPrimitive.ofAddress(buffer),
          OutgoingPrimitive.ofUnsigned(C_ULONG, 80),
          OutgoingPrimitive.ofAddress(format),
          OutgoingPrimitive.ofAddress(name),
          OutgoingPrimitive.ofSigned(C_INT, 7),
          OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, Math.PI),
          OutgoingPrimitive.ofUnsigned(C_ULONG, 0xcafe));
      out.printf(
          "variadic: snprintf -> \"%s\"%n", Alloc.at(buffer.segment(), POINTER).readString());
    }
  }

  private void callback() {
    try (Library libc = Library.openProcess();
        Arena arena = Arena.ofConfined()) {
      var array = arena.allocateFrom(ValueLayout.JAVA_INT, 31, -4, 15, 9, 0, -27, 8);
      int[] calls = new int[1];
      Callback byMagnitude =
          Callback.of(
              Signature.parse("(pointer, pointer) -> c-int"),
              args -> {
                calls[0]++;
                int a = ((IncomingPrimitive) args.get(0)).getAlloc(C_INT).readPrimitive().getS32();
                int b = ((IncomingPrimitive) args.get(1)).getAlloc(C_INT).readPrimitive().getS32();
                return Optional.of(
                    OutgoingPrimitive.ofSigned(C_INT, Integer.compare(Math.abs(a), Math.abs(b))));
              },
              arena);
      libc.get("qsort")
          .function(Signature.parse("(pointer, c-ulong, c-ulong, pointer)"))
          .call(
              OutgoingPrimitive.ofAddress(array),
              OutgoingPrimitive.ofUnsigned(C_ULONG, 7),
              OutgoingPrimitive.ofUnsigned(C_ULONG, 4),
              byMagnitude.pointer());
      out.printf(
          "callback: qsort by |x| with a Java comparator (%d upcalls) -> %s%n",
          calls[0], Arrays.toString(array.toArray(ValueLayout.JAVA_INT)));
    }
  }

  private void zlib() {
    byte[] data =
        "wasi:dl lets components call native libraries. "
            .repeat(20)
            .getBytes(StandardCharsets.UTF_8);
    try (Library z = Library.open("libz.so.1", OpenFlags.NOW);
        Arena arena = Arena.ofConfined();
        Alloc packedLen = Alloc.allocate(C_ULONG);
        Alloc plainLen = Alloc.allocate(C_ULONG)) {
      var input = arena.allocateFrom(ValueLayout.JAVA_BYTE, data);
      var packed = arena.allocate(data.length + 64L);
      var plain = arena.allocate(data.length);
      Signature codec = Signature.parse("(pointer, pointer, pointer, c-ulong) -> c-int");
      packedLen.writePrimitive(OutgoingPrimitive.ofUnsigned(C_ULONG, packed.byteSize()));
      z.get("compress")
          .function(codec)
          .call(
              OutgoingPrimitive.ofAddress(packed),
              OutgoingPrimitive.ofAddress(packedLen),
              OutgoingPrimitive.ofAddress(input),
              OutgoingPrimitive.ofUnsigned(C_ULONG, data.length));
      long n = packedLen.readPrimitive().getU64();
      plainLen.writePrimitive(OutgoingPrimitive.ofUnsigned(C_ULONG, plain.byteSize()));
      z.get("uncompress")
          .function(codec)
          .call(
              OutgoingPrimitive.ofAddress(plain),
              OutgoingPrimitive.ofAddress(plainLen),
              OutgoingPrimitive.ofAddress(packed),
              OutgoingPrimitive.ofUnsigned(C_ULONG, n));
      boolean same = Arrays.equals(data, plain.toArray(ValueLayout.JAVA_BYTE));
      out.printf(
          "zlib: compress %d bytes -> %d bytes -> uncompress -> %d bytes, identical: %s%n",
          data.length, n, plainLen.readPrimitive().getU64(), same);
    }
  }

  private static FfiType[] filled(FfiType type, int n) {
    FfiType[] a = new FfiType[n];
    Arrays.fill(a, type);
    return a;
  }
}
