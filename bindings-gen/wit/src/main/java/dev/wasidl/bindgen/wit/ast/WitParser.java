package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.Gate;
import dev.wasidl.bindgen.wit.PackageName;
import dev.wasidl.bindgen.wit.WitException;
import dev.wasidl.bindgen.wit.WitSyntaxException;
import dev.wasidl.bindgen.wit.ast.ExternDecl.Extern;
import dev.wasidl.bindgen.wit.ast.FuncSig.ParamDecl;
import dev.wasidl.bindgen.wit.ast.TypeDecl.CaseDecl;
import dev.wasidl.bindgen.wit.ast.TypeDecl.FieldDecl;
import dev.wasidl.bindgen.wit.ast.TypeDecl.ResourceFunc;
import dev.wasidl.types.Primitive;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The WIT parser: text to a {@link SourceFile} (grammar of WIT.md, "Lexical structure" onwards).
 * Errors are {@link WitSyntaxException}s whose message starts with {@code file:line:column}.
 */
public final class WitParser {
  private final Lexer lexer;
  private @Nullable Token peeked;

  private WitParser(String file, String text) {
    this.lexer = new Lexer(file, text);
  }

  /** Parses one {@code .wit} file (UTF-8). */
  public static SourceFile parseFile(Path file) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new WitException(file + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new WitException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Parses WIT text; {@code file} names it in spans and messages. */
  public static SourceFile parse(String file, String text) {
    return new WitParser(file, text).file(file);
  }

  // ---- tokens

  private Token peek() {
    Token t = peeked;
    if (t == null) {
      t = lexer.next();
      peeked = t;
    }
    return t;
  }

  private Token next() {
    Token t = peek();
    peeked = null;
    return t;
  }

  private boolean eat(String operator) {
    if (peek().is(operator)) {
      next();
      return true;
    }
    return false;
  }

  private boolean eatKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(String operator) {
    Token t = next();
    if (!t.is(operator)) {
      throw error(t, "expected `" + operator + "`, found " + t.describe());
    }
    return t;
  }

  private Token expectKeyword(String keyword) {
    Token t = next();
    if (!t.isKeyword(keyword)) {
      throw error(t, "expected `" + keyword + "`, found " + t.describe());
    }
    return t;
  }

  private Ident ident() {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT) {
      throw error(t, "expected an identifier, found " + t.describe());
    }
    if (!t.explicit() && Lexer.KEYWORDS.contains(t.text())) {
      throw error(
          t,
          "expected an identifier, found keyword `" + t.text() + "` (write `%" + t.text() + "`)");
    }
    return new Ident(t.text(), t.span());
  }

  private String version() {
    if (peeked != null) {
      throw new IllegalStateException("version after a peeked token");
    }
    return lexer.version();
  }

  private static WitSyntaxException error(Token t, String message) {
    return new WitSyntaxException(t.span(), message);
  }

  private static String joinDocs(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
  }

  // ---- file and packages

  private SourceFile file(String path) {
    Optional<PackageDecl> header = Optional.empty();
    List<TopItem> items = new ArrayList<>();
    List<NestedPackage> nested = new ArrayList<>();
    if (peek().isKeyword("package")) {
      PackageDecl decl = packageDecl();
      if (eat("{")) {
        nested.add(new NestedPackage(decl, packageItems(true)));
      } else {
        expect(";");
        header = Optional.of(decl);
      }
    }
    while (peek().kind() != Token.Kind.EOF) {
      if (peek().isKeyword("package")) {
        PackageDecl decl = packageDecl();
        Token t = next();
        if (!t.is("{")) {
          throw error(
              t,
              t.is(";")
                  ? "`package` declaration must come first in the file"
                  : "expected `{`, found " + t.describe());
        }
        nested.add(new NestedPackage(decl, packageItems(true)));
      } else {
        items.add(topItem());
      }
    }
    return new SourceFile(path, header, items, nested);
  }

  private List<TopItem> packageItems(boolean untilBrace) {
    List<TopItem> items = new ArrayList<>();
    while (!(untilBrace && eat("}"))) {
      if (peek().kind() == Token.Kind.EOF) {
        throw error(peek(), "expected `}`, found end of file");
      }
      if (peek().isKeyword("package")) {
        throw error(peek(), "nested package blocks cannot nest");
      }
      items.add(topItem());
    }
    return items;
  }

  private PackageDecl packageDecl() {
    String docs = peek().docs();
    Token kw = expectKeyword("package");
    return new PackageDecl(packageName(), docs, kw.span());
  }

  /** {@code ns:name@version}; the {@code @} and version are optional. */
  private PackageName packageName() {
    Ident ns = ident();
    expect(":");
    Ident name = ident();
    if (peek().is(":")) {
      throw error(peek(), "nested namespaces (`a:b:c`) are not supported");
    }
    return new PackageName(ns.name(), name.name(), optionalVersion());
  }

  private Optional<String> optionalVersion() {
    if (eat("@")) {
      return Optional.of(version());
    }
    return Optional.empty();
  }

  // ---- top-level items

  private TopItem topItem() {
    Head head = head();
    String docs = head.docs();
    Gate gate = head.gate();
    Token kw = next();
    if (kw.isKeyword("use")) {
      UsePath path = usePath();
      Optional<Ident> as = eatKeyword("as") ? Optional.of(ident()) : Optional.empty();
      expect(";");
      return new TopItem.TopUse(path, as, kw.span());
    }
    if (kw.isKeyword("interface")) {
      Ident name = ident();
      expect("{");
      return new TopItem.InterfaceDecl(name, interfaceItems(), docs, gate, kw.span());
    }
    if (kw.isKeyword("world")) {
      Ident name = ident();
      expect("{");
      List<WorldMember> members = new ArrayList<>();
      while (!eat("}")) {
        members.add(worldMember());
      }
      return new TopItem.WorldDecl(name, members, docs, gate, kw.span());
    }
    throw error(kw, "expected `interface`, `world`, `use` or `package`, found " + kw.describe());
  }

  /** The docs and gates before an item. */
  private record Head(String docs, Gate gate) {}

  private Head head() {
    String docs = peek().docs();
    boolean gated = peek().is("@");
    Gate gate = gate();
    return new Head(gated ? joinDocs(docs, peek().docs()) : docs, gate);
  }

  /** Gates: {@code @since(version = v)}, {@code @unstable(feature = f)}, {@code @deprecated}. */
  private Gate gate() {
    Optional<String> since = Optional.empty();
    Optional<String> unstable = Optional.empty();
    Optional<String> deprecated = Optional.empty();
    while (peek().is("@")) {
      Token at = next();
      Token name = next();
      if (name.kind() != Token.Kind.IDENT) {
        throw error(name, "expected a gate name after `@`, found " + name.describe());
      }
      expect("(");
      switch (name.text()) {
        case "since" -> {
          gateField("version");
          if (since.isPresent()) {
            throw error(at, "duplicate `@since`");
          }
          since = Optional.of(version());
        }
        case "deprecated" -> {
          gateField("version");
          if (deprecated.isPresent()) {
            throw error(at, "duplicate `@deprecated`");
          }
          deprecated = Optional.of(version());
        }
        case "unstable" -> {
          gateField("feature");
          if (unstable.isPresent()) {
            throw error(at, "duplicate `@unstable`");
          }
          unstable = Optional.of(ident().name());
        }
        default ->
            throw error(
                name,
                "unknown gate `@"
                    + name.text()
                    + "` (expected `@since`, `@unstable` or `@deprecated`)");
      }
      expect(")");
      if (since.isPresent() && unstable.isPresent()) {
        throw error(at, "an item cannot be both `@since` and `@unstable`");
      }
    }
    return new Gate(since, unstable, deprecated);
  }

  private void gateField(String field) {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT || !t.text().equals(field)) {
      throw error(t, "expected `" + field + "`, found " + t.describe());
    }
    expect("=");
  }

  private UsePath usePath() {
    Ident first = ident();
    if (!eat(":")) {
      return new UsePath.Local(first);
    }
    Ident pkg = ident();
    if (peek().is(":")) {
      throw error(peek(), "nested namespaces (`a:b:c`) are not supported");
    }
    expect("/");
    Ident name = ident();
    if (peek().is("/")) {
      throw error(peek(), "nested interfaces (`a:b/c/d`) are not supported");
    }
    return new UsePath.Qualified(
        new PackageName(first.name(), pkg.name(), optionalVersion()), name, first.span());
  }

  // ---- interfaces

  private List<InterfaceItem> interfaceItems() {
    List<InterfaceItem> items = new ArrayList<>();
    while (!eat("}")) {
      Head head = head();
      String docs = head.docs();
      Gate gate = head.gate();
      Token t = peek();
      if (t.isKeyword("use")) {
        items.add(useDecl(docs, gate));
      } else if (isTypeKeyword(t)) {
        items.add(typeDecl(docs, gate));
      } else if (t.kind() == Token.Kind.IDENT) {
        Ident name = ident();
        expect(":");
        FuncSig sig = funcSig();
        expect(";");
        items.add(new FuncDecl(name, sig, docs, gate, name.span()));
      } else {
        throw error(t, "expected a type, `use` or function, found " + t.describe());
      }
    }
    return items;
  }

  private static boolean isTypeKeyword(Token t) {
    return t.isKeyword("type")
        || t.isKeyword("record")
        || t.isKeyword("variant")
        || t.isKeyword("enum")
        || t.isKeyword("flags")
        || t.isKeyword("resource");
  }

  private UseDecl useDecl(String docs, Gate gate) {
    Token kw = expectKeyword("use");
    UsePath from = usePath();
    expect(".");
    expect("{");
    List<UseDecl.UseName> names = new ArrayList<>();
    do {
      if (peek().is("}")) {
        break;
      }
      Ident name = ident();
      names.add(
          new UseDecl.UseName(name, eatKeyword("as") ? Optional.of(ident()) : Optional.empty()));
    } while (eat(","));
    Token close = expect("}");
    if (names.isEmpty()) {
      throw error(close, "`use` must name at least one item");
    }
    expect(";");
    return new UseDecl(from, names, docs, gate, kw.span());
  }

  private FuncSig funcSig() {
    boolean async = eatKeyword("async");
    expectKeyword("func");
    List<ParamDecl> params = params();
    Optional<TypeExpr> result = eat("->") ? Optional.of(type()) : Optional.empty();
    return new FuncSig(async, params, result);
  }

  private List<ParamDecl> params() {
    expect("(");
    List<ParamDecl> params = new ArrayList<>();
    while (!eat(")")) {
      Ident name = ident();
      expect(":");
      params.add(new ParamDecl(name, type()));
      if (!eat(",")) {
        expect(")");
        break;
      }
    }
    return params;
  }

  private TypeDecl typeDecl(String docs, Gate gate) {
    Token kw = next();
    if (peek().is(":")) {
      throw error(
          kw,
          "expected an identifier, found keyword `" + kw.text() + "` (write `%" + kw.text() + "`)");
    }
    Ident name = ident();
    return switch (kw.text()) {
      case "type" -> {
        expect("=");
        TypeExpr target = type();
        expect(";");
        yield new TypeDecl.AliasDecl(name, target, docs, gate, kw.span());
      }
      case "record" -> {
        List<FieldDecl> fields = new ArrayList<>();
        for (CaseDecl c : cases("record", "field", true, false)) {
          fields.add(new FieldDecl(c.name(), c.type().orElseThrow(), c.docs()));
        }
        yield new TypeDecl.RecordDecl(name, fields, docs, gate, kw.span());
      }
      case "variant" ->
          new TypeDecl.VariantDecl(
              name, cases("variant", "case", false, true), docs, gate, kw.span());
      case "enum" ->
          new TypeDecl.EnumDecl(name, cases("enum", "case", false, false), docs, gate, kw.span());
      case "flags" ->
          new TypeDecl.FlagsDecl(name, cases("flags", "flag", false, false), docs, gate, kw.span());
      case "resource" -> new TypeDecl.ResourceDecl(name, resourceBody(), docs, gate, kw.span());
      default -> throw new IllegalStateException(kw.text());
    };
  }

  /** {@code { a: T, ... }} (fields), {@code { a, b(T), ... }} (cases) or {@code { a, b }}. */
  private List<CaseDecl> cases(String what, String item, boolean field, boolean payload) {
    Token open = expect("{");
    List<CaseDecl> cases = new ArrayList<>();
    while (!eat("}")) {
      String docs = peek().docs();
      Ident name = ident();
      Optional<TypeExpr> type = Optional.empty();
      if (field) {
        expect(":");
        type = Optional.of(type());
      } else if (payload && eat("(")) {
        type = Optional.of(type());
        expect(")");
      }
      cases.add(new CaseDecl(name, type, docs));
      if (!eat(",")) {
        expect("}");
        break;
      }
    }
    if (cases.isEmpty()) {
      throw error(open, "`" + what + "` must have at least one " + item);
    }
    return cases;
  }

  private List<ResourceFunc> resourceBody() {
    List<ResourceFunc> funcs = new ArrayList<>();
    if (eat(";")) {
      return funcs;
    }
    expect("{");
    while (!eat("}")) {
      Head head = head();
      String docs = head.docs();
      Gate gate = head.gate();
      if (peek().isKeyword("constructor")) {
        Token kw = next();
        List<ParamDecl> params = params();
        if (peek().is("->")) {
          throw error(peek(), "a constructor has no result type");
        }
        expect(";");
        funcs.add(
            new ResourceFunc(
                ResourceFunc.Kind.CONSTRUCTOR,
                new Ident("constructor", kw.span()),
                new FuncSig(false, params, Optional.empty()),
                docs,
                gate,
                kw.span()));
        continue;
      }
      Ident name = ident();
      expect(":");
      boolean isStatic = eatKeyword("static");
      FuncSig sig = funcSig();
      expect(";");
      funcs.add(
          new ResourceFunc(
              isStatic ? ResourceFunc.Kind.STATIC : ResourceFunc.Kind.METHOD,
              name,
              sig,
              docs,
              gate,
              name.span()));
    }
    return funcs;
  }

  // ---- types

  private TypeExpr type() {
    Token t = peek();
    if (t.kind() != Token.Kind.IDENT) {
      throw error(t, "expected a type, found " + t.describe());
    }
    if (t.explicit()) {
      return new TypeExpr.Named(ident());
    }
    Optional<Primitive> prim = Primitive.ofWit(t.text());
    if (prim.isPresent()) {
      next();
      return new TypeExpr.Prim(prim.get());
    }
    return switch (t.text()) {
      case "list" -> {
        next();
        expect("<");
        TypeExpr element = type();
        Optional<Integer> size = Optional.empty();
        if (eat(",")) {
          Token n = next();
          if (n.kind() != Token.Kind.INTEGER || n.text().startsWith("0")) {
            throw error(n, "expected a list length (a positive integer), found " + n.describe());
          }
          try {
            size = Optional.of(Integer.parseInt(n.text()));
          } catch (NumberFormatException e) {
            throw error(n, "list length too large: " + n.text());
          }
        }
        expect(">");
        yield new TypeExpr.ListOf(element, size);
      }
      case "tuple" -> {
        next();
        expect("<");
        List<TypeExpr> types = new ArrayList<>();
        do {
          if (peek().is(">")) {
            break;
          }
          types.add(type());
        } while (eat(","));
        Token close = expect(">");
        if (types.isEmpty()) {
          throw error(close, "`tuple` must have at least one type");
        }
        yield new TypeExpr.TupleOf(types);
      }
      case "option" -> {
        next();
        expect("<");
        TypeExpr inner = type();
        expect(">");
        yield new TypeExpr.OptionOf(inner);
      }
      case "result" -> {
        next();
        if (!eat("<")) {
          yield new TypeExpr.ResultOf(Optional.empty(), Optional.empty());
        }
        if (eat("_")) {
          expect(",");
          TypeExpr err = type();
          expect(">");
          yield new TypeExpr.ResultOf(Optional.empty(), Optional.of(err));
        }
        TypeExpr ok = type();
        Optional<TypeExpr> err = eat(",") ? Optional.of(type()) : Optional.empty();
        expect(">");
        yield new TypeExpr.ResultOf(Optional.of(ok), err);
      }
      case "map" -> {
        next();
        expect("<");
        TypeExpr key = type();
        expect(",");
        TypeExpr value = type();
        expect(">");
        yield new TypeExpr.MapOf(key, value);
      }
      case "future", "stream" -> {
        next();
        Optional<TypeExpr> inner = Optional.empty();
        if (eat("<")) {
          inner = Optional.of(type());
          expect(">");
        }
        yield t.text().equals("future")
            ? new TypeExpr.FutureOf(inner)
            : new TypeExpr.StreamOf(inner);
      }
      case "borrow", "own" -> {
        next();
        expect("<");
        Ident r = ident();
        expect(">");
        yield t.text().equals("borrow") ? new TypeExpr.Borrow(r) : new TypeExpr.Own(r);
      }
      default -> new TypeExpr.Named(ident());
    };
  }

  // ---- worlds

  private WorldMember worldMember() {
    Head head = head();
    String docs = head.docs();
    Gate gate = head.gate();
    Token t = peek();
    if (t.isKeyword("use")) {
      return useDecl(docs, gate);
    }
    if (isTypeKeyword(t)) {
      return typeDecl(docs, gate);
    }
    if (t.isKeyword("include")) {
      next();
      UsePath world = usePath();
      List<IncludeDecl.Rename> with = new ArrayList<>();
      if (eatKeyword("with")) {
        expect("{");
        do {
          if (peek().is("}")) {
            break;
          }
          Ident from = ident();
          expectKeyword("as");
          with.add(new IncludeDecl.Rename(from, ident()));
        } while (eat(","));
        expect("}");
        eat(";");
      } else {
        expect(";");
      }
      return new IncludeDecl(world, with, gate, t.span());
    }
    if (t.isKeyword("import") || t.isKeyword("export")) {
      next();
      return new ExternDecl(t.isKeyword("export"), extern(), docs, gate, t.span());
    }
    throw error(
        t, "expected `import`, `export`, `include`, `use` or a type, found " + t.describe());
  }

  private Extern extern() {
    Ident first = ident();
    if (!eat(":")) {
      expect(";");
      return new ExternDecl.ByPath(new UsePath.Local(first));
    }
    Token t = peek();
    if (t.isKeyword("func") || t.isKeyword("async")) {
      FuncSig sig = funcSig();
      expect(";");
      return new ExternDecl.NamedFunc(first, sig);
    }
    if (t.isKeyword("interface")) {
      next();
      expect("{");
      return new ExternDecl.NamedInterface(first, interfaceItems());
    }
    Ident second = ident();
    if (peek().is("/")) {
      next();
      Ident name = ident();
      if (peek().is("/")) {
        throw error(peek(), "nested interfaces (`a:b/c/d`) are not supported");
      }
      UsePath path =
          new UsePath.Qualified(
              new PackageName(first.name(), second.name(), optionalVersion()), name, first.span());
      expect(";");
      return new ExternDecl.ByPath(path);
    }
    UsePath path;
    if (eat(":")) {
      Ident pkg = ident();
      expect("/");
      Ident name = ident();
      path =
          new UsePath.Qualified(
              new PackageName(second.name(), pkg.name(), optionalVersion()), name, second.span());
    } else {
      path = new UsePath.Local(second);
    }
    expect(";");
    return new ExternDecl.NamedPath(first, path);
  }
}
