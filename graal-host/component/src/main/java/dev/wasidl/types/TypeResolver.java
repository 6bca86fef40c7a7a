package dev.wasidl.types;

import dev.wasidl.component.Alias;
import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.CanonicalFunction;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.ComponentType;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.Decl;
import dev.wasidl.component.DefType;
import dev.wasidl.component.DefValType;
import dev.wasidl.component.Definition;
import dev.wasidl.component.EnumDef;
import dev.wasidl.component.Export;
import dev.wasidl.component.ExportDecl;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.FlagsDef;
import dev.wasidl.component.FuncDef;
import dev.wasidl.component.Import;
import dev.wasidl.component.InstanceExpr;
import dev.wasidl.component.InstanceType;
import dev.wasidl.component.ListDef;
import dev.wasidl.component.OptionDef;
import dev.wasidl.component.OwnDef;
import dev.wasidl.component.PrimValType;
import dev.wasidl.component.RecordDef;
import dev.wasidl.component.ResourceDef;
import dev.wasidl.component.ResultDef;
import dev.wasidl.component.Sort;
import dev.wasidl.component.SortIndex;
import dev.wasidl.component.TupleDef;
import dev.wasidl.component.TypeBound;
import dev.wasidl.component.TypeIndex;
import dev.wasidl.component.TypeSpace;
import dev.wasidl.component.ValType;
import dev.wasidl.component.VariantDef;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the decoder's types ({@link dev.wasidl.component}: type indices, aliases, imports and
 * exports of types, outer aliases, instances) into {@link Type}s, {@link FuncType}s and {@link
 * ResourceType}s with nothing left to resolve.
 *
 * <p>A resolver stands for one scope: a component, the declarators of an instance type (for an
 * imported instance), an instance made of exports, or a nested component's instance. Each resource
 * type definition, and each abstract {@code (sub resource)} of an import or export, becomes one
 * {@link ResourceType}: the same object every time it is resolved through the same resolver tree.
 * Each imported instance gets its own resources, even when two imports share an instance type.
 * Misuse (an index of the wrong kind, an unknown export name) fails with an {@link
 * IllegalArgumentException}; the decoder has validated everything else. Not thread-safe.
 */
public final class TypeResolver {
  /** Where a scope's names come from. */
  private sealed interface Kind {
    /** A component's index spaces; {@code with} binds imports of an instantiated component. */
    record OfComponent(ComponentDef component, Map<String, SortIndex> with) implements Kind {}

    /** The declarators of an instance or component type. */
    record OfDecls(List<Decl> decls) implements Kind {}

    /** An instance made of exports of the parent scope's definitions. */
    record OfExports(Map<String, SortIndex> exports) implements Kind {}
  }

  /** An instance or component type, with the scope it was defined in (for outer aliases). */
  private record Declared(List<Decl> decls, TypeResolver scope) {}

  private final TypeResolver parent;
  private final Kind kind;
  private final List<?> typeSpace;
  private final List<?> instanceSpace;
  private final Map<Integer, Object> resolved = new HashMap<>();
  private final Map<Integer, TypeResolver> instances = new HashMap<>();

  private TypeResolver(TypeResolver parent, Kind kind) {
    this.parent = parent;
    this.kind = kind;
    switch (kind) {
      case Kind.OfComponent c -> {
        typeSpace = c.component().indexSpace(Sort.TYPE);
        instanceSpace = c.component().indexSpace(Sort.INSTANCE);
      }
      case Kind.OfDecls d -> {
        typeSpace = TypeSpace.of(d.decls());
        instanceSpace = d.decls().stream().filter(TypeResolver::addsInstance).toList();
      }
      case Kind.OfExports e -> {
        typeSpace = List.of();
        instanceSpace = List.of();
      }
    }
  }

  private static boolean addsInstance(Decl d) {
    return switch (d) {
      case Alias a -> a.sort() == Sort.INSTANCE;
      case ExportDecl e -> e.type().sort() == Sort.INSTANCE;
      case Import i -> i.type().sort() == Sort.INSTANCE;
      case CoreType c -> false;
      case DefType t -> false;
    };
  }

  /** The resolver of a (top-level) component's index spaces. */
  public static TypeResolver of(ComponentDef component) {
    return new TypeResolver(null, new Kind.OfComponent(component, Map.of()));
  }

  /** The value type at type index {@code typeIndex}. */
  public Type valType(int typeIndex) {
    return switch (resolve(typeIndex)) {
      case Type t -> t;
      case Object other -> throw notA("value type", typeIndex, other);
    };
  }

  /** {@code t} resolved in this scope. */
  public Type valType(ValType t) {
    return switch (t) {
      case PrimValType p -> primitive(p);
      case TypeIndex i -> valType(i.index());
    };
  }

  /** The function type at type index {@code typeIndex}. */
  public FuncType funcType(int typeIndex) {
    return switch (resolve(typeIndex)) {
      case FuncType f -> f;
      case Object other -> throw notA("function type", typeIndex, other);
    };
  }

  /** The resource type at type index {@code typeIndex}. */
  public ResourceType resourceType(int typeIndex) {
    return switch (resolve(typeIndex)) {
      case ResourceType r -> r;
      case Object other -> throw notA("resource type", typeIndex, other);
    };
  }

  /** The type of the component function at {@code funcIndex} of a component scope. */
  public FuncType funcTypeOfFunc(int funcIndex) {
    Definition d = component("the function index space").indexSpace(Sort.FUNC).get(funcIndex);
    return switch (d) {
      case Import i when i.type() instanceof ExternType.Func f ->
          imported(i)
              .map(s -> parent.funcTypeOfFunc(s.index()))
              .orElseGet(() -> funcType(f.type()));
      case CanonicalFunction.Lift l -> funcType(l.type());
      case Alias.InstanceExport a -> instance(a.instance()).exportedFunc(a.name());
      case Alias.Outer a -> ancestor(a.count()).funcTypeOfFunc(a.index());
      case Export e -> funcTypeOfFunc(e.target().index());
      default ->
          throw new IllegalArgumentException("func " + funcIndex + " is not a component function");
    };
  }

  /**
   * The scope of the instance at {@code instanceIndex}: the instance type of an imported instance,
   * an instance made of exports, or the instance of an instantiated nested component.
   */
  public TypeResolver instance(int instanceIndex) {
    TypeResolver cached = instances.get(instanceIndex);
    if (cached != null) {
      return cached;
    }
    Object entry = instanceSpace.get(instanceIndex);
    TypeResolver r =
        switch (entry) {
          case Import i when i.type() instanceof ExternType.Instance it ->
              imported(i)
                  .map(s -> parent.instance(s.index()))
                  .orElseGet(() -> instanceTypeAt(it.type()));
          case ExportDecl e when e.type() instanceof ExternType.Instance it ->
              instanceTypeAt(it.type());
          case Alias.InstanceExport a -> instance(a.instance()).exportedInstance(a.name());
          case Export e -> instance(e.target().index());
          case InstanceExpr.FromExports f ->
              new TypeResolver(this, new Kind.OfExports(exportsOf(f)));
          case InstanceExpr.Instantiate in -> instantiate(in);
          default ->
              throw new IllegalArgumentException(
                  "instance " + instanceIndex + " cannot be resolved: " + entry);
        };
    instances.put(instanceIndex, r);
    return r;
  }

  /**
   * The names this scope exports (a component's or instance's exports, an instance type's export
   * declarators) with their sorts, in order.
   */
  public Map<String, Sort> exports() {
    Map<String, Sort> names = new LinkedHashMap<>();
    switch (kind) {
      case Kind.OfComponent c ->
          c.component().exports().forEach(e -> names.put(e.name().text(), e.target().sort()));
      case Kind.OfDecls d -> {
        for (Decl decl : d.decls()) {
          if (decl instanceof ExportDecl e) {
            names.put(e.name().text(), e.type().sort());
          }
        }
      }
      case Kind.OfExports e ->
          e.exports().forEach((name, target) -> names.put(name, target.sort()));
    }
    return Collections.unmodifiableMap(names);
  }

  /**
   * The type exported as {@code name}: a value {@link Type} or a {@link ResourceType}.
   *
   * @throws IllegalArgumentException if {@code name} is not a type export
   */
  public Object exportedTypeOrResource(String name) {
    return switch (exportedTypeEntry(name)) {
      case Type t -> t;
      case ResourceType r -> r;
      case Object other -> throw notA("value or resource type", -1, other);
    };
  }

  /** The value type exported as {@code name} by this instance or instance type. */
  public Type exportedType(String name) {
    return switch (exportedTypeEntry(name)) {
      case Type t -> t;
      case Object other -> throw notA("value type", -1, other);
    };
  }

  /** The resource type exported as {@code name}. */
  public ResourceType exportedResource(String name) {
    return switch (exportedTypeEntry(name)) {
      case ResourceType r -> r;
      case Object other -> throw notA("resource type", -1, other);
    };
  }

  /** The type of the function exported as {@code name}. */
  public FuncType exportedFunc(String name) {
    return switch (kind) {
      case Kind.OfComponent c -> funcTypeOfFunc(exportIndex(c.component(), name, Sort.FUNC));
      case Kind.OfDecls d -> {
        for (Decl decl : d.decls()) {
          if (decl instanceof ExportDecl e
              && e.name().text().equals(name)
              && e.type() instanceof ExternType.Func f) {
            yield funcType(f.type());
          }
        }
        throw new IllegalArgumentException("no function export `" + name + "`");
      }
      case Kind.OfExports e -> parent.funcTypeOfFunc(outerExport(e, name, Sort.FUNC));
    };
  }

  private TypeResolver exportedInstance(String name) {
    return switch (kind) {
      case Kind.OfComponent c -> instance(exportIndex(c.component(), name, Sort.INSTANCE));
      case Kind.OfDecls d -> instance(declIndex(instanceSpace, name, Sort.INSTANCE));
      case Kind.OfExports e -> parent.instance(outerExport(e, name, Sort.INSTANCE));
    };
  }

  private Object exportedTypeEntry(String name) {
    return switch (kind) {
      case Kind.OfComponent c -> resolve(exportIndex(c.component(), name, Sort.TYPE));
      case Kind.OfDecls d -> resolve(declIndex(typeSpace, name, Sort.TYPE));
      case Kind.OfExports e -> parent.resolve(outerExport(e, name, Sort.TYPE));
    };
  }

  // --- type index resolution

  private Object resolve(int typeIndex) {
    Object cached = resolved.get(typeIndex);
    if (cached != null) {
      return cached;
    }
    if (typeIndex < 0 || typeIndex >= typeSpace.size()) {
      throw new IllegalArgumentException("type index " + typeIndex + " out of bounds");
    }
    Object entry = typeSpace.get(typeIndex);
    Object r =
        switch (entry) {
          case DefType d -> define(d, typeIndex);
          case Alias.Outer a -> ancestor(a.count()).resolve(a.index());
          case Alias.InstanceExport a -> instance(a.instance()).exportedTypeEntry(a.name());
          case Import i -> bound(i, i.name().text(), i.type());
          case ExportDecl e -> bound(null, e.name().text(), e.type());
          case Export e -> resolve(e.target().index());
          default ->
              throw new IllegalArgumentException(
                  "type " + typeIndex + " cannot be resolved: " + entry);
        };
    resolved.put(typeIndex, r);
    return r;
  }

  private Object bound(Import imp, String name, ExternType type) {
    if (imp != null) {
      java.util.Optional<SortIndex> arg = imported(imp);
      if (arg.isPresent()) {
        return parent.resolve(arg.get().index());
      }
    }
    if (!(type instanceof ExternType.Type t)) {
      throw new IllegalArgumentException("`" + name + "` is not a type");
    }
    return switch (t.bound()) {
      case TypeBound.Eq eq -> resolve(eq.type());
      case TypeBound.SubResource s -> ResourceType.imported(name);
    };
  }

  private Object define(DefType d, int typeIndex) {
    return switch (d) {
      case DefValType v -> defValType(v);
      case FuncDef f ->
          new FuncType(
              f.params().stream()
                  .map(p -> new FuncType.Param(p.label(), valType(p.type())))
                  .toList(),
              f.result().map(this::valType));
      case ResourceDef r -> ResourceType.guest(definedName(typeIndex));
      case InstanceType it -> new Declared(it.decls(), this);
      case ComponentType ct -> new Declared(ct.decls(), this);
    };
  }

  private TypeResolver instanceTypeAt(int typeIndex) {
    return switch (resolve(typeIndex)) {
      case Declared d -> new TypeResolver(d.scope(), new Kind.OfDecls(d.decls()));
      case Object other -> throw notA("instance type", typeIndex, other);
    };
  }

  private Type defValType(DefValType v) {
    return switch (v) {
      case PrimValType p -> primitive(p);
      case RecordDef r ->
          new RecordType(
              r.fields().stream()
                  .map(f -> new RecordType.Field(f.label(), valType(f.type())))
                  .toList());
      case VariantDef vt ->
          new VariantType(
              vt.cases().stream()
                  .map(c -> new VariantType.Case(c.label(), c.type().map(this::valType)))
                  .toList());
      case ListDef l -> new ListType(valType(l.element()));
      case TupleDef t -> new TupleType(t.types().stream().map(this::valType).toList());
      case FlagsDef f -> new FlagsType(f.labels());
      case EnumDef e -> new EnumType(e.labels());
      case OptionDef o -> new OptionType(valType(o.type()));
      case ResultDef r -> new ResultType(r.ok().map(this::valType), r.error().map(this::valType));
      case OwnDef o -> new OwnType(resourceType(o.resource()));
      case BorrowDef b -> new BorrowType(resourceType(b.resource()));
    };
  }

  private static Primitive primitive(PrimValType p) {
    return Primitive.valueOf(p.name().toUpperCase(Locale.ROOT));
  }

  // --- scopes, names, exports

  /** The argument an instantiation passed for import {@code i}, if this is such a component. */
  private java.util.Optional<SortIndex> imported(Import i) {
    return kind instanceof Kind.OfComponent c
        ? java.util.Optional.ofNullable(c.with().get(i.name().text()))
        : java.util.Optional.empty();
  }

  private TypeResolver ancestor(int count) {
    TypeResolver r = this;
    for (int i = 0; i < count; i++) {
      r = r.parent;
      if (r == null) {
        throw new IllegalArgumentException(
            "outer alias count " + count + " leaves the outermost scope");
      }
    }
    return r;
  }

  private ComponentDef component(String what) {
    if (kind instanceof Kind.OfComponent c) {
      return c.component();
    }
    throw new IllegalArgumentException(what + " needs a component scope");
  }

  private static Map<String, SortIndex> exportsOf(InstanceExpr.FromExports f) {
    Map<String, SortIndex> m = new LinkedHashMap<>();
    for (InstanceExpr.Export e : f.exports()) {
      m.put(e.name().text(), e.target());
    }
    return Collections.unmodifiableMap(m);
  }

  private TypeResolver instantiate(InstanceExpr.Instantiate in) {
    Definition c = component("instantiate").indexSpace(Sort.COMPONENT).get(in.component());
    if (!(c instanceof ComponentDef nested)) {
      throw new IllegalArgumentException(
          "instantiating an imported or aliased component is not resolved: " + c);
    }
    Map<String, SortIndex> with = new HashMap<>();
    for (InstanceExpr.Arg a : in.args()) {
      with.put(a.name(), a.target());
    }
    return new TypeResolver(this, new Kind.OfComponent(nested, Map.copyOf(with)));
  }

  private static int exportIndex(ComponentDef c, String name, Sort sort) {
    for (Export e : c.exports()) {
      if (e.name().text().equals(name) && e.target().sort() == sort) {
        return e.target().index();
      }
    }
    throw new IllegalArgumentException("no " + sort + " export `" + name + "`");
  }

  private static int declIndex(List<?> space, String name, Sort sort) {
    for (int i = 0; i < space.size(); i++) {
      if (space.get(i) instanceof ExportDecl e && e.name().text().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + sort + " export `" + name + "`");
  }

  private static int outerExport(Kind.OfExports e, String name, Sort sort) {
    SortIndex target = e.exports().get(name);
    if (target == null || target.sort() != sort) {
      throw new IllegalArgumentException("no " + sort + " export `" + name + "`");
    }
    return target.index();
  }

  private String definedName(int typeIndex) {
    if (kind instanceof Kind.OfComponent c) {
      for (Export e : c.component().exports()) {
        if (e.target().sort() == Sort.TYPE && e.target().index() == typeIndex) {
          return e.name().text();
        }
      }
      var named = c.component().names().flatMap(n -> n.nameOf(Sort.TYPE, typeIndex));
      if (named.isPresent()) {
        return named.get();
      }
    }
    return "resource-" + typeIndex;
  }

  private static IllegalArgumentException notA(String what, int typeIndex, Object found) {
    String is =
        switch (found) {
          case Type t -> "the value type " + t;
          case FuncType f -> "the function type " + f;
          case ResourceType r -> "the resource type " + r;
          case Declared d -> "an instance or component type";
          default -> found.toString();
        };
    return new IllegalArgumentException(
        (typeIndex < 0 ? "export" : "type " + typeIndex) + " is " + is + ", not a " + what);
  }
}
