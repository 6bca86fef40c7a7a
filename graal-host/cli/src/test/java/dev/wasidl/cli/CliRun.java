package dev.wasidl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one {@code wasidl} command line, run in process, printed and returned (for tests). */
public record CliRun(int code, String out, String err) {
  public static CliRun wasidl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
