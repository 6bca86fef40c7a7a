package dev.wasidl.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/** The byte streams a guest's stdin, stdout and stderr are bound to. */
record Stdio(InputStream in, OutputStream out, OutputStream err) {
  /** This process's streams. */
  static Stdio system() {
    return new Stdio(System.in, new PrintStream(System.out, true), System.err);
  }
}
