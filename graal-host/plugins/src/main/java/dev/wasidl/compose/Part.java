package dev.wasidl.compose;

import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.ComponentException;

/** One component to compose: its binary (nested byte for byte) and its decoded model. */
public final class Part {
  private final String label;
  private final byte[] binary;
  private final ComponentDef model;

  private Part(String label, byte[] binary, ComponentDef model) {
    this.label = label;
    this.binary = binary;
    this.model = model;
  }

  /** Decodes and validates {@code binary}; {@code label} (its file name) names it in messages. */
  public static Part of(String label, byte[] binary) {
    byte[] copy = binary.clone();
    try {
      return new Part(label, copy, ComponentDef.decode(copy));
    } catch (ComponentException e) {
      throw new ComposeException(label + " is not a valid component: " + e.getMessage(), e);
    }
  }

  public String label() {
    return label;
  }

  byte[] binary() {
    return binary;
  }

  public ComponentDef model() {
    return model;
  }

  @Override
  public String toString() {
    return label;
  }
}
