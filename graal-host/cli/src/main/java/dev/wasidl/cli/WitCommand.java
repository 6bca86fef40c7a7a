package dev.wasidl.cli;

import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.ComponentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasidl wit COMPONENT}: the component's world as WIT. */
@Command(
    name = "wit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Prints a component's world as WIT: its imports and exports, then the interfaces with the"
          + " types, resources and functions the component's types declare."
    })
final class WitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "the component (.wasm)")
  Path component;

  @Override
  public Integer call() {
    ComponentDef model;
    try {
      model = ComponentDef.decode(Files.readAllBytes(component));
    } catch (IOException e) {
      return RunCommand.error(spec, "cannot read " + component + ": " + RunCommand.describe(e));
    } catch (ComponentException e) {
      return RunCommand.error(spec, component + " is not a valid component: " + e.getMessage());
    }
    spec.commandLine().getOut().print(WorldWit.of(model).print());
    return 0;
  }
}
