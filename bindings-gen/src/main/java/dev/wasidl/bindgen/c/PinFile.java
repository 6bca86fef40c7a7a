package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.Signature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A policy pin file: one {@code symbol: (args) -> result} line per function, in {@link
 * Signature#parse} text form; blank lines and {@code #} comments are ignored. {@link
 * #pinAll(DlPolicy.Builder, String)} pins every line for one library.
 *
 * @param pins the pins, in file order
 */
public record PinFile(List<Pin> pins) {
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
    return new PinFile(
        DlPolicy.parsePins(source, text).entrySet().stream()
            .map(e -> new Pin(e.getKey(), e.getValue()))
            .toList());
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
