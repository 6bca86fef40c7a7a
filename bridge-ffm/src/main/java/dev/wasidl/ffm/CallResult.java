package dev.wasidl.ffm;

import java.util.Optional;

/** The result of a call made with {@link CallOption#CAPTURE_ERRNO}: the value and C's errno. */
public record CallResult(Optional<IncomingValue> value, int errno) {}
