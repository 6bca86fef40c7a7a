package dev.wasidl.dl;

import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.OutgoingValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of an {@code outgoing-struct} resource: its field values, taken over from the guest
 * (each {@code outgoing-value} is an owned handle). Built into bridge-ffm's {@link OutgoingStruct}
 * when used, so a field that was never set (or an empty struct) is an error of that use, as the
 * semantics say, not of the constructor.
 */
record OutgoingFields(List<Object> fields) {
  OutgoingFields {
    fields = List.copyOf(fields);
  }

  /** The struct value; each field is an {@link OutgoingSlot} or an {@link OutgoingFields}. */
  OutgoingStruct value() {
    if (fields.isEmpty()) {
      throw new DlError("an outgoing-struct needs at least one field (C has no empty structs)");
    }
    List<OutgoingValue> values = new ArrayList<>(fields.size());
    for (Object f : fields) {
      values.add(toValue(f));
    }
    return new OutgoingStruct(values);
  }

  static OutgoingValue toValue(Object field) {
    return switch (field) {
      case OutgoingSlot s -> s.value();
      case OutgoingFields s -> s.value();
      default -> throw new IllegalStateException("not an outgoing value: " + field);
    };
  }
}
