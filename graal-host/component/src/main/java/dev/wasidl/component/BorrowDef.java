package dev.wasidl.component;

/** {@code (borrow i)}: a borrowed handle to the resource type at {@code resource}. */
public record BorrowDef(int resource) implements DefValType {}
