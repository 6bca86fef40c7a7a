package dev.wasidl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code wasidl} command line: {@code wasidl run} runs a component (its {@code wasi:cli/run}
 * export, or one export called with {@code --invoke}), {@code wasidl wit} prints its world as WIT,
 * {@code wasidl compose} plugs components into an app. Exit codes follow wasmtime: the guest's own
 * code, 1 for an error, 2 for a usage error, 134 (128 + SIGABRT) for a trap.
 */
@Command(
    name = "wasidl",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Runs WebAssembly components on GraalWasm.",
    subcommands = {RunCommand.class, ServeCommand.class, WitCommand.class, ComposeCommand.class})
public final class Main implements Callable<Integer> {
  /** Exit code of a guest trap, as wasmtime's on Unix: 128 + SIGABRT. */
  public static final int TRAP = 134;

  /** Exit code of an error that is not the guest's (unreadable file, invalid component, ...). */
  public static final int ERROR = 1;

  /** Exit code of a usage error (picocli's). */
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  /** Where a guest's standard streams go. */
  final Stdio stdio;

  private Main(Stdio stdio) {
    this.stdio = stdio;
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true);
    System.exit(execute(Stdio.system(), out, err, args));
  }

  /**
   * Runs the command line with {@code args}, writing to {@code out} and {@code err}; a guest reads
   * an empty stdin and its stdout and stderr go to {@code out} and {@code err} too.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(InputStream.nullInputStream(), out, err, args);
  }

  /** As {@link #execute(PrintWriter, PrintWriter, String...)}, the guest reading {@code stdin}. */
  public static int execute(InputStream stdin, PrintWriter out, PrintWriter err, String... args) {
    return execute(
        new Stdio(stdin, new WriterOutputStream(out), new WriterOutputStream(err)), out, err, args);
  }

  private static int execute(Stdio stdio, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main(stdio));
    // Everything after the component is the guest's: `wasidl run app.wasm --help` passes --help.
    cl.getSubcommands().get("run").setStopAtPositional(true);
    cl.setOut(out).setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: run, wit or compose");
  }

  /** wasidl's version and the GraalVM polyglot it was built with. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "wasidl " + p.getProperty("version", "(development build)"),
        "GraalWasm " + p.getProperty("graalvm", "?") + ", Java " + Runtime.version()
      };
    }
  }
}
