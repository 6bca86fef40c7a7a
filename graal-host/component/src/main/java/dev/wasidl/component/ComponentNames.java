package dev.wasidl.component;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code component-name} custom section: the component's name and names of indices per sort. It
 * is decoded leniently: a malformed name section is ignored, as the spec asks.
 */
public record ComponentNames(
    Optional<String> componentName, Map<Sort, Map<Integer, String>> names) {
  public ComponentNames {
    names = Map.copyOf(names);
  }

  /** The name of index {@code index} of {@code sort}, if the section names it. */
  public Optional<String> nameOf(Sort sort, int index) {
    return Optional.ofNullable(names.getOrDefault(sort, Map.of()).get(index));
  }
}
