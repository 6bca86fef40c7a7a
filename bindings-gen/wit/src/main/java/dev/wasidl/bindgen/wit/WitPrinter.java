package dev.wasidl.bindgen.wit;

import dev.wasidl.bindgen.wit.ast.Lexicon;
import dev.wasidl.types.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints a resolved package as WIT text in one canonical layout: two-space indent, {@code ///}
 * docs, gates on their own lines, types before functions (a blank line between, as between a
 * world's imports and exports, and before an item with docs or gates), a resource's functions in
 * its block, {@code use} for names from other interfaces, worlds elaborated (includes merged,
 * implicit imports explicit). Parsing and resolving the text again gives an equal {@link
 * WitPackage}.
 */
public final class WitPrinter {
  private final StringBuilder out = new StringBuilder();
  private final PackageName pkg;
  private boolean blockStart;

  private WitPrinter(PackageName pkg) {
    this.pkg = pkg;
  }

  /** The package as one {@code .wit} file. */
  public static String print(WitPackage p) {
    return print(p, List.of());
  }

  /**
   * The package as one {@code .wit} file with {@code nested} packages in blocks after it ({@code
   * package ns:name@version { ... }}), the layout {@code wasm-tools component wit} gives a
   * component's world and the interfaces it uses.
   */
  public static String print(WitPackage p, List<WitPackage> nested) {
    WitPrinter w = new WitPrinter(p.name());
    w.docs(p.docs(), "");
    w.out.append("package ").append(p.name()).append(";\n");
    w.members(p, "", true);
    for (WitPackage n : nested) {
      WitPrinter inner = new WitPrinter(n.name());
      inner.members(n, "  ", false);
      w.out.append('\n');
      w.docs(n.docs(), "");
      w.out.append("package ").append(n.name()).append(" {\n").append(inner.out).append("}\n");
    }
    return w.out.toString();
  }

  /** The interfaces and worlds of {@code p}, a blank line between them (and before the first). */
  private void members(WitPackage p, String indent, boolean blankFirst) {
    boolean blank = blankFirst;
    for (Interface i : p.interfaces()) {
      out.append(blank ? "\n" : "");
      docs(i.docs(), indent);
      gate(i.gate(), indent);
      out.append(indent).append("interface ").append(id(i.name())).append(" {\n");
      body(i, indent + "  ");
      out.append(indent).append("}\n");
      blank = true;
    }
    for (World world : p.worlds()) {
      out.append(blank ? "\n" : "");
      world(world, indent);
      blank = true;
    }
  }

  /** A type as written in WIT, names relative to their owner ({@code list<u8>}, {@code r}). */
  public static String type(WitType t) {
    return switch (t) {
      case WitType.PrimitiveType(Primitive p) -> p.wit();
      case WitType.Named(TypeRef r) -> id(r.name());
      case WitType.ListType(WitType e) -> "list<" + type(e) + ">";
      case WitType.FixedListType(WitType e, int n) -> "list<" + type(e) + ", " + n + ">";
      case WitType.TupleType(var ts) ->
          ts.stream().map(WitPrinter::type).collect(Collectors.joining(", ", "tuple<", ">"));
      case WitType.OptionType(WitType e) -> "option<" + type(e) + ">";
      case WitType.ResultType(var ok, var err) ->
          ok.isEmpty() && err.isEmpty()
              ? "result"
              : err.isEmpty()
                  ? "result<" + type(ok.get()) + ">"
                  : "result<" + ok.map(WitPrinter::type).orElse("_") + ", " + type(err.get()) + ">";
      case WitType.MapType(WitType k, WitType v) -> "map<" + type(k) + ", " + type(v) + ">";
      case WitType.FutureType(var e) -> e.map(x -> "future<" + type(x) + ">").orElse("future");
      case WitType.StreamType(var e) -> e.map(x -> "stream<" + type(x) + ">").orElse("stream");
      case WitType.Handle(var kind, TypeRef r) ->
          (kind == WitType.HandleKind.BORROW ? "borrow<" : "own<") + id(r.name()) + ">";
    };
  }

  /** An identifier, with {@code %} when it is a keyword. */
  public static String id(String name) {
    return Lexicon.isKeyword(name) ? "%" + name : name;
  }

  private void body(Interface i, String indent) {
    blockStart = true;
    for (int at = 0; at < i.types().size(); ) {
      at = types(i.types(), at, i.owner(), i.functions(), indent);
    }
    if (!i.types().isEmpty()
        && i.functions().stream().anyMatch(f -> f.kind() instanceof FunctionKind.Freestanding)) {
      out.append('\n'); // types, a blank line, functions
      blockStart = true;
    }
    for (WitFunction f : i.functions()) {
      if (f.kind() instanceof FunctionKind.Freestanding) {
        begin(f.docs(), f.gate(), indent);
        out.append(indent).append(id(f.name())).append(": ").append(signature(f, 0)).append(";\n");
      }
    }
    blockStart = false;
  }

  /** A blank line before an item with docs or gates, unless it opens its block. */
  private void begin(String docs, Gate gate, String indent) {
    if (!blockStart && (!docs.isEmpty() || !gate.isNone())) {
      out.append('\n');
    }
    blockStart = false;
    docs(docs, indent);
    gate(gate, indent);
  }

  /**
   * Prints {@code ts[at]}; a {@code use} takes the following {@code use}s of the same interface
   * with the same docs and gates along ({@code use i.{a, b as c};}). Returns the next index.
   */
  private int types(
      List<TypeDef> ts, int at, TypeOwner owner, List<WitFunction> functions, String indent) {
    TypeDef t = ts.get(at);
    Optional<TypeOwner.Interface> from = useFrom(t, owner);
    if (from.isEmpty()) {
      typeDef(t, owner, functions, indent);
      return at + 1;
    }
    int end = at + 1;
    while (end < ts.size()
        && useFrom(ts.get(end), owner).equals(from)
        && ts.get(end).docs().equals(t.docs())
        && ts.get(end).gate().equals(t.gate())) {
      end++;
    }
    begin(t.docs(), t.gate(), indent);
    out.append(indent).append("use ").append(path(from.get())).append(".{");
    for (int k = at; k < end; k++) {
      TypeDef u = ts.get(k);
      String target = ((WitType.Named) ((TypeDefKind.Alias) u.kind()).target()).ref().name();
      out.append(k > at ? ", " : "").append(id(target));
      if (!target.equals(u.name())) {
        out.append(" as ").append(id(u.name()));
      }
    }
    out.append("};\n");
    return end;
  }

  /** The interface a {@code use}d name comes from. */
  private static Optional<TypeOwner.Interface> useFrom(TypeDef t, TypeOwner owner) {
    return t.kind() instanceof TypeDefKind.Alias(WitType.Named(TypeRef ref))
            && !ref.owner().equals(owner)
            && ref.owner() instanceof TypeOwner.Interface from
        ? Optional.of(from)
        : Optional.empty();
  }

  private void typeDef(TypeDef t, TypeOwner owner, List<WitFunction> functions, String indent) {
    begin(t.docs(), t.gate(), indent);
    out.append(indent);
    String name = id(t.name());
    switch (t.kind()) {
      case TypeDefKind.Alias(WitType target) ->
          out.append("type ").append(name).append(" = ").append(type(target)).append(";\n");
      case TypeDefKind.RecordType(var fields) -> {
        out.append("record ").append(name).append(" {\n");
        blockStart = true;
        for (WitField f : fields) {
          begin(f.docs(), Gate.NONE, indent + "  ");
          out.append(indent).append("  ").append(id(f.name())).append(": ");
          out.append(type(f.type())).append(",\n");
        }
        out.append(indent).append("}\n");
        blockStart = false;
      }
      case TypeDefKind.VariantType(var cases) -> cases("variant", name, cases, indent);
      case TypeDefKind.EnumType(var cases) -> cases("enum", name, cases, indent);
      case TypeDefKind.FlagsType(var flags) -> cases("flags", name, flags, indent);
      case TypeDefKind.ResourceType r -> {
        List<WitFunction> fs =
            functions.stream()
                .filter(f -> resourceOf(f).equals(Optional.of(new TypeRef(owner, t.name()))))
                .toList();
        out.append("resource ").append(name);
        if (fs.isEmpty()) {
          out.append(";\n");
          return;
        }
        out.append(" {\n");
        blockStart = true;
        for (WitFunction f : fs) {
          String in = indent + "  ";
          begin(f.docs(), f.gate(), in);
          out.append(in);
          switch (f.kind()) {
            case FunctionKind.Constructor c ->
                out.append("constructor").append(params(f.params(), 0)).append(";\n");
            case FunctionKind.Method m ->
                out.append(id(f.name())).append(": ").append(signature(f, 1)).append(";\n");
            case FunctionKind.Static s ->
                out.append(id(f.name())).append(": static ").append(signature(f, 0)).append(";\n");
            case FunctionKind.Freestanding x -> throw new IllegalStateException();
          }
        }
        out.append(indent).append("}\n");
        blockStart = false;
      }
    }
  }

  private static Optional<TypeRef> resourceOf(WitFunction f) {
    return switch (f.kind()) {
      case FunctionKind.Freestanding k -> Optional.empty();
      case FunctionKind.Method(TypeRef r) -> Optional.of(r);
      case FunctionKind.Static(TypeRef r) -> Optional.of(r);
      case FunctionKind.Constructor(TypeRef r) -> Optional.of(r);
    };
  }

  private void cases(String kw, String name, List<WitCase> cases, String indent) {
    out.append(kw).append(' ').append(name).append(" {\n");
    blockStart = true;
    for (WitCase c : cases) {
      begin(c.docs(), Gate.NONE, indent + "  ");
      out.append(indent).append("  ").append(id(c.name()));
      c.type().ifPresent(t -> out.append('(').append(type(t)).append(')'));
      out.append(",\n");
    }
    out.append(indent).append("}\n");
    blockStart = false;
  }

  /** {@code func(a: T) -> R}, leaving out the first {@code skip} params (a method's self). */
  private static String signature(WitFunction f, int skip) {
    return (f.async() ? "async func" : "func")
        + params(f.params(), skip)
        + f.result().map(r -> " -> " + type(r)).orElse("");
  }

  private static String params(List<Param> params, int skip) {
    return params.subList(skip, params.size()).stream()
        .map(p -> id(p.name()) + ": " + type(p.type()))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private String path(TypeOwner.Interface i) {
    if (i.pkg().equals(pkg)) {
      return id(i.name());
    }
    return id(i.pkg().namespace())
        + ":"
        + id(i.pkg().name())
        + "/"
        + id(i.name())
        + i.pkg().version().map(v -> "@" + v).orElse("");
  }

  private void world(World w, String indent) {
    String in = indent + "  ";
    docs(w.docs(), indent);
    gate(w.gate(), indent);
    out.append(indent).append("world ").append(id(w.name())).append(" {\n");
    List<WitFunction> resourceFunctions =
        w.imports().stream()
            .filter(
                i ->
                    i instanceof WorldItem.FunctionItem(WitFunction f) && resourceOf(f).isPresent())
            .map(i -> ((WorldItem.FunctionItem) i).function())
            .toList();
    blockStart = true;
    List<WorldItem> imports = w.imports();
    for (int at = 0; at < imports.size(); ) {
      WorldItem item = imports.get(at);
      if (item instanceof WorldItem.TypeItem) {
        int end = at;
        List<TypeDef> run = new ArrayList<>();
        while (end < imports.size() && imports.get(end) instanceof WorldItem.TypeItem(TypeDef t)) {
          run.add(t);
          end++;
        }
        for (int k = 0; k < run.size(); ) {
          k = types(run, k, w.owner(), resourceFunctions, in);
        }
        at = end;
        continue;
      }
      if (!(item instanceof WorldItem.FunctionItem(WitFunction f)
          && resourceFunctions.contains(f))) {
        worldItem("import", item, in);
      }
      at++;
    }
    if (!imports.isEmpty() && !w.exports().isEmpty()) {
      out.append('\n'); // imports, a blank line, exports
      blockStart = true;
    }
    for (WorldItem item : w.exports()) {
      worldItem("export", item, in);
    }
    out.append(indent).append("}\n");
  }

  private void worldItem(String kw, WorldItem item, String in) {
    begin(item.docs(), item.gate(), in);
    out.append(in).append(kw).append(' ');
    switch (item) {
      case WorldItem.InterfaceItem i -> out.append(path(i.iface())).append(";\n");
      case WorldItem.NamedInterface n ->
          out.append(id(n.name())).append(": ").append(path(n.iface())).append(";\n");
      case WorldItem.InlineInterface i -> {
        out.append(id(i.iface().name())).append(": interface {\n");
        body(i.iface(), in + "  ");
        out.append(in).append("}\n");
        blockStart = false;
      }
      case WorldItem.FunctionItem f ->
          out.append(id(f.function().name()))
              .append(": ")
              .append(signature(f.function(), 0))
              .append(";\n");
      case WorldItem.TypeItem t -> throw new IllegalStateException("a world's types are imports");
    }
  }

  private void docs(String docs, String indent) {
    if (docs.isEmpty()) {
      return;
    }
    for (String line : docs.split("\n", -1)) {
      out.append(indent).append("///");
      if (!line.isEmpty()) {
        out.append(' ').append(line);
      }
      out.append('\n');
    }
  }

  private void gate(Gate g, String indent) {
    g.since()
        .ifPresent(v -> out.append(indent).append("@since(version = ").append(v).append(")\n"));
    g.unstable()
        .ifPresent(
            f -> out.append(indent).append("@unstable(feature = ").append(id(f)).append(")\n"));
    g.deprecated()
        .ifPresent(
            v -> out.append(indent).append("@deprecated(version = ").append(v).append(")\n"));
  }
}
