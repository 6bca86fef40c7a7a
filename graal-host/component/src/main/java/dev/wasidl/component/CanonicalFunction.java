package dev.wasidl.component;

/** A canonical definition ({@code canon}) of the preview-2 feature set. */
public sealed interface CanonicalFunction extends Definition {
  /** The sort of the defined function: {@code func} for lift, {@code core func} for the rest. */
  Sort sort();

  /** {@code (canon lift f opts type)}: defines a component function. */
  record Lift(int coreFunc, CanonOptions options, int type) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.FUNC;
    }
  }

  /** {@code (canon lower f opts (core func))}. */
  record Lower(int func, CanonOptions options) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /** {@code (canon resource.new rt (core func))}. */
  record ResourceNew(int resource) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /** {@code (canon resource.drop rt (core func))}. */
  record ResourceDrop(int resource) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /** {@code (canon resource.rep rt (core func))}. */
  record ResourceRep(int resource) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }
}
