package dev.wasidl.bindgen.wit;

import java.util.List;
import java.util.Optional;

/** A resolved package: its interfaces and worlds in source order. */
public record WitPackage(
    PackageName name, List<Interface> interfaces, List<World> worlds, String docs) {
  public WitPackage {
    interfaces = List.copyOf(interfaces);
    worlds = List.copyOf(worlds);
  }

  public Optional<Interface> iface(String name) {
    return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public Optional<World> world(String name) {
    return worlds.stream().filter(w -> w.name().equals(name)).findFirst();
  }
}
