package dev.wasidl.component;

/** The type of an import or export ({@code externtype}). */
public sealed interface ExternType {
  /** The sort of the imported or exported definition. */
  Sort sort();

  /** {@code (core module (type i))}, {@code i} a core module type. */
  record Module(int coreType) implements ExternType {
    @Override
    public Sort sort() {
      return Sort.CORE_MODULE;
    }
  }

  /** {@code (func (type i))}. */
  record Func(int type) implements ExternType {
    @Override
    public Sort sort() {
      return Sort.FUNC;
    }
  }

  /** {@code (type b)}. */
  record Type(TypeBound bound) implements ExternType {
    @Override
    public Sort sort() {
      return Sort.TYPE;
    }
  }

  /** {@code (component (type i))}. */
  record Component(int type) implements ExternType {
    @Override
    public Sort sort() {
      return Sort.COMPONENT;
    }
  }

  /** {@code (instance (type i))}. */
  record Instance(int type) implements ExternType {
    @Override
    public Sort sort() {
      return Sort.INSTANCE;
    }
  }
}
