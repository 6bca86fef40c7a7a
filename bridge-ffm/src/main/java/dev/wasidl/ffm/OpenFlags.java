package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.Native;

/**
 * wasi:dl's {@code open-flags}, passed to {@code dlopen}: at most one of {@code lazy} and {@code
 * now} (neither means now) and at most one of {@code global} and {@code local} (neither means
 * local).
 */
public record OpenFlags(boolean lazy, boolean now, boolean global, boolean local) {
  /** No flags: {@code RTLD_NOW | RTLD_LOCAL}. */
  public static final OpenFlags NONE = new OpenFlags(false, false, false, false);

  /** {@code RTLD_NOW}. */
  public static final OpenFlags NOW = new OpenFlags(false, true, false, false);

  /** {@code RTLD_LAZY}. */
  public static final OpenFlags LAZY = new OpenFlags(true, false, false, false);

  /** {@code RTLD_GLOBAL}. */
  public static final OpenFlags GLOBAL = new OpenFlags(false, false, true, false);

  /** {@code RTLD_LOCAL}. */
  public static final OpenFlags LOCAL = new OpenFlags(false, false, false, true);

  /** These flags together with {@code other}'s. */
  public OpenFlags and(OpenFlags other) {
    return new OpenFlags(
        lazy || other.lazy, now || other.now, global || other.global, local || other.local);
  }

  /**
   * The dlopen mode bits for this platform.
   *
   * @throws DlOpenException if both flags of a pair are set
   */
  public int mode() {
    if (lazy && now) {
      throw new DlOpenException("open-flags: lazy and now cannot both be set");
    }
    if (global && local) {
      throw new DlOpenException("open-flags: global and local cannot both be set");
    }
    return (lazy ? Native.RTLD_LAZY : Native.RTLD_NOW)
        | (global ? Native.RTLD_GLOBAL : Native.RTLD_LOCAL);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("open-flags{");
    if (lazy) {
      b.append("lazy,");
    }
    if (now) {
      b.append("now,");
    }
    if (global) {
      b.append("global,");
    }
    if (local) {
      b.append("local,");
    }
    if (b.charAt(b.length() - 1) == ',') {
      b.setLength(b.length() - 1);
    }
    return b.append('}').toString();
  }
}
