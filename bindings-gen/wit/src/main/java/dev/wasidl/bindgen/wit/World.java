package dev.wasidl.bindgen.wit;

import java.util.List;
import java.util.Optional;

/**
 * An elaborated world: {@code include}s merged in, and the interfaces that imports and exports use
 * added as imports before their users. Types declared in the world are {@link WorldItem.TypeItem}
 * imports.
 */
public record World(
    TypeOwner.World owner,
    List<WorldItem> imports,
    List<WorldItem> exports,
    String docs,
    Gate gate) {
  public World {
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
  }

  public String name() {
    return owner.name();
  }

  public Optional<WorldItem> importNamed(String key) {
    return imports.stream().filter(i -> i.key().equals(key)).findFirst();
  }

  public Optional<WorldItem> exportNamed(String key) {
    return exports.stream().filter(i -> i.key().equals(key)).findFirst();
  }
}
