package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.Pinned;
import dev.wasidl.ffm.Signature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A policy pin file: one {@code symbol: (args) -> result} line per function, in {@link
 * Signature#parse} text form, and one {@code symbol: data TYPE} line per variable (data symbol);
 * blank lines and {@code #} comments are ignored. {@link #pinAll(DlPolicy.Builder, String)} pins
 * every line for one library.
 *
 * @param pins the function pins, in file order
 * @param data the data pins, in file order
 */
public record PinFile(List<Pin> pins, List<DataPin> data) {
  /** One line: the symbol and the only signature it may be called with. */
  public record Pin(String symbol, Signature signature) {
    @Override
    public String toString() {
      return symbol + ": " + signature;
    }
  }

  /** One data line: the symbol and the only type {@code symbol.get-alloc} may read it as. */
  public record DataPin(String symbol, FfiType type) {
    @Override
    public String toString() {
      return symbol + ": " + new Pinned.Data(type);
    }
  }

  /** Copies the lists. */
  public PinFile {
    pins = List.copyOf(pins);
    data = List.copyOf(data);
  }

  /** Function pins only. */
  public PinFile(List<Pin> pins) {
    this(pins, List.of());
  }

  /** The pins of these functions' signatures. */
  public static PinFile of(List<CFunction> functions) {
    return of(functions, List.of());
  }

  /** The pins of these functions' signatures and these variables' types. */
  public static PinFile of(List<CFunction> functions, List<CVariable> variables) {
    return new PinFile(
        functions.stream().map(f -> new Pin(f.name(), f.signature())).toList(),
        variables.stream().map(v -> new DataPin(v.name(), v.type())).toList());
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
    List<Pin> pins = new java.util.ArrayList<>();
    List<DataPin> data = new java.util.ArrayList<>();
    DlPolicy.parsePinFile(source, text)
        .forEach(
            (symbol, use) -> {
              switch (use) {
                case Pinned.Call c -> pins.add(new Pin(symbol, c.signature()));
                case Pinned.Data d -> data.add(new DataPin(symbol, d.type()));
              }
            });
    return new PinFile(pins, data);
  }

  /** The file text: a comment line, then one pin per line, functions first. */
  public String format(String comment) {
    StringBuilder b = new StringBuilder();
    comment.lines().forEach(l -> b.append("# ").append(l).append('\n'));
    pins.forEach(p -> b.append(p).append('\n'));
    data.forEach(p -> b.append(p).append('\n'));
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

  /**
   * Pins every signature and data type for the libraries matching {@code library} (a name, path or
   * glob).
   */
  public DlPolicy.Builder pinAll(DlPolicy.Builder builder, String library) {
    pins.forEach(p -> builder.pin(library, p.symbol(), p.signature()));
    data.forEach(p -> builder.pinData(library, p.symbol(), p.type()));
    return builder;
  }
}
