package dev.wasidl.component;

/** An alias definition or declarator; it adds one index to the index space of its {@link #sort}. */
public sealed interface Alias extends Definition, Decl {
  /** The sort whose index space gets the new index. */
  Sort sort();

  /** {@code (alias export i n (s))}: export {@code name} of component instance {@code instance}. */
  record InstanceExport(Sort sort, int instance, String name) implements Alias {}

  /** {@code (alias core export i n (s))}: export {@code name} of core instance {@code instance}. */
  record CoreInstanceExport(Sort sort, int instance, String name) implements Alias {}

  /**
   * {@code (alias outer ct idx (s))}: index {@code index} of the scope {@code count} levels out.
   */
  record Outer(Sort sort, int count, int index) implements Alias {}
}
