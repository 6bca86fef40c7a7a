package dev.wasidl.component.binary;

import dev.wasidl.component.Alias;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.ComponentNames;
import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreInstance;
import dev.wasidl.component.CoreModule;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CustomSection;
import dev.wasidl.component.Definition;
import dev.wasidl.component.Export;
import dev.wasidl.component.ExportDecl;
import dev.wasidl.component.ExternName;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.Import;
import dev.wasidl.component.InstanceExpr;
import dev.wasidl.component.NameAttributes;
import dev.wasidl.component.Sort;
import dev.wasidl.component.SortIndex;
import dev.wasidl.component.Start;
import dev.wasidl.component.TypeBound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes and validates a component binary (Binary.md, preview-2 feature set), building the index
 * spaces incrementally as the spec defines. Entry point: {@link #read(byte[])}.
 */
public final class ComponentReader {
  private final TypeReader types = new TypeReader(this);

  private ComponentReader() {}

  /** Decodes and validates one component binary. */
  public static ComponentDef read(byte[] bytes) {
    BinaryReader r = new BinaryReader(bytes, 0, bytes.length, "preamble");
    ComponentReader reader = new ComponentReader();
    return reader.component(r, null).component();
  }

  /** A decoded component with its validation scope (what it imports and exports). */
  private record Read(ComponentDef component, ValidationScope scope) {
    Facts.ComponentT info() {
      return new Facts.ComponentT(
          TypeReader.ordered(scope.imports),
          TypeReader.ordered(scope.exports),
          List.copyOf(scope.fresh));
    }
  }

  static String sectionName(int id) {
    return switch (id) {
      case 0 -> "custom section";
      case 1 -> "core module section";
      case 2 -> "core instance section";
      case 3 -> "core type section";
      case 4 -> "component section";
      case 5 -> "instance section";
      case 6 -> "alias section";
      case 7 -> "type section";
      case 8 -> "canon section";
      case 9 -> "start section";
      case 10 -> "import section";
      case 11 -> "export section";
      case 12 -> "value section";
      default -> "section " + id;
    };
  }

  private Read component(BinaryReader r, ValidationScope parent) {
    int start = r.pos();
    BinaryReader pre = new BinaryReader(r.bytes(), r.pos(), r.limit(), "preamble");
    if (pre.remaining() < 8) {
      throw pre.malformed(
          "unexpected end: the preamble needs 8 bytes, " + pre.remaining() + " left");
    }
    if (pre.u8() != 0x00 || pre.u8() != 0x61 || pre.u8() != 0x73 || pre.u8() != 0x6d) {
      throw pre.malformed("magic header not detected: a component starts with \\0asm", start);
    }
    int version = pre.u8() | pre.u8() << 8;
    int layer = pre.u8() | pre.u8() << 8;
    if (layer == 0) {
      throw pre.malformed(
          "expected a component (layer 1), found a core module (layer 0)", start + 6);
    }
    if (layer != 1) {
      throw pre.malformed("unknown layer " + layer, start + 6);
    }
    if (version != 0x0d) {
      throw pre.malformed(
          "unknown binary version 0x" + Integer.toHexString(version) + " (this decoder reads 0x0d)",
          start + 4);
    }
    r.skip(8);
    ValidationScope scope =
        ValidationScope.nested(r, parent, ValidationScope.Kind.COMPONENT, start);
    List<Definition> definitions = new ArrayList<>();
    List<CustomSection> customs = new ArrayList<>();
    Optional<ComponentNames> names = Optional.empty();
    boolean started = false;
    while (!r.atEnd()) {
      int idAt = r.pos();
      int id = r.u8();
      if (id > 12) {
        throw r.malformed("malformed section id " + id, idAt);
      }
      int size = r.u32();
      BinaryReader s = r.window(size, sectionName(id));
      switch (id) {
        case 0 -> {
          int payloadAt = s.pos();
          String name = s.name();
          CustomSection custom = new CustomSection(name, s.pos(), s.slice(s.pos(), s.limit()));
          s.skip(s.remaining());
          customs.add(custom);
          if (name.equals("component-name") && names.isEmpty()) {
            names = NameSectionReader.read(custom);
          }
          assert payloadAt <= s.pos();
        }
        case 1 -> {
          CoreModule m = CoreModuleReader.read(s);
          scope.add(Sort.CORE_MODULE, moduleInfo(m), m);
          definitions.add(m);
        }
        case 2 -> vec(s, () -> definitions.add(coreInstance(s, scope)));
        case 3 -> vec(s, () -> definitions.add(types.coreTypeDefinition(s, scope)));
        case 4 -> {
          Read nested = component(s, scope);
          scope.add(Sort.COMPONENT, nested.info(), nested.component());
          definitions.add(nested.component());
        }
        case 5 -> vec(s, () -> definitions.add(instance(s, scope)));
        case 6 -> vec(s, () -> definitions.add(aliasDefinition(s, scope)));
        case 7 -> vec(s, () -> definitions.add(types.typeDefinition(s, scope)));
        case 8 -> vec(s, () -> definitions.add(CanonReader.read(s, scope)));
        case 9 -> {
          if (started) {
            throw s.invalid("component has more than one start function", idAt);
          }
          started = true;
          definitions.add(start(s, scope));
        }
        case 10 -> vec(s, () -> definitions.add(importDefinition(s, scope)));
        case 11 -> vec(s, () -> definitions.add(export(s, scope)));
        case 12 -> throw s.unsupported("value section (🪙 value definitions)", idAt);
        default -> throw new AssertionError(id);
      }
      s.expectEnd();
    }
    ComponentDef component =
        new ComponentDef(
            start, r.slice(start, r.pos()), definitions, scope.definitions(), customs, names);
    return new Read(component, scope);
  }

  static void vec(BinaryReader s, Runnable element) {
    int n = s.vecLength();
    for (int i = 0; i < n; i++) {
      element.run();
    }
  }

  // ---- index checks -------------------------------------------------------------------------

  static int checkIndex(BinaryReader s, ValidationScope scope, Sort sort, int index, int at) {
    int size = scope.size(sort);
    if (index >= size) {
      throw s.invalid(
          sort.specName()
              + " index "
              + index
              + " out of range: the "
              + sort.specName()
              + " index space of this "
              + scope.kind.specName
              + " has "
              + size
              + (size == 1 ? " entry" : " entries"),
          at);
    }
    return index;
  }

  static int readIndex(BinaryReader s, ValidationScope scope, Sort sort) {
    int at = s.pos();
    return checkIndex(s, scope, sort, s.index(), at);
  }

  // ---- sorts --------------------------------------------------------------------------------

  static Sort coreSort(BinaryReader s) {
    int at = s.pos();
    int b = s.u8();
    return switch (b) {
      case 0x00 -> Sort.CORE_FUNC;
      case 0x01 -> Sort.CORE_TABLE;
      case 0x02 -> Sort.CORE_MEMORY;
      case 0x03 -> Sort.CORE_GLOBAL;
      case 0x04 -> Sort.CORE_TAG;
      case 0x10 -> Sort.CORE_TYPE;
      case 0x11 -> Sort.CORE_MODULE;
      case 0x12 -> Sort.CORE_INSTANCE;
      default -> throw s.malformed("invalid core sort 0x" + Integer.toHexString(b), at);
    };
  }

  static Sort sort(BinaryReader s) {
    int at = s.pos();
    int b = s.u8();
    return switch (b) {
      case 0x00 -> coreSort(s);
      case 0x01 -> Sort.FUNC;
      case 0x02 -> throw s.unsupported("value sort (🪙 value definitions)", at);
      case 0x03 -> Sort.TYPE;
      case 0x04 -> Sort.COMPONENT;
      case 0x05 -> Sort.INSTANCE;
      default -> throw s.malformed("invalid sort 0x" + Integer.toHexString(b), at);
    };
  }

  // ---- core instances -----------------------------------------------------------------------

  private CoreInstance coreInstance(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    int form = s.u8();
    CoreInstance instance;
    Facts info;
    switch (form) {
      case 0x00 -> {
        int module = readIndex(s, scope, Sort.CORE_MODULE);
        List<CoreInstance.Arg> args = new ArrayList<>();
        Map<String, Facts> supplied = new HashMap<>();
        int n = s.vecLength();
        for (int i = 0; i < n; i++) {
          int argAt = s.pos();
          String name = s.name();
          int sortAt = s.pos();
          int sort = s.u8();
          if (sort != 0x12) {
            throw s.malformed(
                "core instantiation argument `"
                    + name
                    + "` must be a core instance (sort 0x12), not 0x"
                    + Integer.toHexString(sort),
                sortAt);
          }
          int inst = readIndex(s, scope, Sort.CORE_INSTANCE);
          if (supplied.put(name, scope.info(Sort.CORE_INSTANCE, inst)) != null) {
            throw s.invalid("duplicate core instantiation argument `" + name + "`", argAt);
          }
          args.add(new CoreInstance.Arg(name, inst));
        }
        Facts moduleInfo = scope.info(Sort.CORE_MODULE, module);
        if (moduleInfo instanceof Facts.CoreModuleT m) {
          checkCoreImports(s, m, supplied, at);
          info = new Facts.CoreInstanceT(m.exports());
        } else {
          info = Facts.UNKNOWN;
        }
        instance = new CoreInstance.Instantiate(module, args);
      }
      case 0x01 -> {
        List<CoreInstance.Export> exports = new ArrayList<>();
        Map<String, Facts.Extern> map = new LinkedHashMap<>();
        int n = s.vecLength();
        for (int i = 0; i < n; i++) {
          int nameAt = s.pos();
          String name = s.name();
          Sort sort = coreSort(s);
          if (sort == Sort.CORE_TYPE || sort == Sort.CORE_MODULE || sort == Sort.CORE_INSTANCE) {
            throw s.invalid("a core instance cannot export a " + sort.specName(), nameAt);
          }
          int idx = readIndex(s, scope, sort);
          if (map.put(name, new Facts.Extern(sort, scope.info(sort, idx))) != null) {
            throw s.invalid("duplicate core instance export `" + name + "`", nameAt);
          }
          exports.add(new CoreInstance.Export(name, new SortIndex(sort, idx)));
        }
        info = new Facts.CoreInstanceT(map);
        instance = new CoreInstance.FromExports(exports);
      }
      default -> throw s.malformed("invalid core instance form 0x" + Integer.toHexString(form), at);
    }
    scope.add(Sort.CORE_INSTANCE, info, instance);
    return instance;
  }

  private static void checkCoreImports(
      BinaryReader s, Facts.CoreModuleT module, Map<String, Facts> supplied, int at) {
    for (int i = 0; i < module.imports().size(); i++) {
      var imp = module.imports().get(i);
      CoreType.Func wanted = module.importTypes().get(i);
      Facts arg = supplied.get(imp.module());
      if (arg == null) {
        throw s.invalid(
            "missing core instantiation argument `"
                + imp.module()
                + "` (for import `"
                + imp.module()
                + "`.`"
                + imp.name()
                + "`)",
            at);
      }
      if (arg instanceof Facts.CoreInstanceT inst) {
        Facts.Extern e = inst.exports().get(imp.name());
        if (e == null) {
          throw s.invalid(
              "core instantiation argument `"
                  + imp.module()
                  + "` has no export `"
                  + imp.name()
                  + "`",
              at);
        }
        if (e.sort() != imp.type().sort()) {
          throw s.invalid(
              "core import `"
                  + imp.module()
                  + "`.`"
                  + imp.name()
                  + "` is a "
                  + imp.type().sort().specName()
                  + " but the argument exports a "
                  + e.sort().specName(),
              at);
        }
        if (e.info() instanceof Facts.CoreExtern given) {
          String mismatch = CoreTypes.mismatch(imp.type(), given.type());
          if (mismatch != null) {
            throw s.invalid(
                "core import `" + imp.module() + "`.`" + imp.name() + "`: " + mismatch, at);
          }
        }
        if (wanted != null
            && e.info() instanceof Facts.CoreFunc given
            && !given.type().equals(wanted)) {
          throw s.invalid(
              "core import `"
                  + imp.module()
                  + "`.`"
                  + imp.name()
                  + "` has type "
                  + signature(wanted)
                  + " but the argument provides "
                  + signature(given.type()),
              at);
        }
      }
    }
  }

  static String signature(CoreType.Func f) {
    return f.params() + " -> " + f.results();
  }

  private static Facts known(List<? extends CoreExternType> types, int index) {
    return index < types.size() ? new Facts.CoreExtern(types.get(index)) : Facts.UNKNOWN;
  }

  static Facts moduleInfo(CoreModule m) {
    Map<String, Facts.Extern> exports = new LinkedHashMap<>();
    for (var e : m.exports()) {
      Facts info =
          switch (e.sort()) {
            case CORE_FUNC -> new Facts.CoreFunc(m.functionType(e.index()));
            case CORE_TABLE -> known(m.tables(), e.index());
            case CORE_MEMORY -> known(m.memories(), e.index());
            case CORE_GLOBAL -> known(m.globals(), e.index());
            default -> Facts.UNKNOWN;
          };
      exports.put(e.name(), new Facts.Extern(e.sort(), info));
    }
    List<CoreType.Func> importTypes = new ArrayList<>();
    for (var imp : m.imports()) {
      importTypes.add(
          imp.type() instanceof CoreExternType.Func f ? m.types().get(f.typeIndex()) : null);
    }
    return new Facts.CoreModuleT(m.imports(), importTypes, exports);
  }

  // ---- component instances ------------------------------------------------------------------

  private InstanceExpr instance(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    int form = s.u8();
    InstanceExpr instance;
    Facts info;
    switch (form) {
      case 0x00 -> {
        int component = readIndex(s, scope, Sort.COMPONENT);
        List<InstanceExpr.Arg> args = new ArrayList<>();
        Map<String, Facts.Extern> supplied = new HashMap<>();
        int n = s.vecLength();
        for (int i = 0; i < n; i++) {
          int argAt = s.pos();
          String name = s.name();
          Sort sort = sort(s);
          int idx = readIndex(s, scope, sort);
          if (supplied.put(name, new Facts.Extern(sort, scope.info(sort, idx))) != null) {
            throw s.invalid("duplicate instantiation argument `" + name + "`", argAt);
          }
          args.add(new InstanceExpr.Arg(name, new SortIndex(sort, idx)));
        }
        Facts componentInfo = scope.info(Sort.COMPONENT, component);
        if (componentInfo instanceof Facts.ComponentT c) {
          Subtyping subtyping = new Subtyping();
          for (var imp : c.imports().entrySet()) {
            Facts.Extern arg = supplied.get(imp.getKey());
            if (arg == null) {
              throw s.invalid("missing instantiation argument `" + imp.getKey() + "`", at);
            }
            if (arg.sort() != imp.getValue().sort()) {
              throw s.invalid(
                  "instantiation argument `"
                      + imp.getKey()
                      + "` is a "
                      + arg.sort().specName()
                      + " but the import is a "
                      + imp.getValue().sort().specName(),
                  at);
            }
            if (!subtyping.extern(imp.getKey(), arg.sort(), arg.info(), imp.getValue().info())) {
              throw s.invalid(
                  "instantiation argument `"
                      + imp.getKey()
                      + "` does not match the import's type: "
                      + subtyping.mismatch(),
                  at);
            }
          }
          // Resources the component defines are new per instance (and not local to this one).
          for (Facts r : c.fresh()) {
            subtyping.bind(r, types.newResource(scope, false));
          }
          info = subtyping.substitute(new Facts.InstanceT(c.exports(), List.of()));
        } else {
          info = Facts.UNKNOWN;
        }
        instance = new InstanceExpr.Instantiate(component, args);
      }
      case 0x01 -> {
        List<InstanceExpr.Export> exports = new ArrayList<>();
        Map<String, Facts.Extern> map = new LinkedHashMap<>();
        Map<String, String> keys = new HashMap<>();
        int n = s.vecLength();
        for (int i = 0; i < n; i++) {
          int nameAt = s.pos();
          ExternNameReader.Named named = ExternNameReader.read(s);
          ExternName name = named.name();
          NameAttributes attributes = named.attributes();
          ExternNameReader.unique(s, keys, name, "export", nameAt);
          int sortAt = s.pos();
          Sort sort = sort(s);
          checkExportableSort(s, sort, sortAt);
          int idx = readIndex(s, scope, sort);
          map.put(name.text(), new Facts.Extern(sort, scope.info(sort, idx)));
          exports.add(new InstanceExpr.Export(name, attributes, new SortIndex(sort, idx)));
        }
        info = new Facts.InstanceT(map, List.of());
        instance = new InstanceExpr.FromExports(exports);
      }
      default -> throw s.malformed("invalid instance form 0x" + Integer.toHexString(form), at);
    }
    scope.add(Sort.INSTANCE, info, instance);
    return instance;
  }

  static void checkExportableSort(BinaryReader s, Sort sort, int at) {
    if (sort.isCore() && sort != Sort.CORE_MODULE) {
      throw s.invalid("a " + sort.specName() + " cannot be exported from a component", at);
    }
  }

  // ---- aliases ------------------------------------------------------------------------------

  private Alias aliasDefinition(BinaryReader s, ValidationScope scope) {
    return alias(s, scope);
  }

  /** Reads an alias (definition or declarator) and adds its index to {@code scope}. */
  Alias alias(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    Sort sort = sort(s);
    int targetAt = s.pos();
    int target = s.u8();
    boolean decl = scope.kind != ValidationScope.Kind.COMPONENT;
    Alias alias;
    Facts info;
    // Whether the new index has an externally visible name: exports of imported or exported
    // instances do, outer aliases within a component (not across one) keep the target's.
    boolean named = true;
    switch (target) {
      case 0x00 -> {
        if (sort.isCore() && sort != Sort.CORE_MODULE) {
          throw s.invalid(
              "an instance export alias cannot have a " + sort.specName() + " sort", at);
        }
        if (decl && sort != Sort.INSTANCE && sort != Sort.TYPE) {
          throw s.invalid(
              "export aliases in a " + scope.kind.specName + " only alias instances and types", at);
        }
        int inst = readIndex(s, scope, Sort.INSTANCE);
        String name = s.name();
        info = exportOf(s, scope.info(Sort.INSTANCE, inst), name, sort, "instance " + inst, at);
        named = decl || scope.isNamedInstance(inst);
        alias = new Alias.InstanceExport(sort, inst, name);
      }
      case 0x01 -> {
        if (!sort.isCore()) {
          throw s.invalid("a core export alias needs a core sort, not " + sort.specName(), at);
        }
        if (decl) {
          throw s.invalid("core export aliases are not allowed in a " + scope.kind.specName, at);
        }
        int inst = readIndex(s, scope, Sort.CORE_INSTANCE);
        String name = s.name();
        info =
            exportOf(
                s, scope.info(Sort.CORE_INSTANCE, inst), name, sort, "core instance " + inst, at);
        alias = new Alias.CoreInstanceExport(sort, inst, name);
      }
      case 0x02 -> {
        boolean outerAliasSort =
            sort == Sort.CORE_MODULE
                || sort == Sort.CORE_TYPE
                || sort == Sort.COMPONENT
                || sort == Sort.TYPE;
        if (!outerAliasSort) {
          throw s.malformed("`" + sort.specName() + "` is not an outer alias sort", at);
        }
        if (decl && sort != Sort.CORE_TYPE && sort != Sort.TYPE) {
          throw s.invalid(
              "outer aliases in a " + scope.kind.specName + " only alias types and core types", at);
        }
        int countAt = s.pos();
        int count = s.index();
        ValidationScope outer = scope;
        boolean crossesComponent = false;
        for (int i = 0; i < count; i++) {
          if (outer.kind == ValidationScope.Kind.COMPONENT) {
            crossesComponent = true;
          }
          outer = outer.parent;
          if (outer == null) {
            throw s.invalid(
                "outer alias count " + count + " exceeds the number of enclosing scopes", countAt);
          }
        }
        int idxAt = s.pos();
        int idx = checkIndex(s, outer, sort, s.index(), idxAt);
        info = outer.info(sort, idx);
        if (crossesComponent && sort == Sort.TYPE && refersToResource(info)) {
          throw s.invalid(
              "outer alias of type " + idx + " refers to a resource across a component boundary",
              at);
        }
        named = !crossesComponent && (sort != Sort.TYPE || outer.isNamedType(idx));
        alias = new Alias.Outer(sort, count, idx);
      }
      default ->
          throw s.malformed("invalid alias target 0x" + Integer.toHexString(target), targetAt);
    }
    int index = scope.add(sort, info, decl ? null : alias);
    if (named) {
      scope.markNamed(sort, index);
    }
    return alias;
  }

  private static boolean refersToResource(Facts info) {
    return mentionsResource(info, java.util.Set.of(), 0);
  }

  /**
   * Whether {@code info} transitively mentions a resource type other than the abstract ones a
   * component or instance type introduces itself ({@code own}).
   */
  private static boolean mentionsResource(Facts info, java.util.Set<Facts> own, int depth) {
    if (depth > 100) {
      return false;
    }
    return switch (info) {
      case Facts.Resource r -> !own.contains(r);
      case Facts.ValueType v ->
          v.hasHandle()
              && (own.isEmpty() || v.shape() == null || shapeMentions(v.shape(), own, depth + 1));
      case Facts.Func f ->
          f.params().stream().anyMatch(p -> mentionsResource(p, own, depth + 1))
              || (f.result() != null && mentionsResource(f.result(), own, depth + 1));
      case Facts.InstanceT i -> externsMention(i.exports(), union(own, i.fresh()), depth);
      case Facts.ComponentT c -> {
        java.util.Set<Facts> inner = union(own, c.fresh());
        yield externsMention(c.imports(), inner, depth)
            || externsMention(c.exports(), inner, depth);
      }
      case Facts.Unknown u -> false;
      case Facts.CoreFunc c -> false;
      case Facts.CoreExtern c -> false;
      case Facts.CoreModuleT c -> false;
      case Facts.CoreInstanceT c -> false;
      case Facts.CoreTypeT c -> false;
    };
  }

  private static boolean shapeMentions(Shape shape, java.util.Set<Facts> own, int depth) {
    if (depth > 100) {
      return false;
    }
    return switch (shape) {
      case Shape.Handle h -> mentionsResource(h.resource(), own, depth + 1);
      case Shape.RecordOf r -> r.types().stream().anyMatch(t -> shapeMentions(t, own, depth + 1));
      case Shape.Tuple t -> t.types().stream().anyMatch(x -> shapeMentions(x, own, depth + 1));
      case Shape.Variant v ->
          v.types().stream().anyMatch(t -> t.isPresent() && shapeMentions(t.get(), own, depth + 1));
      case Shape.ListOf l -> shapeMentions(l.element(), own, depth + 1);
      case Shape.Option o -> shapeMentions(o.type(), own, depth + 1);
      case Shape.Result r ->
          (r.ok().isPresent() && shapeMentions(r.ok().get(), own, depth + 1))
              || (r.error().isPresent() && shapeMentions(r.error().get(), own, depth + 1));
      case Shape.Prim p -> false;
      case Shape.Flags f -> false;
      case Shape.EnumOf e -> false;
    };
  }

  private static boolean externsMention(
      Map<String, Facts.Extern> externs, java.util.Set<Facts> own, int depth) {
    for (Facts.Extern e : externs.values()) {
      if (mentionsResource(e.info(), own, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static java.util.Set<Facts> union(java.util.Set<Facts> a, List<Facts> b) {
    if (b.isEmpty()) {
      return a;
    }
    java.util.Set<Facts> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private static Facts exportOf(
      BinaryReader s, Facts instance, String name, Sort sort, String what, int at) {
    Map<String, Facts.Extern> exports;
    if (instance instanceof Facts.InstanceT i) {
      exports = i.exports();
    } else if (instance instanceof Facts.CoreInstanceT c) {
      exports = c.exports();
    } else {
      return Facts.UNKNOWN;
    }
    Facts.Extern e = exports.get(name);
    if (e == null) {
      throw s.invalid(what + " has no export named `" + name + "`", at);
    }
    if (e.sort() != sort) {
      throw s.invalid(
          "export `"
              + name
              + "` of "
              + what
              + " is a "
              + e.sort().specName()
              + ", not a "
              + sort.specName(),
          at);
    }
    return e.info();
  }

  // ---- start --------------------------------------------------------------------------------

  private static Start start(BinaryReader s, ValidationScope scope) {
    int funcAt = s.pos();
    int func = readIndex(s, scope, Sort.FUNC);
    if (scope.info(Sort.FUNC, func) instanceof Facts.Func f
        && (!f.params().isEmpty() || f.result() != null)) {
      throw s.unsupported(
          "start function " + func + " with parameters or a result (🪙 value definitions)", funcAt);
    }
    int n = s.vecLength();
    List<Integer> args = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      s.index();
      throw s.unsupported("start function value arguments (🪙 value definitions)", at);
    }
    int resultsAt = s.pos();
    int results = s.u32();
    if (results != 0) {
      throw s.unsupported("start function results (🪙 value definitions)", resultsAt);
    }
    return new Start(func, args, results);
  }

  // ---- imports and exports ------------------------------------------------------------------

  private Import importDefinition(BinaryReader s, ValidationScope scope) {
    return importDecl(s, scope, true);
  }

  /** Reads an {@code importdecl}, validates it and adds its index to {@code scope}. */
  Import importDecl(BinaryReader s, ValidationScope scope, boolean definition) {
    int at = s.pos();
    ExternNameReader.Named named = ExternNameReader.read(s);
    ExternName name = named.name();
    NameAttributes attributes = named.attributes();
    ExternNameReader.unique(s, scope.importKeys, name, "import", at);
    ExternType type = types.externType(s, scope);
    Facts info = types.externInfo(scope, type, false);
    ExternNameReader.checkAnnotatedName(s, scope, name, type.sort(), info, true, at);
    ExternNameReader.checkImplements(s, attributes, type.sort(), at);
    scope.imports.put(name.text(), new Facts.Extern(type.sort(), info));
    Import imp = new Import(name, attributes, type);
    if (scope.kind != ValidationScope.Kind.INSTANCE_TYPE) {
      types.checkVisible(s, types.unfreshened(scope, type, info), "import", at);
      types.checkNotExportDependent(s, types.unfreshened(scope, type, info), at);
    }
    scope.addNamed(type.sort(), info, definition ? imp : null);
    return imp;
  }

  private Export export(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    ExternNameReader.Named named = ExternNameReader.read(s);
    ExternName name = named.name();
    NameAttributes attributes = named.attributes();
    ExternNameReader.unique(s, scope.exportKeys, name, "export", at);
    int sortAt = s.pos();
    Sort sort = sort(s);
    checkExportableSort(s, sort, sortAt);
    int idx = readIndex(s, scope, sort);
    Facts info = scope.info(sort, idx);
    Optional<ExternType> type = Optional.empty();
    boolean visibilityChecked = false;
    int typeAt = s.pos();
    int present = s.u8();
    if (present == 0x01) {
      ExternType t = types.externType(s, scope);
      if (t.sort() != sort) {
        throw s.invalid(
            "export `"
                + name.text()
                + "` of a "
                + sort.specName()
                + " is ascribed a "
                + t.sort().specName()
                + " type",
            typeAt);
      }
      type = Optional.of(t);
      if (t instanceof ExternType.Type tt && tt.bound() instanceof TypeBound.SubResource) {
        // (sub resource) exports a fresh abstract type, unequal to the exported resource.
        if (!(info instanceof Facts.Resource) && !(info instanceof Facts.Unknown)) {
          throw s.invalid(
              "export `" + name.text() + "` is ascribed (sub resource) but is not a resource",
              typeAt);
        }
        info = types.newResource(scope, false);
      }
      Facts ascribed = types.externInfo(scope, t, true);
      Subtyping subtyping = new Subtyping();
      if (!subtyping.extern(name.text(), sort, info, ascribed)) {
        throw s.invalid(
            "export `"
                + name.text()
                + "` does not match its ascribed type: "
                + subtyping.mismatch(),
            typeAt);
      }
      if (!(ascribed instanceof Facts.Unknown)) {
        types.checkVisible(s, ascribed, "export", at);
        visibilityChecked = true;
        info = subtyping.substitute(ascribed);
      }
    } else if (present != 0x00) {
      throw s.malformed(
          "invalid optional externtype flag 0x" + Integer.toHexString(present), typeAt);
    }
    if (!visibilityChecked) {
      types.checkVisible(s, info, "export", at);
    }
    ExternNameReader.checkAnnotatedName(s, scope, name, sort, info, false, at);
    ExternNameReader.checkImplements(s, attributes, sort, at);
    scope.exports.put(name.text(), new Facts.Extern(sort, info));
    Export export = new Export(name, attributes, new SortIndex(sort, idx), type);
    int index = scope.addNamed(sort, info, export);
    if (sort == Sort.TYPE) {
      scope.exportedTypes.set(index);
    }
    return export;
  }

  /** Reads an {@code exportdecl} of a component or instance type. */
  ExportDecl exportDecl(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    ExternNameReader.Named named = ExternNameReader.read(s);
    ExternName name = named.name();
    NameAttributes attributes = named.attributes();
    ExternNameReader.unique(s, scope.exportKeys, name, "export", at);
    ExternType type = types.externType(s, scope);
    Facts info = types.externInfo(scope, type, false);
    ExternNameReader.checkAnnotatedName(s, scope, name, type.sort(), info, false, at);
    ExternNameReader.checkImplements(s, attributes, type.sort(), at);
    scope.exports.put(name.text(), new Facts.Extern(type.sort(), info));
    if (scope.kind != ValidationScope.Kind.INSTANCE_TYPE) {
      // Instance types defer the check to the import or export that uses them.
      types.checkVisible(s, types.unfreshened(scope, type, info), "export", at);
    }
    int index = scope.addNamed(type.sort(), info, null);
    if (type.sort() == Sort.TYPE) {
      scope.exportedTypes.set(index);
    }
    return new ExportDecl(name, attributes, type);
  }
}
