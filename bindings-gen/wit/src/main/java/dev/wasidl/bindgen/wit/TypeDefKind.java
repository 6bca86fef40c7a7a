package dev.wasidl.bindgen.wit;

import java.util.List;

/** What a {@link TypeDef} defines. */
public sealed interface TypeDefKind {
  /** {@code record r { a: T, ... }}. */
  record RecordType(List<WitField> fields) implements TypeDefKind {
    public RecordType {
      fields = List.copyOf(fields);
    }
  }

  /** {@code variant v { a, b(T), ... }}. */
  record VariantType(List<WitCase> cases) implements TypeDefKind {
    public VariantType {
      cases = List.copyOf(cases);
    }
  }

  /** {@code enum e { a, b, ... }}; each case has no payload. */
  record EnumType(List<WitCase> cases) implements TypeDefKind {
    public EnumType {
      cases = List.copyOf(cases);
    }
  }

  /** {@code flags f { a, b, ... }}; each flag is a case without payload. */
  record FlagsType(List<WitCase> flags) implements TypeDefKind {
    public FlagsType {
      flags = List.copyOf(flags);
    }
  }

  /**
   * {@code resource r}. Its constructor, methods and static functions are functions of the owner
   * (see {@link FunctionKind}).
   */
  record ResourceType() implements TypeDefKind {}

  /**
   * {@code type t = T}, or a name brought in by {@code use i.{t}} (then {@code target} names a type
   * of another owner).
   */
  record Alias(WitType target) implements TypeDefKind {}
}
