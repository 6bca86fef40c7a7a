package dev.wasidl.component;

import java.util.List;

/** {@code (record (field l t)+)}. */
public record RecordType(List<Field> fields) implements DefValType {
  public RecordType {
    fields = List.copyOf(fields);
  }
}
