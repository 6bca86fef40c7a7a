package dev.wasidl.component;

import java.util.List;

/** {@code (start f (value arg)* (result (value))^r)}; only the value-free form is supported. */
public record Start(int func, List<Integer> args, int results) implements Definition {
  public Start {
    args = List.copyOf(args);
  }
}
