package dev.wasidl.wrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasidl.testkit.component.FuzzedTypes;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * wRPC's value decoding on a peer's bytes, guided by coverage (Jazzer): a value type drawn from the
 * input, then its parameters read from the rest. Reading either gives values or fails with an
 * {@link IOException} (a {@link WrpcException} for malformed bytes, an end of stream for short
 * ones); anything else is a finding. Values read are encoded again and read back equal. Replays
 * {@code WrpcDecoderFuzzTestInputs} without {@code JAZZER_FUZZ}; the build's {@code fuzz-wrpc}
 * execution fuzzes it.
 */
class WrpcDecoderFuzzTest {
  @FuzzTest
  void readValues(FuzzedDataProvider data) throws IOException {
    List<Type> types = List.of(FuzzedTypes.type(data, 3));
    byte[] bytes = data.consumeRemainingAsBytes();
    List<Val> values;
    try {
      values = Framing.readValues(new ByteArrayInputStream(bytes), types, WireHandles.NONE);
    } catch (IOException expected) {
      return;
    }
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    Framing.writeValues(again, Framing.encodeValues(types, values, WireHandles.NONE));
    assertEquals(
        values,
        Framing.readValues(new ByteArrayInputStream(again.toByteArray()), types, WireHandles.NONE));
  }
}
