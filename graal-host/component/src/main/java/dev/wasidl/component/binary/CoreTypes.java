package dev.wasidl.component.binary;

import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.Limits;

/** Core WebAssembly import matching (extern subtyping) for tables, memories, globals and funcs. */
final class CoreTypes {
  private CoreTypes() {}

  /** Whether a definition of type {@code actual} may be supplied for {@code expected}. */
  static boolean matches(CoreExternType expected, CoreExternType actual) {
    return mismatch(expected, actual) == null;
  }

  /** Whether the facts of a supplied definition match those expected (unknown facts match). */
  static boolean matches(Facts actual, Facts expected) {
    if (actual instanceof Facts.CoreExtern a && expected instanceof Facts.CoreExtern e) {
      return matches(e.type(), a.type());
    }
    if (actual instanceof Facts.CoreFunc a && expected instanceof Facts.CoreFunc e) {
      return a.type().equals(e.type());
    }
    return true;
  }

  /** Why {@code actual} does not match {@code expected}, or null if it does. */
  static String mismatch(CoreExternType expected, CoreExternType actual) {
    if (expected.sort() != actual.sort()) {
      return "expected a " + expected.sort().specName() + ", found a " + actual.sort().specName();
    }
    return switch (expected) {
      case CoreExternType.Global e -> {
        CoreExternType.Global a = (CoreExternType.Global) actual;
        if (e.type() != a.type()) {
          yield "expected global type " + name(e.type()) + ", found " + name(a.type());
        }
        yield e.mutable() == a.mutable() ? null : "mismatch in global mutability";
      }
      case CoreExternType.Table e -> {
        CoreExternType.Table a = (CoreExternType.Table) actual;
        if (e.element() != a.element()) {
          yield "expected table element type " + name(e.element()) + ", found " + name(a.element());
        }
        yield limits(e.limits(), a.limits()) ? null : "mismatch in table limits";
      }
      case CoreExternType.Memory e -> {
        CoreExternType.Memory a = (CoreExternType.Memory) actual;
        if (e.shared() != a.shared()) {
          yield "mismatch in the shared flag for memories";
        }
        if (e.memory64() != a.memory64()) {
          yield "mismatch in index type for memories";
        }
        yield limits(e.limits(), a.limits()) ? null : "mismatch in memory limits";
      }
      case CoreExternType.Func e -> null; // compared by type, where known
      case CoreExternType.Tag e -> null;
    };
  }

  private static boolean limits(Limits expected, Limits actual) {
    if (Long.compareUnsigned(actual.min(), expected.min()) < 0) {
      return false;
    }
    if (expected.max().isEmpty()) {
      return true;
    }
    return actual.max().isPresent()
        && Long.compareUnsigned(actual.max().getAsLong(), expected.max().getAsLong()) <= 0;
  }

  private static String name(CoreValType t) {
    return t.name().toLowerCase(java.util.Locale.ROOT);
  }
}
