package dev.wasidl.bindgen.c;

import dev.wasidl.bindgen.c.clang.CType;
import dev.wasidl.bindgen.c.clang.Cursor;
import dev.wasidl.bindgen.c.clang.Diagnostic;
import dev.wasidl.bindgen.c.clang.LibClang;
import dev.wasidl.bindgen.c.clang.TranslationUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A C header read with libclang: every function, variable and struct it declares (its includes
 * too), mapped to wasi:dl types, or the reason why one cannot be. Immutable data; libclang is done
 * with once {@link #read} returns.
 */
public final class CHeader {
  private final Path path;
  private final Map<String, Entry<CFunction>> functions;
  private final Map<String, Entry<CVariable>> variables;
  private final Map<String, Entry<CStruct>> structs;
  private final Map<String, String> structAliases;
  private final Map<String, CStruct> mapped;
  private final List<String> warnings;

  private record Entry<T>(
      Optional<T> value, Optional<UnsupportedTypeException> error, boolean main) {
    T get() {
      return value.orElseThrow(error::orElseThrow);
    }
  }

  private CHeader(
      Path path,
      Map<String, Entry<CFunction>> functions,
      Map<String, Entry<CVariable>> variables,
      Map<String, Entry<CStruct>> structs,
      Map<String, String> structAliases,
      Map<String, CStruct> mapped,
      List<String> warnings) {
    this.path = path;
    this.functions = functions;
    this.variables = variables;
    this.structs = structs;
    this.structAliases = structAliases;
    this.mapped = Map.copyOf(mapped);
    this.warnings = List.copyOf(warnings);
  }

  /** Reads {@code header} as C, with no extra compiler arguments. */
  public static CHeader read(Path header) {
    return read(header, List.of());
  }

  /**
   * Reads {@code header} as C with extra clang arguments ({@code -I dir}, {@code -D NAME=1}, ...).
   *
   * @throws ClangDiagnosticException with clang's error text, e.g. for a missing header
   * @throws LibClangMissingException when libclang is not installed
   */
  public static CHeader read(Path header, List<String> clangArgs) {
    LibClang clang = LibClang.get();
    List<String> args = new ArrayList<>(List.of("-x", "c"));
    args.addAll(clangArgs);
    Path file = header.toAbsolutePath().normalize();
    // The header is included from a one-line unsaved main file, so it is read as a header and a
    // missing one gets clang's own "file not found" diagnostic.
    Path main = file.resolveSibling(file.getFileName() + ".wasidl-bindgen.c");
    String include = "#include \"" + file.toString().replace("\\", "\\\\") + "\"\n";
    try (TranslationUnit unit = TranslationUnit.parse(clang, main, include, args)) {
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (Diagnostic d : unit.diagnostics()) {
        (d.isError() ? errors : warnings).add(d.text());
      }
      if (!errors.isEmpty()) {
        throw new ClangDiagnosticException(header.toString(), errors);
      }
      return scan(file, unit, warnings);
    }
  }

  private static CHeader scan(Path path, TranslationUnit unit, List<String> warnings) {
    TypeMapper mapper = new TypeMapper();
    Map<String, Entry<CFunction>> functions = new LinkedHashMap<>();
    Map<String, Entry<CVariable>> variables = new LinkedHashMap<>();
    Map<String, Entry<CStruct>> structs = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    for (Cursor c : unit.cursor().children()) {
      switch (c.kind()) {
        case Cursor.FUNCTION_DECL -> {
          String name = c.spelling();
          if (!functions.containsKey(name)) {
            functions.put(name, entry(() -> mapper.function(c), inMain(c, path)));
          }
        }
        case Cursor.VAR_DECL -> {
          String name = c.spelling();
          if (!variables.containsKey(name)) {
            variables.put(name, entry(() -> mapper.variable(c), inMain(c, path)));
          }
        }
        case Cursor.STRUCT_DECL -> {
          if (c.isDefinition() && !c.isAnonymous() && !c.spelling().isEmpty()) {
            String name = TypeMapper.structName(c.type(), c);
            if (!structs.containsKey(name)) {
              structs.put(name, entry(() -> mapper.struct(c, name), inMain(c, path)));
            }
          }
        }
        case Cursor.TYPEDEF_DECL -> {
          CType target = TypeMapper.desugar(c.typedefUnderlyingType());
          if (target.kind() == CType.RECORD && target.declaration().kind() == Cursor.STRUCT_DECL) {
            Cursor decl = target.declaration();
            String name = TypeMapper.structName(target, decl);
            aliases.putIfAbsent(c.spelling(), name);
            if (!structs.containsKey(name) && !decl.definition().isNull()) {
              structs.put(name, entry(() -> mapper.struct(decl, name), inMain(c, path)));
            }
          }
        }
        default -> {}
      }
    }
    return new CHeader(path, functions, variables, structs, aliases, mapper.structs(), warnings);
  }

  private static boolean inMain(Cursor c, Path header) {
    return Path.of(c.file()).toAbsolutePath().normalize().equals(header);
  }

  private interface Mapping<T> {
    T map();
  }

  private static <T> Entry<T> entry(Mapping<T> m, boolean main) {
    try {
      return new Entry<>(Optional.of(m.map()), Optional.empty(), main);
    } catch (UnsupportedTypeException e) {
      return new Entry<>(Optional.empty(), Optional.of(e), main);
    }
  }

  /** The header file, absolute. */
  public Path path() {
    return path;
  }

  /** clang's warnings, formatted. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The function {@code name}.
   *
   * @throws UnsupportedTypeException naming the function and the type wasi:dl cannot express
   * @throws UndeclaredException when the header declares no such function
   */
  public CFunction function(String name) {
    Entry<CFunction> e = functions.get(name);
    if (e == null) {
      throw new UndeclaredException("no function " + name + " is declared in " + path);
    }
    return e.get();
  }

  /**
   * The variable {@code name} (a data symbol).
   *
   * @throws UnsupportedTypeException naming the variable and the type wasi:dl cannot express
   * @throws UndeclaredException when the header declares no such variable
   */
  public CVariable variable(String name) {
    Entry<CVariable> e = variables.get(name);
    if (e == null) {
      throw new UndeclaredException("no variable " + name + " is declared in " + path);
    }
    return e.get();
  }

  /**
   * The struct {@code name}: a tag ({@code struct name}) or a typedef name for a struct.
   *
   * @throws UnsupportedTypeException naming the struct and the type wasi:dl cannot express
   * @throws UndeclaredException when no such struct is defined
   */
  public CStruct struct(String name) {
    Entry<CStruct> e = structs.get(structAliases.getOrDefault(name, name));
    if (e == null) {
      e = structs.get(name);
    }
    if (e == null) {
      throw new UndeclaredException("no struct " + name + " is defined in " + path);
    }
    return e.get();
  }

  /** Every function the header file itself declares (not its includes) that maps. */
  public List<CFunction> functions() {
    return functions.values().stream()
        .filter(e -> e.main && e.value.isPresent())
        .map(Entry::get)
        .toList();
  }

  /** Every variable the header file itself declares (not its includes) that maps. */
  public List<CVariable> variables() {
    return variables.values().stream()
        .filter(e -> e.main && e.value.isPresent())
        .map(Entry::get)
        .toList();
  }

  /** Every struct the header file itself defines that maps. */
  public List<CStruct> structs() {
    return structs.values().stream()
        .filter(e -> e.main && e.value.isPresent())
        .map(Entry::get)
        .toList();
  }

  /**
   * The header file's own functions, variables and structs that do not map, each with its reason.
   */
  public List<UnsupportedTypeException> unsupported() {
    List<UnsupportedTypeException> out = new ArrayList<>();
    for (Map<String, ? extends Entry<?>> declared : List.of(functions, variables, structs)) {
      for (Entry<?> e : declared.values()) {
        if (e.main) {
          e.error.ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /** {@link #select(List, List, List)} with no variables named. */
  public Selection select(List<String> functionNames, List<String> structNames) {
    return select(functionNames, List.of(), structNames);
  }

  /**
   * The functions, variables and structs to generate: those named (any declared in the header or
   * its includes), or with all three lists empty every mappable function, variable and struct of
   * the header file itself, the others listed in {@link Selection#skipped()}. Structs used by the
   * functions and variables, and nested in chosen structs, are added.
   *
   * @throws UnsupportedTypeException for a named declaration wasi:dl cannot express
   * @throws UndeclaredException for a name the header does not declare
   */
  public Selection select(
      List<String> functionNames, List<String> variableNames, List<String> structNames) {
    boolean all = functionNames.isEmpty() && variableNames.isEmpty() && structNames.isEmpty();
    List<CFunction> fns = all ? functions() : functionNames.stream().map(this::function).toList();
    List<CVariable> vars = all ? variables() : variableNames.stream().map(this::variable).toList();
    List<CStruct> chosen = all ? structs() : structNames.stream().map(this::struct).toList();
    Set<String> order = new LinkedHashSet<>();
    for (CFunction f : fns) {
      f.params().forEach(p -> p.struct().ifPresent(s -> addStruct(s, order)));
      f.result().flatMap(CParam::struct).ifPresent(s -> addStruct(s, order));
    }
    vars.forEach(v -> v.struct().ifPresent(s -> addStruct(s, order)));
    chosen.forEach(s -> addStruct(s.name(), order));
    List<String> skipped =
        all ? unsupported().stream().map(Throwable::getMessage).toList() : List.of();
    return new Selection(
        path.getFileName().toString(),
        fns,
        vars,
        order.stream().map(mapped::get).toList(),
        skipped);
  }

  private void addStruct(String name, Set<String> order) {
    if (order.contains(name)) {
      return;
    }
    for (CField f : mapped.get(name).fields()) {
      f.struct().ifPresent(s -> addStruct(s, order));
    }
    order.add(name);
  }
}
