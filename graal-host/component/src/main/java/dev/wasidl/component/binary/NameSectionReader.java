package dev.wasidl.component.binary;

import dev.wasidl.component.ComponentException;
import dev.wasidl.component.ComponentNames;
import dev.wasidl.component.CustomSection;
import dev.wasidl.component.Sort;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code component-name} custom section leniently: any error drops the section. */
final class NameSectionReader {
  private NameSectionReader() {}

  static Optional<ComponentNames> read(CustomSection section) {
    ByteBuffer payload = section.payload();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    BinaryReader r = new BinaryReader(bytes, 0, bytes.length, "component-name section");
    try {
      Optional<String> componentName = Optional.empty();
      Map<Sort, Map<Integer, String>> names = new EnumMap<>(Sort.class);
      while (!r.atEnd()) {
        int id = r.u8();
        int size = r.u32();
        BinaryReader sub = r.window(size, "component-name subsection");
        switch (id) {
          case 0 -> componentName = Optional.of(sub.name());
          case 1 -> {
            Sort sort = ComponentReader.sort(sub);
            Map<Integer, String> map = new HashMap<>();
            int n = sub.vecLength();
            for (int i = 0; i < n; i++) {
              int idx = sub.u32();
              map.put(idx, sub.name());
            }
            names.put(sort, Map.copyOf(map));
          }
          default -> sub.skip(sub.remaining());
        }
      }
      return Optional.of(new ComponentNames(componentName, names));
    } catch (ComponentException e) {
      return Optional.empty();
    }
  }
}
