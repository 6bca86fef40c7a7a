package dev.wasidl.component.binary;

import static dev.wasidl.component.binary.CanonReader.checkCoreFuncType;
import static dev.wasidl.component.binary.ComponentReader.checkIndex;
import static dev.wasidl.component.binary.ComponentReader.readIndex;

import dev.wasidl.abi.SizeAlign;
import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.Case;
import dev.wasidl.component.ComponentType;
import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreImport;
import dev.wasidl.component.CoreModuleDecl;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.Decl;
import dev.wasidl.component.DefType;
import dev.wasidl.component.DefValType;
import dev.wasidl.component.EnumDef;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.FlagsDef;
import dev.wasidl.component.FuncDef;
import dev.wasidl.component.InstanceType;
import dev.wasidl.component.LabelValType;
import dev.wasidl.component.ListDef;
import dev.wasidl.component.Names;
import dev.wasidl.component.OptionDef;
import dev.wasidl.component.OwnDef;
import dev.wasidl.component.PrimValType;
import dev.wasidl.component.RecordDef;
import dev.wasidl.component.ResourceDef;
import dev.wasidl.component.ResultDef;
import dev.wasidl.component.Sort;
import dev.wasidl.component.TupleDef;
import dev.wasidl.component.TypeBound;
import dev.wasidl.component.TypeIndex;
import dev.wasidl.component.ValType;
import dev.wasidl.component.VariantDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Decodes and validates type definitions: value, function, component, instance, resource types. */
final class TypeReader {
  private final ComponentReader components;
  private int nextResourceId;

  /** Defined value types that are records, variants, enums or flags (they need a name). */
  private final java.util.Set<Facts> nominal =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** Types whose definition refers to a type introduced by an export (directly or not). */
  private final java.util.Set<Facts> exportDependent =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** Types whose definition refers to a resource or nominal type by an index without a name. */
  private final java.util.Set<Facts> unnamedContents =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  TypeReader(ComponentReader components) {
    this.components = components;
  }

  // ---- core types ---------------------------------------------------------------------------

  /** A {@code core:type} of a core type section or declarator; adds a core type index. */
  CoreType coreTypeDefinition(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    int form = s.u8();
    Facts.CoreModuleT moduleInfo = null;
    CoreType type =
        switch (form) {
          case 0x60 -> CoreModuleReader.funcTypeBody(s);
          case 0x50 -> {
            if (scope.kind == ValidationScope.Kind.MODULE_TYPE) {
              throw s.invalid("a core module type cannot define a core module type", at);
            }
            ModuleRead m = moduleType(s, scope);
            moduleInfo = m.info();
            yield m.type();
          }
          case 0x00 -> {
            int b = s.peek();
            throw b == 0x50
                ? s.unsupported("core GC subtype (0x00 0x50, WebAssembly 3.0 types)", at)
                : s.malformed("invalid core type form 0x00 0x" + Integer.toHexString(b), at);
          }
          default -> throw CoreModuleReader.unsupportedTypeForm(s, form, at);
        };
    scope.add(
        Sort.CORE_TYPE,
        new Facts.CoreTypeT(type, moduleInfo),
        scope.kind == ValidationScope.Kind.COMPONENT ? type : null);
    return type;
  }

  private ModuleRead moduleType(BinaryReader s, ValidationScope parent) {
    ValidationScope scope =
        ValidationScope.nested(s, parent, ValidationScope.Kind.MODULE_TYPE, s.pos());
    java.util.Set<String> importNames = new java.util.HashSet<>();
    List<CoreModuleDecl> decls = new ArrayList<>();
    List<CoreImport> imports = new ArrayList<>();
    Map<String, Facts.Extern> exports = new LinkedHashMap<>();
    int n = s.vecLength();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      int kind = s.u8();
      switch (kind) {
        case 0x00 -> {
          String module = s.name();
          String name = s.name();
          CoreModuleReader.checkUniqueImport(s, importNames, module, name, at);
          CoreExternType t = coreExternType(s, scope);
          CoreImport imp = new CoreImport(module, name, t);
          imports.add(imp);
          decls.add(new CoreModuleDecl.Import(imp));
        }
        case 0x01 -> decls.add(coreTypeDefinition(s, scope));
        case 0x02 -> {
          int sortAt = s.pos();
          if (s.u8() != 0x10 || s.u8() != 0x01) {
            throw s.malformed(
                "a core module type alias must be (alias outer ct idx (type))", sortAt);
          }
          int countAt = s.pos();
          int count = s.index();
          ValidationScope outer = scope;
          for (int c = 0; c < count; c++) {
            outer = outer.parent;
            if (outer == null) {
              throw s.invalid(
                  "outer alias count " + count + " exceeds the number of enclosing scopes",
                  countAt);
            }
          }
          int idxAt = s.pos();
          int idx = checkIndex(s, outer, Sort.CORE_TYPE, s.index(), idxAt);
          Facts info = outer.info(Sort.CORE_TYPE, idx);
          if (info instanceof Facts.CoreTypeT t && t.type() instanceof CoreType.Module) {
            throw s.invalid("a core module type cannot alias a core module type", at);
          }
          scope.add(Sort.CORE_TYPE, info, null);
          decls.add(new CoreModuleDecl.OuterAlias(count, idx));
        }
        case 0x03 -> {
          int nameAt = s.pos();
          String name = s.name();
          CoreExternType t = coreExternType(s, scope);
          Facts info = t instanceof CoreExternType.Func ? Facts.UNKNOWN : new Facts.CoreExtern(t);
          if (t instanceof CoreExternType.Func f
              && scope.info(Sort.CORE_TYPE, f.typeIndex()) instanceof Facts.CoreTypeT ct
              && ct.type() instanceof CoreType.Func ft) {
            info = new Facts.CoreFunc(ft);
          }
          if (exports.put(name, new Facts.Extern(t.sort(), info)) != null) {
            throw s.invalid("duplicate export `" + name + "` in core module type", nameAt);
          }
          decls.add(new CoreModuleDecl.Export(name, t));
        }
        default ->
            throw s.malformed(
                "invalid core module type declarator 0x" + Integer.toHexString(kind), at);
      }
    }
    List<CoreType.Func> importTypes = new ArrayList<>();
    for (CoreImport imp : imports) {
      importTypes.add(
          imp.type() instanceof CoreExternType.Func f
                  && scope.info(Sort.CORE_TYPE, f.typeIndex()) instanceof Facts.CoreTypeT ct
                  && ct.type() instanceof CoreType.Func ft
              ? ft
              : null);
    }
    return new ModuleRead(
        new CoreType.Module(decls), new Facts.CoreModuleT(imports, importTypes, exports));
  }

  private record ModuleRead(CoreType.Module type, Facts.CoreModuleT info) {}

  private static CoreExternType coreExternType(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    CoreExternType t = CoreModuleReader.externType(s);
    if (t instanceof CoreExternType.Func f) {
      checkIndex(s, scope, Sort.CORE_TYPE, f.typeIndex(), at + 1);
      if (scope.info(Sort.CORE_TYPE, f.typeIndex()) instanceof Facts.CoreTypeT ct
          && !(ct.type() instanceof CoreType.Func)) {
        throw s.invalid("core type " + f.typeIndex() + " is not a function type", at + 1);
      }
    }
    if (t instanceof CoreExternType.Tag tag) {
      checkIndex(s, scope, Sort.CORE_TYPE, tag.typeIndex(), at + 2);
    }
    return t;
  }

  // ---- component-level types ----------------------------------------------------------------

  /** A {@code type} of a type section or declarator; adds a type index to {@code scope}. */
  DefType typeDefinition(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    int form = s.peek();
    DefType type;
    Facts info;
    switch (form) {
      case 0x40 -> {
        s.u8();
        FuncDef f = funcType(s, scope);
        type = f;
        info = funcInfo(scope, f);
        List<ValType> used = new ArrayList<>();
        f.params().forEach(p -> used.add(p.type()));
        f.result().ifPresent(used::add);
        if (anyUnnamed(scope, used)) {
          unnamedContents.add(info);
        }
        if (anyExported(scope, used)) {
          exportDependent.add(info);
        }
      }
      case 0x43 -> throw s.unsupported("async function type (🔀)", at);
      case 0x41 -> {
        s.u8();
        ValidationScope inner =
            ValidationScope.nested(s, scope, ValidationScope.Kind.COMPONENT_TYPE, at);
        List<Decl> decls = decls(s, inner);
        type = new ComponentType(decls);
        info =
            new Facts.ComponentT(
                ordered(inner.imports), ordered(inner.exports), List.copyOf(inner.fresh));
      }
      case 0x42 -> {
        s.u8();
        ValidationScope inner =
            ValidationScope.nested(s, scope, ValidationScope.Kind.INSTANCE_TYPE, at);
        List<Decl> decls = decls(s, inner);
        type = new InstanceType(decls);
        info = new Facts.InstanceT(ordered(inner.exports), List.copyOf(inner.fresh));
      }
      case 0x3f -> {
        s.u8();
        if (scope.kind != ValidationScope.Kind.COMPONENT) {
          throw s.invalid(
              "resource types cannot be defined in "
                  + scope.kind.specName
                  + "s (only imported or exported)",
              at);
        }
        int repAt = s.pos();
        CoreValType rep = CoreModuleReader.valType(s);
        if (rep != CoreValType.I32) {
          throw s.invalid("resource representation must be i32, found " + rep, repAt);
        }
        OptionalInt dtor = OptionalInt.empty();
        int optAt = s.pos();
        int present = s.u8();
        if (present == 0x01) {
          int fAt = s.pos();
          int f = readIndex(s, scope, Sort.CORE_FUNC);
          checkCoreFuncType(
              s,
              scope,
              f,
              new CoreType.Func(List.of(CoreValType.I32), List.of()),
              "destructor",
              fAt);
          dtor = OptionalInt.of(f);
        } else if (present != 0x00) {
          throw s.malformed(
              "invalid optional destructor flag 0x" + Integer.toHexString(present), optAt);
        }
        type = new ResourceDef(rep, dtor);
        info = newResource(scope, true);
      }
      default -> {
        DefValType v = defValType(s, scope);
        type = v;
        Facts.ValueType facts = valueInfo(scope, v);
        if (facts.depth() > ValidationScope.MAX_DEPTH) {
          // every later walk of the type (resolution, flattening, printing) recurses this deep
          throw s.unsupported(
              "value type nested deeper than "
                  + ValidationScope.MAX_DEPTH
                  + " levels (implementation limit)",
              at);
        }
        recordNaming(scope, v, facts);
        if (facts.size() >= ValueFacts.MAX_SIZE) {
          throw s.invalid(
              "value type too large: its size " + facts.size() + " is not below 2^28 bytes", at);
        }
        info = facts;
      }
    }
    scope.add(Sort.TYPE, info, scope.kind == ValidationScope.Kind.COMPONENT ? type : null);
    return type;
  }

  private List<Decl> decls(BinaryReader s, ValidationScope scope) {
    List<Decl> decls = new ArrayList<>();
    int n = s.vecLength();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      int kind = s.u8();
      switch (kind) {
        case 0x00 -> decls.add(coreTypeDefinition(s, scope));
        case 0x01 -> decls.add(typeDefinition(s, scope));
        case 0x02 -> decls.add(components.alias(s, scope));
        case 0x03 -> {
          if (scope.kind != ValidationScope.Kind.COMPONENT_TYPE) {
            throw s.malformed("imports are not allowed in an instance type", at);
          }
          decls.add(components.importDecl(s, scope, false));
        }
        case 0x04 -> decls.add(components.exportDecl(s, scope));
        default ->
            throw s.malformed(
                "invalid " + scope.kind.specName + " declarator 0x" + Integer.toHexString(kind),
                at);
      }
    }
    return decls;
  }

  private FuncDef funcType(BinaryReader s, ValidationScope scope) {
    List<LabelValType> params = new ArrayList<>();
    Map<String, String> labels = new HashMap<>();
    int n = s.vecLength();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      String label = label(s, labels, "parameter", at);
      params.add(new LabelValType(label, valType(s, scope)));
    }
    int resultAt = s.pos();
    int form = s.u8();
    Optional<ValType> result;
    switch (form) {
      case 0x00 -> {
        int tAt = s.pos();
        ValType t = valType(s, scope);
        if (hasBorrow(scope, t)) {
          throw s.invalid("function results cannot contain a borrow handle", tAt);
        }
        result = Optional.of(t);
      }
      case 0x01 -> {
        int count = s.u32();
        if (count != 0) {
          throw s.malformed(
              "resultlist 0x01 must be followed by 0x00 (no named results)", resultAt);
        }
        result = Optional.empty();
      }
      default ->
          throw s.malformed(
              "invalid function result form 0x" + Integer.toHexString(form), resultAt);
    }
    return new FuncDef(params, result);
  }

  private static String label(BinaryReader s, Map<String, String> seen, String what, int at) {
    String label = s.name();
    if (!Names.isLabel(label)) {
      throw s.invalid(what + " label `" + label + "` is not a kebab-case label", at);
    }
    String previous = seen.putIfAbsent(label.toLowerCase(Locale.ROOT), label);
    if (previous != null) {
      throw s.invalid(
          what
              + " label `"
              + label
              + "` conflicts with `"
              + previous
              + "` (labels must be strongly-unique)",
          at);
    }
    return label;
  }

  /** A {@code defvaltype}. */
  private DefValType defValType(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    long code = s.s33();
    if (code >= 0) {
      throw s.malformed(
          "invalid type form 0x"
              + Integer.toHexString(s.bytes()[at] & 0xff)
              + ": not a type definition",
          at);
    }
    int op = (int) (code & 0x7f);
    PrimValType prim = prim(op);
    if (prim != null) {
      return prim;
    }
    return switch (op) {
      case 0x72 -> {
        Map<String, String> labels = new HashMap<>();
        List<LabelValType> fields = new ArrayList<>();
        int n = s.vecLength();
        if (n == 0) {
          throw s.invalid("record type must have at least one field", at);
        }
        for (int i = 0; i < n; i++) {
          int fAt = s.pos();
          String label = label(s, labels, "record field", fAt);
          fields.add(new LabelValType(label, valType(s, scope)));
        }
        yield new RecordDef(fields);
      }
      case 0x71 -> {
        Map<String, String> labels = new HashMap<>();
        List<Case> cases = new ArrayList<>();
        int n = s.vecLength();
        if (n == 0) {
          throw s.invalid("variant type must have at least one case", at);
        }
        for (int i = 0; i < n; i++) {
          int cAt = s.pos();
          String label = label(s, labels, "variant case", cAt);
          Optional<ValType> payload = optionalValType(s, scope);
          int refAt = s.pos();
          int refines = s.u8();
          if (refines != 0x00) {
            throw s.malformed(
                "expected 0x00 after variant case `" + label + "` (refines is not supported)",
                refAt);
          }
          cases.add(new Case(label, payload));
        }
        yield new VariantDef(cases);
      }
      case 0x70 -> new ListDef(valType(s, scope));
      case 0x67 -> throw s.unsupported("fixed-length list type (🔧)", at);
      case 0x6f -> {
        List<ValType> types = new ArrayList<>();
        int n = s.vecLength();
        if (n == 0) {
          throw s.invalid("tuple type must have at least one type", at);
        }
        for (int i = 0; i < n; i++) {
          types.add(valType(s, scope));
        }
        yield new TupleDef(types);
      }
      case 0x6e, 0x6d -> {
        String what = op == 0x6e ? "flags" : "enum";
        Map<String, String> labels = new HashMap<>();
        List<String> list = new ArrayList<>();
        int n = s.vecLength();
        if (n == 0) {
          throw s.invalid(what + " type must have at least one label", at);
        }
        if (op == 0x6e && n > 32) {
          throw s.invalid("flags type has " + n + " labels; at most 32 are allowed", at);
        }
        for (int i = 0; i < n; i++) {
          list.add(label(s, labels, what, s.pos()));
        }
        yield op == 0x6e ? new FlagsDef(list) : new EnumDef(list);
      }
      case 0x6b -> new OptionDef(valType(s, scope));
      case 0x6a -> {
        Optional<ValType> ok = optionalValType(s, scope);
        Optional<ValType> err = optionalValType(s, scope);
        yield new ResultDef(ok, err);
      }
      case 0x69, 0x68 -> {
        int rAt = s.pos();
        int r = readIndex(s, scope, Sort.TYPE);
        Facts info = scope.info(Sort.TYPE, r);
        if (!(info instanceof Facts.Resource) && !(info instanceof Facts.Unknown)) {
          throw s.invalid(
              (op == 0x69 ? "own" : "borrow") + " of type " + r + ", which is not a resource type",
              rAt);
        }
        yield op == 0x69 ? new OwnDef(r) : new BorrowDef(r);
      }
      case 0x66 -> throw s.unsupported("stream type (🔀)", at);
      case 0x65 -> throw s.unsupported("future type (🔀)", at);
      case 0x64 -> throw s.unsupported("error-context type (📝)", at);
      case 0x63 -> throw s.unsupported("map type (🗺️)", at);
      default -> throw s.malformed("invalid type opcode 0x" + Integer.toHexString(op), at);
    };
  }

  private static PrimValType prim(int op) {
    for (PrimValType p : PrimValType.values()) {
      if (p.opcode() == op) {
        return p;
      }
    }
    return null;
  }

  private Optional<ValType> optionalValType(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    int present = s.u8();
    return switch (present) {
      case 0x00 -> Optional.empty();
      case 0x01 -> Optional.of(valType(s, scope));
      default ->
          throw s.malformed("invalid optional type flag 0x" + Integer.toHexString(present), at);
    };
  }

  /** A {@code valtype}: a primitive opcode or the index of a defined value type. */
  ValType valType(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    long code = s.s33();
    if (code >= 0) {
      if (code > Integer.MAX_VALUE) {
        throw s.invalid("type index " + code + " out of range", at);
      }
      int idx = checkIndex(s, scope, Sort.TYPE, (int) code, at);
      Facts info = scope.info(Sort.TYPE, idx);
      if (!(info instanceof Facts.ValueType) && !(info instanceof Facts.Unknown)) {
        throw s.invalid("type index " + idx + " is not a defined value type", at);
      }
      return new TypeIndex(idx);
    }
    int op = (int) (code & 0x7f);
    PrimValType prim = code >= -64 ? prim(op) : null;
    if (prim != null) {
      return prim;
    }
    if (op == 0x64) {
      throw s.unsupported("error-context type (📝)", at);
    }
    throw s.malformed("invalid value type 0x" + Integer.toHexString(op), at);
  }

  // ---- extern types -------------------------------------------------------------------------

  ExternType externType(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    int kind = s.u8();
    return switch (kind) {
      case 0x00 -> {
        int b = s.u8();
        if (b != 0x11) {
          throw s.malformed(
              "expected 0x11 (core module) in externtype, found 0x" + Integer.toHexString(b), at);
        }
        int tAt = s.pos();
        int t = readIndex(s, scope, Sort.CORE_TYPE);
        if (scope.info(Sort.CORE_TYPE, t) instanceof Facts.CoreTypeT ct
            && !(ct.type() instanceof CoreType.Module)) {
          throw s.invalid("core type " + t + " is not a module type", tAt);
        }
        yield new ExternType.Module(t);
      }
      case 0x01 -> new ExternType.Func(typeOfKind(s, scope, Facts.Func.class, "function"));
      case 0x02 -> throw s.unsupported("value import or export (🪙 value definitions)", at);
      case 0x03 -> {
        int bAt = s.pos();
        int b = s.u8();
        yield switch (b) {
          case 0x00 -> new ExternType.Type(new TypeBound.Eq(readIndex(s, scope, Sort.TYPE)));
          case 0x01 -> new ExternType.Type(new TypeBound.SubResource());
          default -> throw s.malformed("invalid type bound 0x" + Integer.toHexString(b), bAt);
        };
      }
      case 0x04 ->
          new ExternType.Component(typeOfKind(s, scope, Facts.ComponentT.class, "component"));
      case 0x05 -> new ExternType.Instance(typeOfKind(s, scope, Facts.InstanceT.class, "instance"));
      default -> throw s.malformed("invalid externtype kind 0x" + Integer.toHexString(kind), at);
    };
  }

  private static int typeOfKind(
      BinaryReader s, ValidationScope scope, Class<? extends Facts> kind, String what) {
    int at = s.pos();
    int t = readIndex(s, scope, Sort.TYPE);
    Facts info = scope.info(Sort.TYPE, t);
    if (!kind.isInstance(info) && !(info instanceof Facts.Unknown)) {
      throw s.invalid("type " + t + " is not a " + what + " type", at);
    }
    return t;
  }

  /** What an import or export of type {@code type} provides. */
  Facts externInfo(ValidationScope scope, ExternType type, boolean ascription) {
    return switch (type) {
      case ExternType.Module m -> {
        Facts info = scope.info(Sort.CORE_TYPE, m.coreType());
        yield info instanceof Facts.CoreTypeT ct && ct.module() != null
            ? ct.module()
            : Facts.UNKNOWN;
      }
      case ExternType.Func f -> scope.info(Sort.TYPE, f.type());
      case ExternType.Type t ->
          switch (t.bound()) {
            case TypeBound.Eq eq -> scope.info(Sort.TYPE, eq.type());
            case TypeBound.SubResource r -> ascription ? Facts.UNKNOWN : newResource(scope, false);
          };
      case ExternType.Component c -> freshen(scope, scope.info(Sort.TYPE, c.type()));
      case ExternType.Instance i -> freshen(scope, scope.info(Sort.TYPE, i.type()));
    };
  }

  /** A new resource type, introduced by {@code scope}. */
  Facts.Resource newResource(ValidationScope scope, boolean local) {
    Facts.Resource r = new Facts.Resource(nextResourceId++, local);
    scope.fresh.add(r);
    return r;
  }

  /**
   * The facts of one import, export or instantiation of an instance or component type: the
   * resources the type introduces are renamed to new ones, introduced by {@code scope}.
   */
  Facts freshen(ValidationScope scope, Facts type) {
    List<Facts> fresh = List.of();
    if (type instanceof Facts.InstanceT i) {
      fresh = i.fresh();
    } else if (type instanceof Facts.ComponentT c) {
      fresh = c.fresh();
    }
    if (fresh.isEmpty()) {
      return type;
    }
    Subtyping renaming = new Subtyping();
    for (Facts r : fresh) {
      renaming.bind(r, newResource(scope, false));
    }
    return renaming.substitute(type);
  }

  // ---- infos --------------------------------------------------------------------------------

  private static Facts typeInfo(ValidationScope scope, ValType t) {
    return switch (t) {
      case PrimValType p -> ValueFacts.prim(p);
      case TypeIndex i -> scope.info(Sort.TYPE, i.index());
    };
  }

  private static boolean hasBorrow(ValidationScope scope, ValType t) {
    return typeInfo(scope, t) instanceof Facts.ValueType v && v.hasBorrow();
  }

  private static Facts.Func funcInfo(ValidationScope scope, FuncDef f) {
    List<String> labels = new ArrayList<>();
    List<Facts> params = new ArrayList<>();
    for (LabelValType p : f.params()) {
      labels.add(p.label());
      params.add(typeInfo(scope, p.type()));
    }
    return new Facts.Func(labels, params, f.result().map(r -> typeInfo(scope, r)).orElse(null));
  }

  private static Facts.ValueType valueInfo(ValidationScope scope, DefValType v) {
    Facts.ValueType facts = shallowValueInfo(scope, v);
    SizeAlign layout = ValueFacts.layout(v, t -> typeInfo(scope, t));
    return new Facts.ValueType(
        facts.hasBorrow(),
        facts.handle(),
        facts.okHandle(),
        ValueFacts.flatten(v, t -> typeInfo(scope, t)),
        ValueFacts.needsMemory(v, t -> typeInfo(scope, t)),
        ValueFacts.hasHandle(v, t -> typeInfo(scope, t)),
        layout == null ? -1 : layout.size(),
        layout == null ? -1 : layout.alignment(),
        Shape.of(v, t -> typeInfo(scope, t), i -> scope.info(Sort.TYPE, i)),
        depth(scope, v));
  }

  /** 1 + the deepest value type {@code v} is made of (0 for a primitive). */
  private static int depth(ValidationScope scope, DefValType v) {
    if (v instanceof PrimValType) {
      return 0;
    }
    int deepest = 0;
    for (ValType t : parts(v)) {
      if (typeInfo(scope, t) instanceof Facts.ValueType part) {
        deepest = Math.max(deepest, part.depth());
      }
    }
    return deepest + 1;
  }

  /** The value types {@code v} is directly made of (none for primitives, flags, enums, handles). */
  private static List<ValType> parts(DefValType v) {
    return switch (v) {
      case RecordDef r -> r.fields().stream().map(LabelValType::type).toList();
      case VariantDef vt -> vt.cases().stream().flatMap(c -> c.type().stream()).toList();
      case ListDef l -> List.of(l.element());
      case TupleDef t -> t.types();
      case OptionDef o -> List.of(o.type());
      case ResultDef r ->
          java.util.stream.Stream.concat(r.ok().stream(), r.error().stream()).toList();
      case PrimValType p -> List.of();
      case FlagsDef f -> List.of();
      case EnumDef e -> List.of();
      case OwnDef o -> List.of();
      case BorrowDef b -> List.of();
    };
  }

  private static Facts.ValueType shallowValueInfo(ValidationScope scope, DefValType v) {
    return switch (v) {
      case PrimValType p ->
          new Facts.ValueType(false, null, null, null, false, false, -1, -1, null, 0);
      case RecordDef r -> agg(scope, parts(r));
      case VariantDef vt -> agg(scope, parts(vt));
      case ListDef l -> agg(scope, parts(l));
      case TupleDef t -> agg(scope, parts(t));
      case FlagsDef f ->
          new Facts.ValueType(false, null, null, null, false, false, -1, -1, null, 0);
      case EnumDef e -> new Facts.ValueType(false, null, null, null, false, false, -1, -1, null, 0);
      case OptionDef o -> agg(scope, parts(o));
      case ResultDef r -> {
        Facts.ValueType a = agg(scope, parts(r));
        Facts.Handle ok =
            r.ok().map(t -> typeInfo(scope, t)).orElse(null) instanceof Facts.ValueType okInfo
                ? okInfo.handle()
                : null;
        yield new Facts.ValueType(a.hasBorrow(), null, ok, null, false, false, -1, -1, null, 0);
      }
      case OwnDef o ->
          new Facts.ValueType(
              false,
              new Facts.Handle(true, scope.info(Sort.TYPE, o.resource())),
              null,
              null,
              false,
              false,
              -1,
              -1,
              null,
              0);
      case BorrowDef b ->
          new Facts.ValueType(
              true,
              new Facts.Handle(false, scope.info(Sort.TYPE, b.resource())),
              null,
              null,
              false,
              false,
              -1,
              -1,
              null,
              0);
    };
  }

  private static Facts.ValueType agg(ValidationScope scope, List<ValType> types) {
    boolean borrow = false;
    for (ValType t : types) {
      borrow |= hasBorrow(scope, t);
    }
    return new Facts.ValueType(borrow, null, null, null, false, false, -1, -1, null, 0);
  }

  /** An unmodifiable copy keeping declaration order (subtyping binds resources in order). */
  static <K, V> Map<K, V> ordered(Map<K, V> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  // ---- external visibility ------------------------------------------------------------------

  private void recordNaming(ValidationScope scope, DefValType v, Facts.ValueType facts) {
    if (v instanceof RecordDef
        || v instanceof VariantDef
        || v instanceof EnumDef
        || v instanceof FlagsDef) {
      nominal.add(facts);
    }
    List<ValType> used = new ArrayList<>();
    switch (v) {
      case RecordDef r -> r.fields().forEach(f -> used.add(f.type()));
      case VariantDef vt -> vt.cases().forEach(c -> c.type().ifPresent(used::add));
      case ListDef l -> used.add(l.element());
      case TupleDef t -> used.addAll(t.types());
      case OptionDef o -> used.add(o.type());
      case ResultDef r -> {
        r.ok().ifPresent(used::add);
        r.error().ifPresent(used::add);
      }
      case OwnDef o -> used.add(new TypeIndex(o.resource()));
      case BorrowDef b -> used.add(new TypeIndex(b.resource()));
      case PrimValType p -> {}
      case EnumDef e -> {}
      case FlagsDef f -> {}
    }
    if (anyUnnamed(scope, used)) {
      unnamedContents.add(facts);
    }
    if (anyExported(scope, used)) {
      exportDependent.add(facts);
    }
  }

  private boolean anyExported(ValidationScope scope, List<ValType> types) {
    for (ValType t : types) {
      if (t instanceof TypeIndex i
          && (scope.exportedTypes.get(i.index())
              || exportDependent.contains(scope.info(Sort.TYPE, i.index())))) {
        return true;
      }
    }
    return false;
  }

  /** Imports may not refer to the types of exports (component acyclicity). */
  void checkNotExportDependent(BinaryReader s, Facts info, int at) {
    if (exportDependent.contains(info)) {
      String sort = info instanceof Facts.Func ? "func" : "type";
      throw s.invalid(
          sort + " not valid to be used as import: its type refers to a type this scope exports",
          at);
    }
  }

  /** Whether any of {@code types} refers, by an index without a name, to a type that needs one. */
  private boolean anyUnnamed(ValidationScope scope, List<ValType> types) {
    for (ValType t : types) {
      if (t instanceof TypeIndex i) {
        Facts f = scope.info(Sort.TYPE, i.index());
        boolean needsName = f instanceof Facts.Resource || nominal.contains(f);
        if ((needsName && !scope.isNamedType(i.index())) || unnamedContents.contains(f)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * External visibility (Explainer, "External Visibility of Types"): the type of an import or
   * export may only use resources, records, variants, enums and flags through names.
   */
  void checkVisible(BinaryReader s, Facts info, String what, int at) {
    String sort =
        switch (info) {
          case Facts.Func f -> "func";
          case Facts.InstanceT i -> "instance";
          default -> "type";
        };
    if (mentionsUnnamed(info, 0)) {
      throw s.invalid(
          sort
              + " not valid to be used as "
              + what
              + ": its type uses a resource,"
              + " record, variant, enum or flags type without an imported or exported name",
          at);
    }
  }

  /** For visibility checks: the facts of an instance or component type before freshening. */
  Facts unfreshened(ValidationScope scope, ExternType type, Facts info) {
    return switch (type) {
      case ExternType.Instance i -> scope.info(Sort.TYPE, i.type());
      case ExternType.Component c -> scope.info(Sort.TYPE, c.type());
      case ExternType.Module m -> info;
      case ExternType.Func f -> info;
      case ExternType.Type t -> info;
    };
  }

  private boolean mentionsUnnamed(Facts info, int depth) {
    if (unnamedContents.contains(info)) {
      return true;
    }
    if (depth < 50 && info instanceof Facts.InstanceT i) {
      for (Facts.Extern e : i.exports().values()) {
        if (mentionsUnnamed(e.info(), depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
