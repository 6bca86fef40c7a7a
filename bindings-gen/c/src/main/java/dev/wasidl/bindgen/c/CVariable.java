package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.FfiType;
import java.util.Optional;

/**
 * A C variable a library exports ({@code extern int counter;}) mapped to a wasi:dl type: what a
 * data pin ({@code counter: data c-int}) lets a guest read with {@code symbol.get-alloc}.
 *
 * @param name the symbol
 * @param cType its C type as written
 * @param type its wasi:dl type
 * @param struct the C struct name when the type is a struct
 * @param location {@code file:line:column} of the declaration
 */
public record CVariable(
    String name, String cType, FfiType type, Optional<String> struct, String location) {}
