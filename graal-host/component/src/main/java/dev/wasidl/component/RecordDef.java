package dev.wasidl.component;

import java.util.List;

/** {@code (record (field l t)+)}. */
public record RecordDef(List<LabelValType> fields) implements DefValType {
  public RecordDef {
    fields = List.copyOf(fields);
  }
}
