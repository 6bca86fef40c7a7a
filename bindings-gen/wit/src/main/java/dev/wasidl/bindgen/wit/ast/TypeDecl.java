package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.Gate;
import java.util.List;
import java.util.Optional;

/** A type definition item. */
public sealed interface TypeDecl extends InterfaceItem, WorldMember {
  Ident name();

  String docs();

  Gate gate();

  Span span();

  /** {@code name: T} with docs. */
  record FieldDecl(Ident name, TypeExpr type, String docs) {}

  /** A variant case, enum case or flag: {@code name} or {@code name(T)}, with docs. */
  record CaseDecl(Ident name, Optional<TypeExpr> type, String docs) {}

  /** {@code record}. */
  record RecordDecl(Ident name, List<FieldDecl> fields, String docs, Gate gate, Span span)
      implements TypeDecl {
    public RecordDecl {
      fields = List.copyOf(fields);
    }
  }

  /** {@code variant}. */
  record VariantDecl(Ident name, List<CaseDecl> cases, String docs, Gate gate, Span span)
      implements TypeDecl {
    public VariantDecl {
      cases = List.copyOf(cases);
    }
  }

  /** {@code enum}. */
  record EnumDecl(Ident name, List<CaseDecl> cases, String docs, Gate gate, Span span)
      implements TypeDecl {
    public EnumDecl {
      cases = List.copyOf(cases);
    }
  }

  /** {@code flags}. */
  record FlagsDecl(Ident name, List<CaseDecl> flags, String docs, Gate gate, Span span)
      implements TypeDecl {
    public FlagsDecl {
      flags = List.copyOf(flags);
    }
  }

  /** {@code resource name;} or {@code resource name { functions }}. */
  record ResourceDecl(Ident name, List<ResourceFunc> functions, String docs, Gate gate, Span span)
      implements TypeDecl {
    public ResourceDecl {
      functions = List.copyOf(functions);
    }
  }

  /** {@code type name = T;}. */
  record AliasDecl(Ident name, TypeExpr target, String docs, Gate gate, Span span)
      implements TypeDecl {}

  /** A function in a resource block. */
  record ResourceFunc(Kind kind, Ident name, FuncSig sig, String docs, Gate gate, Span span) {
    /** Method, {@code static} function or {@code constructor}. */
    public enum Kind {
      METHOD,
      STATIC,
      CONSTRUCTOR
    }
  }
}
