package dev.wasidl.component;

/** The type of a core import or export ({@code core:externtype}). */
public sealed interface CoreExternType {
  /** The sort of definition this type describes. */
  Sort sort();

  /** A function of the core type at {@code typeIndex} (in the enclosing core type space). */
  record Func(int typeIndex) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /** A table. */
  record Table(CoreValType element, Limits limits) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_TABLE;
    }
  }

  /** A memory. */
  record Memory(Limits limits, boolean shared, boolean memory64) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_MEMORY;
    }
  }

  /** A global. */
  record Global(CoreValType type, boolean mutable) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_GLOBAL;
    }
  }

  /** An exception tag of the core function type at {@code typeIndex}. */
  record Tag(int typeIndex) implements CoreExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_TAG;
    }
  }
}
