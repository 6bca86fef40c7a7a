package dev.wasidl.cli;

import dev.wasidl.component.ComponentException;
import dev.wasidl.graal.MalformedModuleException;
import dev.wasidl.keyvalue.KeyValueHost;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.UnlinkableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The providers of a run's imports beyond WASI and wasi:dl, defined on its linker before the
 * component is instantiated: the built-in in-memory wasi:keyvalue ({@code --keyvalue}) and plugin
 * components ({@code --plug}). A plugin is an instance of its own with the run's grants (its own
 * WASI and wasi:dl contexts as its data), instantiated against what is defined so far; its exported
 * interfaces then satisfy the imports of the next plugins and of the app ({@link Linker#plug}).
 * Closing it closes the plugins, the last first.
 */
final class Providers implements AutoCloseable {
  /** A provider that cannot be set up: the message for stderr and the exit code. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Failure(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  private final Linker linker;
  private final Function<List<String>, RunContext> contexts;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /**
   * @param contexts the data of an instance with the run's grants, given its arguments
   */
  Providers(Linker linker, Function<List<String>, RunContext> contexts) {
    this.linker = linker;
    this.contexts = contexts;
  }

  /** {@code --keyvalue}: each instance's {@link RunContext} carries its host on the run's store. */
  void keyValue() {
    KeyValueHost.add(linker);
  }

  /**
   * {@code --plug FILE}: instantiates the plugin component and plugs in every interface it exports.
   *
   * @throws Failure if the file is unreadable or not a component, it cannot be instantiated, or one
   *     of its interfaces is already defined (a usage error)
   * @throws dev.wasidl.abi.Trap if its instantiation traps
   */
  void plug(Path file) {
    String name = file.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Failure("cannot read plugin " + file + ": " + RunCommand.describe(e), Main.ERROR);
    }
    Component component;
    try {
      component = Component.of(name, bytes);
    } catch (ComponentException e) {
      throw new Failure(
          "plugin " + file + " is not a valid component: " + e.getMessage(), Main.ERROR);
    }
    RunContext cx = contexts.apply(List.of(name));
    opened.push(cx);
    Instance plugin;
    try {
      plugin = linker.instantiate(component, cx);
    } catch (UnlinkableException | MalformedModuleException e) {
      throw new Failure("cannot instantiate plugin " + name + ": " + e.getMessage(), Main.ERROR);
    }
    opened.push(plugin);
    try {
      linker.plug(plugin);
    } catch (IllegalArgumentException e) {
      throw new Failure("--plug " + file + ": " + e.getMessage(), Main.USAGE);
    }
  }

  @Override
  public void close() {
    RuntimeException failed = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failed == null) {
          failed = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
