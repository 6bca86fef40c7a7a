package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.FfiType;
import java.util.Optional;

/**
 * A parameter (or result) of a C function: its name ("" when the header gives none), its C type as
 * written, its wasi:dl type, and the C struct name when the type is a struct by value.
 */
public record CParam(String name, String cType, FfiType type, Optional<String> struct) {}
