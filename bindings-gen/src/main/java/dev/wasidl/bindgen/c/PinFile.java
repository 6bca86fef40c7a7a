package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.Signature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A policy pin file: one {@code symbol: (args) -> result} line per function, in {@link
 * Signature#parse} text form; blank lines and {@code #} comments are ignored. {@link
 * #pinAll(DlPolicy.Builder, String)} pins every line for one library.
 *
 * @param pins the pins, in file order
 */
public record PinFile(List<Pin> pins) {
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.@]*");

  /** One line: the symbol and the only signature it may be called with. */
  public record Pin(String symbol, Signature signature) {
    @Override
    public String toString() {
      return symbol + ": " + signature;
    }
  }

  /** Copies the list. */
  public PinFile {
    pins = List.copyOf(pins);
  }

  /** The pins of these functions' signatures. */
  public static PinFile of(List<CFunction> functions) {
    return new PinFile(functions.stream().map(f -> new Pin(f.name(), f.signature())).toList());
  }

  /**
   * Reads a pin file.
   *
   * @throws IllegalArgumentException naming the file, line and what is wrong
   */
  public static PinFile read(Path path) {
    try {
      return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses pin-file text; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException naming the source, line and what is wrong
   */
  public static PinFile parse(String source, String text) {
    List<Pin> pins = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1) + ": ";
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(where + "expected 'symbol: (args) -> result'");
      }
      String symbol = line.substring(0, colon).strip();
      if (!SYMBOL.matcher(symbol).matches()) {
        throw new IllegalArgumentException(where + "'" + symbol + "' is not a symbol name");
      }
      try {
        pins.add(new Pin(symbol, Signature.parse(line.substring(colon + 1).strip())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
    return new PinFile(pins);
  }

  /** The file text: a comment line, then one pin per line. */
  public String format(String comment) {
    StringBuilder b = new StringBuilder();
    comment.lines().forEach(l -> b.append("# ").append(l).append('\n'));
    pins.forEach(p -> b.append(p).append('\n'));
    return b.toString();
  }

  /** Writes {@link #format(String)} to {@code path}. */
  public void write(Path path, String comment) {
    try {
      Files.writeString(path, format(comment), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pins every signature for the libraries matching {@code library} (a name, path or glob). */
  public DlPolicy.Builder pinAll(DlPolicy.Builder builder, String library) {
    pins.forEach(p -> builder.pin(library, p.symbol(), p.signature()));
    return builder;
  }
}
