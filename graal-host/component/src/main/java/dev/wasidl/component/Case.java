package dev.wasidl.component;

import java.util.Optional;

/** A variant case: a label and an optional payload type. */
public record Case(String label, Optional<ValType> type) {}
