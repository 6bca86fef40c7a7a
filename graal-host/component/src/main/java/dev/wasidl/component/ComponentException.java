package dev.wasidl.component;

/**
 * The one unchecked root of every failure to decode or validate a component. Subclasses follow the
 * spec's failure classes: {@link MalformedComponentException} (the bytes do not follow the binary
 * grammar), {@link InvalidComponentException} (well-formed but rejected by validation) and {@link
 * UnsupportedFeatureException} (a feature past WASI preview 2 that this decoder does not take).
 */
public abstract class ComponentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String section;
  private final long offset;
  private final String detail;

  ComponentException(String kind, String detail, String section, long offset) {
    super(kind + ": " + detail + " at offset " + offset + " (" + section + ")");
    this.detail = detail;
    this.section = section;
    this.offset = offset;
  }

  /** The section (or other part of the binary) being read, as the spec names it. */
  public String section() {
    return section;
  }

  /** The byte offset in the outermost binary where the failure was found. */
  public long offset() {
    return offset;
  }

  /** The message without the kind, section and offset. */
  public String detail() {
    return detail;
  }
}
