package dev.wasidl.cli;

import dev.wasidl.compose.ComposeException;
import dev.wasidl.compose.Composer;
import dev.wasidl.compose.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasidl compose --plug PLUGIN... APP -o OUT}: plugs components into an app. */
@Command(
    name = "compose",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Plugs components into an app (as wac plug): each import of APP that a plugin exports is"
          + " wired to that export; what remains unsatisfied becomes an import of the output"
          + " (merged by name, compatible 0.2.x versions at the highest), and the output exports"
          + " what APP exports. The parts are nested unchanged in one component."
    })
final class ComposeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--plug",
      required = true,
      paramLabel = "PLUGIN",
      description = "a component whose exports satisfy imports of APP (repeatable)")
  List<Path> plugs = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "where to write the composed component")
  Path output;

  @Parameters(index = "0", paramLabel = "APP", description = "the app component (.wasm)")
  Path app;

  @Override
  public Integer call() {
    try {
      List<Part> plugins = new ArrayList<>();
      for (Path p : plugs) {
        plugins.add(read(p));
      }
      byte[] composed = Composer.compose(read(app), plugins);
      Files.write(output, composed);
      return 0;
    } catch (IOException e) {
      return RunCommand.error(spec, describe(e));
    } catch (ComposeException e) {
      return RunCommand.error(spec, e.getMessage());
    }
  }

  private static Part read(Path p) throws IOException {
    return Part.of(p.toString(), Files.readAllBytes(p));
  }

  private String describe(IOException e) {
    return "cannot read or write a file: " + RunCommand.describe(e);
  }
}
