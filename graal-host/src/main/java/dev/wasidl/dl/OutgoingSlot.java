package dev.wasidl.dl;

import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.PrimitiveType;
import org.jspecify.annotations.Nullable;

/**
 * The host side of an {@code outgoing-primitive} resource: its type, fixed by the constructor, and
 * the value of the last setter that succeeded (none until one does).
 */
final class OutgoingSlot {
  final PrimitiveType type;
  @Nullable OutgoingPrimitive value;

  OutgoingSlot(PrimitiveType type) {
    this.type = type;
  }

  /** The value to pass. */
  OutgoingPrimitive value() {
    OutgoingPrimitive v = value;
    if (v == null) {
      throw new DlError("an outgoing-primitive of " + type.witName() + " was never set");
    }
    return v;
  }
}
