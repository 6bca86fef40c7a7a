package dev.wasidl.compose;

import dev.wasidl.component.ExternName;
import dev.wasidl.runtime.Semver;
import java.util.Optional;

/**
 * The name under which imports meet, as the Linker matches them: an interface name with a version
 * that has a compatibility key ({@code wasi:io/streams@0.2.6} and {@code @0.2.12} both meet at
 * {@code wasi:io/streams@0.2}); any other name exactly.
 */
record ImportKey(String key, Optional<Semver> version) {
  static ImportKey of(ExternName name) {
    if (name instanceof ExternName.Interface i && i.version().isPresent()) {
      Optional<Semver> v = Semver.parse(i.version().get());
      Optional<String> compat = v.flatMap(Semver::compatibilityKey);
      if (compat.isPresent()) {
        return new ImportKey(
            i.namespace() + ":" + i.pkg() + "/" + i.name() + "@" + compat.get(), v);
      }
    }
    return new ImportKey(name.text(), Optional.empty());
  }
}
