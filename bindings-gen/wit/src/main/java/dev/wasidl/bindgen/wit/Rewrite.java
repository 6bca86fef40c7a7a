package dev.wasidl.bindgen.wit;

import java.util.function.UnaryOperator;

/** Maps every {@link TypeRef} inside a resolved value (used when a world is included). */
record Rewrite(UnaryOperator<TypeRef> refs, UnaryOperator<TypeOwner> owners) {
  WitType type(WitType t) {
    return switch (t) {
      case WitType.PrimitiveType p -> p;
      case WitType.Named(TypeRef r) -> new WitType.Named(refs.apply(r));
      case WitType.ListType(WitType e) -> new WitType.ListType(type(e));
      case WitType.FixedListType(WitType e, int n) -> new WitType.FixedListType(type(e), n);
      case WitType.TupleType(var ts) -> new WitType.TupleType(ts.stream().map(this::type).toList());
      case WitType.OptionType(WitType e) -> new WitType.OptionType(type(e));
      case WitType.ResultType(var ok, var err) ->
          new WitType.ResultType(ok.map(this::type), err.map(this::type));
      case WitType.MapType(WitType k, WitType v) -> new WitType.MapType(type(k), type(v));
      case WitType.FutureType(var e) -> new WitType.FutureType(e.map(this::type));
      case WitType.StreamType(var e) -> new WitType.StreamType(e.map(this::type));
      case WitType.Handle(var kind, TypeRef r) -> new WitType.Handle(kind, refs.apply(r));
    };
  }

  TypeDef typeDef(TypeDef d, String name) {
    TypeDefKind kind =
        switch (d.kind()) {
          case TypeDefKind.RecordType(var fields) ->
              new TypeDefKind.RecordType(
                  fields.stream()
                      .map(f -> new WitField(f.name(), type(f.type()), f.docs()))
                      .toList());
          case TypeDefKind.VariantType(var cases) ->
              new TypeDefKind.VariantType(
                  cases.stream()
                      .map(c -> new WitCase(c.name(), c.type().map(this::type), c.docs()))
                      .toList());
          case TypeDefKind.EnumType e -> e;
          case TypeDefKind.FlagsType f -> f;
          case TypeDefKind.ResourceType r -> r;
          case TypeDefKind.Alias(WitType target) -> new TypeDefKind.Alias(type(target));
        };
    return new TypeDef(name, kind, d.docs(), d.gate());
  }

  WitFunction function(WitFunction f, String name) {
    FunctionKind kind =
        switch (f.kind()) {
          case FunctionKind.Freestanding k -> k;
          case FunctionKind.Method(TypeRef r) -> new FunctionKind.Method(refs.apply(r));
          case FunctionKind.Static(TypeRef r) -> new FunctionKind.Static(refs.apply(r));
          case FunctionKind.Constructor(TypeRef r) -> new FunctionKind.Constructor(refs.apply(r));
        };
    String newName =
        f.kind() instanceof FunctionKind.Constructor(TypeRef r) ? refs.apply(r).name() : name;
    return new WitFunction(
        newName,
        kind,
        f.async(),
        f.params().stream().map(p -> new Param(p.name(), type(p.type()))).toList(),
        f.result().map(this::type),
        f.docs(),
        f.gate());
  }

  Interface iface(Interface i) {
    TypeOwner owner = owners.apply(i.owner());
    return new Interface(
        owner,
        i.types().stream().map(t -> typeDef(t, t.name())).toList(),
        i.functions().stream().map(f -> function(f, f.name())).toList(),
        i.docs(),
        i.gate());
  }
}
