package dev.wasidl.dl;

/**
 * Caps on what one instance's wasi:dl may hold in the host at once, so a guest cannot grow the host
 * without bound. Exceeding one is the WIT's error result where the function has one (e.g. {@code
 * alloc.new}) and a trap otherwise (e.g. the {@code struct-type} constructor); either way the
 * message says "limit" and names the flag.
 *
 * @param maxMemory bytes of owned allocs live at once ({@code --dl-max-memory})
 * @param maxFields primitive fields of one struct type, nested structs flattened ({@code
 *     --dl-max-fields})
 * @param maxTotalFields fields held at once by the instance's struct types, allocs, functions and
 *     incoming structs ({@code --dl-max-total-fields})
 * @param maxResources wasi:dl handles live at once ({@code --dl-max-resources})
 */
public record DlLimits(long maxMemory, long maxFields, long maxTotalFields, long maxResources) {
  /** 64 MiB of allocs, 65,536 fields a struct type, 1,048,576 fields in all, 65,536 handles. */
  public static final DlLimits DEFAULT = new DlLimits(64L << 20, 1L << 16, 1L << 20, 1L << 16);

  public DlLimits {
    positive(maxMemory, "maxMemory");
    positive(maxFields, "maxFields");
    positive(maxTotalFields, "maxTotalFields");
    positive(maxResources, "maxResources");
  }

  private static void positive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  /** These limits with {@code maxMemory} changed. */
  public DlLimits withMaxMemory(long bytes) {
    return new DlLimits(bytes, maxFields, maxTotalFields, maxResources);
  }

  /** These limits with {@code maxFields} changed. */
  public DlLimits withMaxFields(long fields) {
    return new DlLimits(maxMemory, fields, maxTotalFields, maxResources);
  }

  /** These limits with {@code maxTotalFields} changed. */
  public DlLimits withMaxTotalFields(long fields) {
    return new DlLimits(maxMemory, maxFields, fields, maxResources);
  }

  /** These limits with {@code maxResources} changed. */
  public DlLimits withMaxResources(long handles) {
    return new DlLimits(maxMemory, maxFields, maxTotalFields, handles);
  }
}
