package dev.wasidl.component;

import dev.wasidl.component.binary.ComponentReader;

/** Decodes and validates component binaries (the preview-2 feature set of Binary.md). */
public final class ComponentDecoder {
  private ComponentDecoder() {}

  /**
   * Decodes and validates {@code bytes} as a component.
   *
   * @throws MalformedComponentException if the bytes do not follow the binary grammar
   * @throws InvalidComponentException if validation rejects the component
   * @throws UnsupportedFeatureException if it uses a feature past WASI preview 2
   */
  public static ComponentDef decode(byte[] bytes) {
    return ComponentReader.read(bytes.clone());
  }
}
