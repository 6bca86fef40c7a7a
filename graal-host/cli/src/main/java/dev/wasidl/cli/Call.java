package dev.wasidl.cli;

import dev.wasidl.component.ComponentDef;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An {@code --invoke 'name(args)'} resolved against a component's exports: the function and its
 * arguments parsed with its parameter types.
 */
record Call(WorldWit.ExportedFunc func, List<Val> args) {
  Call {
    args = List.copyOf(args);
  }

  /**
   * Resolves {@code text}: {@code name(args)} for a root export, {@code iface#name(args)} for a
   * function of an exported interface, where {@code iface} is the full interface name, the name
   * without {@code @version}, or the interface's own short name when only one export has it.
   *
   * @throws CommandLine.ParameterException (a usage error) if nothing or more than one function
   *     matches, or the arguments do not parse
   */
  static Call resolve(String text, ComponentDef component, CommandSpec spec) {
    int paren = text.indexOf('(');
    String name = (paren < 0 ? text : text.substring(0, paren)).strip();
    List<WorldWit.ExportedFunc> funcs = WorldWit.of(component).exportedFuncs();
    List<WorldWit.ExportedFunc> matches = funcs.stream().filter(f -> matches(f, name)).toList();
    if (matches.isEmpty()) {
      throw usage(spec, "no exported function `" + name + "`; the exports are:\n" + listing(funcs));
    }
    if (matches.size() > 1) {
      throw usage(spec, "`" + name + "` is ambiguous; write one of:\n" + listing(matches));
    }
    WorldWit.ExportedFunc f = matches.getFirst();
    List<Val> args;
    if (paren < 0) {
      if (!f.type().params().isEmpty()) {
        throw usage(spec, "`" + f.qualified() + "` takes arguments: " + f.type());
      }
      args = List.of();
    } else {
      try {
        args = ValText.parseArgs(f.type().paramTypes(), text, paren);
      } catch (ValTextException e) {
        throw usage(
            spec,
            "invalid --invoke: "
                + e.getMessage()
                + " ("
                + f.qualified()
                + ": "
                + f.type()
                + ")\n  "
                + e.pointer().replace("\n", "\n  "));
      }
    }
    return new Call(f, args);
  }

  private static boolean matches(WorldWit.ExportedFunc f, String name) {
    int hash = name.lastIndexOf('#');
    if (hash < 0) {
      return f.iface().isEmpty() && f.name().equals(name);
    }
    if (f.iface().isEmpty() || !f.name().equals(name.substring(hash + 1))) {
      return false;
    }
    String wanted = name.substring(0, hash);
    String iface = f.iface().get();
    int at = iface.indexOf('@');
    String unversioned = at < 0 ? iface : iface.substring(0, at);
    int slash = unversioned.lastIndexOf('/');
    String shortName = slash < 0 ? unversioned : unversioned.substring(slash + 1);
    return wanted.equals(iface) || wanted.equals(unversioned) || wanted.equals(shortName);
  }

  /** The exported functions with their types, one an indented line. */
  static String listing(ComponentDef component) {
    return listing(WorldWit.of(component).exportedFuncs());
  }

  private static String listing(List<WorldWit.ExportedFunc> funcs) {
    if (funcs.isEmpty()) {
      return "  (none)";
    }
    return funcs.stream()
        .map(f -> "  " + f.qualified() + ": " + f.type())
        .collect(Collectors.joining("\n"));
  }

  private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
