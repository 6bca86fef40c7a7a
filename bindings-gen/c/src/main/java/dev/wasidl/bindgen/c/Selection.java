package dev.wasidl.bindgen.c;

import java.util.List;

/**
 * What to generate from a header: functions, variables, the structs they and the caller chose
 * (nested structs before the structs holding them), and the declarations left out with the reason.
 *
 * @param header the header file name, for comments
 * @param functions the functions, in header order
 * @param variables the variables (data symbols), in header order
 * @param structs the structs, every struct after the structs it contains
 * @param skipped one line per declaration left out when taking "all" of a header
 */
public record Selection(
    String header,
    List<CFunction> functions,
    List<CVariable> variables,
    List<CStruct> structs,
    List<String> skipped) {

  /** Copies the lists. */
  public Selection {
    functions = List.copyOf(functions);
    variables = List.copyOf(variables);
    structs = List.copyOf(structs);
    skipped = List.copyOf(skipped);
  }
}
