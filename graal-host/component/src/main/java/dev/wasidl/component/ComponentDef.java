package dev.wasidl.component;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded and validated component: its definitions in binary order and the index spaces they
 * build. Each index space lists, per index, the definition that introduced it (a definition, an
 * {@link Import}, an {@link Alias} or an {@link Export}); follow aliases to reach the definition.
 *
 * @param offset offset of the component's preamble in the outermost binary
 * @param bytes the component binary (read-only)
 * @param definitions every definition, in binary order
 * @param indexSpaces the index space of each sort
 * @param customSections the custom sections, in order
 * @param names the {@code component-name} section, if present and well-formed
 */
public record ComponentDef(
    long offset,
    ByteBuffer bytes,
    List<Definition> definitions,
    Map<Sort, List<Definition>> indexSpaces,
    List<CustomSection> customSections,
    Optional<ComponentNames> names)
    implements Definition {
  public ComponentDef {
    bytes = bytes.asReadOnlyBuffer();
    definitions = List.copyOf(definitions);
    indexSpaces = Map.copyOf(indexSpaces);
    customSections = List.copyOf(customSections);
  }

  /** Decodes and validates a component binary; see {@link ComponentDecoder#decode(byte[])}. */
  public static ComponentDef decode(byte[] bytes) {
    return ComponentDecoder.decode(bytes);
  }

  @Override
  public ByteBuffer bytes() {
    return bytes.duplicate();
  }

  /** The index space of {@code sort}: entry {@code i} introduced index {@code i}. */
  public List<Definition> indexSpace(Sort sort) {
    return indexSpaces.getOrDefault(sort, List.of());
  }

  /** The definition that introduced {@code index}. */
  public Definition definition(SortIndex index) {
    return indexSpace(index.sort()).get(index.index());
  }

  /** The component's imports, in order. */
  public List<Import> imports() {
    return definitionsOf(Import.class);
  }

  /** The component's exports, in order. */
  public List<Export> exports() {
    return definitionsOf(Export.class);
  }

  /** The embedded core modules, in order. */
  public List<CoreModule> coreModules() {
    return definitionsOf(CoreModule.class);
  }

  /** The core instance definitions, in order (aliases of core instances are not included). */
  public List<CoreInstance> coreInstances() {
    return definitionsOf(CoreInstance.class);
  }

  /** The nested components, in order. */
  public List<ComponentDef> components() {
    return definitionsOf(ComponentDef.class);
  }

  /** The component instance definitions, in order. */
  public List<InstanceExpr> instances() {
    return definitionsOf(InstanceExpr.class);
  }

  /** The canonical definitions, in order. */
  public List<CanonicalFunction> canonicalFunctions() {
    return definitionsOf(CanonicalFunction.class);
  }

  /** The import named {@code name}, if any. */
  public Optional<Import> importNamed(String name) {
    return imports().stream().filter(i -> i.name().text().equals(name)).findFirst();
  }

  /** The export named {@code name}, if any. */
  public Optional<Export> exportNamed(String name) {
    return exports().stream().filter(e -> e.name().text().equals(name)).findFirst();
  }

  private <T extends Definition> List<T> definitionsOf(Class<T> kind) {
    return definitions.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
