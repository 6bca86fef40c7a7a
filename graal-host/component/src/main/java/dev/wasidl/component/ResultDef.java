package dev.wasidl.component;

import java.util.Optional;

/** {@code (result t? (error u)?)}. */
public record ResultDef(Optional<ValType> ok, Optional<ValType> error) implements DefValType {}
