package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.FfiType;
import java.util.Optional;

/**
 * One member of a mapped struct: a C field, or one element of an array field ({@code name[2]}).
 *
 * @param name the C field name, with {@code [i]} for array elements ("" for an anonymous member)
 * @param type the wasi:dl type
 * @param offset the byte offset clang gives
 * @param struct the C struct name when the member is itself a named struct
 */
public record CField(String name, FfiType type, long offset, Optional<String> struct) {}
