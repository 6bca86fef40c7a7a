package dev.wasidl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasidl.testkit.component.FuzzedTypes;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;

/**
 * The WAVE value parser ({@code run --invoke}'s arguments) on arbitrary text, guided by coverage
 * (Jazzer): a value type drawn from the input, then its text parsed. Parsing either gives a value
 * or fails with a {@link ValTextException} naming the column; anything else is a finding. A value
 * parsed prints as text that parses to the same value. Replays {@code ValTextFuzzTestInputs}
 * without {@code JAZZER_FUZZ}; the build's {@code fuzz-wave} execution fuzzes it.
 */
class ValTextFuzzTest {
  @FuzzTest
  void parse(FuzzedDataProvider data) {
    Type type = FuzzedTypes.type(data, 3);
    String text = data.consumeRemainingAsString();
    Val value;
    try {
      value = ValText.parse(type, text);
    } catch (ValTextException expected) {
      return;
    }
    assertEquals(value, ValText.parse(type, ValText.print(type, value)));
  }
}
