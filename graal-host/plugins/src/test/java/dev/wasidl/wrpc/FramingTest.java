package dev.wasidl.wrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** wRPC's framed stream, to the byte, with wrpc-transport's own test vectors. */
class FramingTest {
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static String hex(String s) {
    return hex(s.getBytes(StandardCharsets.UTF_8));
  }

  /** crates/transport/src/frame/codec.rs, test {@code codec}: the same three frames, same bytes. */
  @Test
  void framesAsWrpcTransportEncodesThem() throws Exception {
    byte[] a = Framing.frame(List.of(0, 1, 2), "test".getBytes(StandardCharsets.UTF_8));
    byte[] b = Framing.frame(List.of(), new byte[0]);
    byte[] c =
        Framing.frame(List.of(0x42), "\u007fƒ\uD800\uDF48Ő".getBytes(StandardCharsets.UTF_8));
    assertEquals("03" + "000102" + "04" + hex("test"), hex(a));
    assertEquals("0000", hex(b));
    assertEquals("01" + "42" + "09" + hex("\u007fƒ\uD800\uDF48Ő"), hex(c));

    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(a);
    all.writeBytes(b);
    all.writeBytes(c);
    ByteArrayInputStream in = new ByteArrayInputStream(all.toByteArray());
    assertEquals(
        new Frame(List.of(0, 1, 2), "test".getBytes(StandardCharsets.UTF_8)),
        Framing.readFrame(in));
    assertEquals(new Frame(List.of(), new byte[0]), Framing.readFrame(in));
    assertEquals(
        new Frame(List.of(0x42), "\u007fƒ\uD800\uDF48Ő".getBytes(StandardCharsets.UTF_8)),
        Framing.readFrame(in));
    assertNull(Framing.readFrame(in), "EOF at a frame boundary");
  }

  /**
   * crates/transport/src/frame/conn/client.rs, encode_invocation: version 0, instance and function
   * as names, then the parameters as one root frame.
   */
  @Test
  void invocationAsWrpcEncodesIt() throws Exception {
    String store = "wasi:keyvalue/store@0.2.0-draft2";
    WireWriter params = new WireWriter();
    ValueCodec.encode(Primitive.STRING, new Val.Str("app"), WireHandles.NONE, params);
    String bytes =
        hex(Framing.header(store, "open")) + hex(Framing.frame(List.of(), params.toByteArray()));
    assertEquals("00" + "20" + hex(store) + "04" + hex("open") + "00" + "04" + "03617070", bytes);

    ByteArrayInputStream in = new ByteArrayInputStream(HexFormat.of().parseHex(bytes));
    assertEquals(new Framing.Header(store, "open"), Framing.readHeader(in));
    assertEquals(
        List.of(new Val.Str("app")),
        Framing.readValues(in, List.of(Primitive.STRING), WireHandles.NONE));
  }

  @Test
  void valuesMaySpanFrames() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Framing.frame(List.of(), HexFormat.of().parseHex("0301")));
    out.writeBytes(Framing.frame(List.of(), HexFormat.of().parseHex("02")));
    out.writeBytes(Framing.frame(List.of(), HexFormat.of().parseHex("ff2a")));
    List<Type> types = List.of(new ListType(Primitive.U8), Primitive.U32);
    List<Val> values =
        Framing.readValues(new ByteArrayInputStream(out.toByteArray()), types, WireHandles.NONE);
    assertEquals(
        List.of(
            new Val.ListVal(List.of(new Val.U8(1), new Val.U8(2), new Val.U8(255))),
            new Val.U32(42)),
        values);
  }

  @Test
  void badStreamsAreRefused() {
    // another version
    assertThrows(
        WrpcException.class, () -> Framing.readHeader(new ByteArrayInputStream(new byte[] {1})));
    // an asynchronous value's frame: streams and futures are refused
    assertThrows(
        WrpcException.class,
        () ->
            Framing.readValues(
                new ByteArrayInputStream(Framing.frame(List.of(0), new byte[] {1})),
                List.of(Primitive.U8),
                WireHandles.NONE));
    // bytes after the values
    assertThrows(
        WrpcException.class,
        () ->
            Framing.readValues(
                new ByteArrayInputStream(Framing.frame(List.of(), new byte[] {1, 2})),
                List.of(Primitive.U8),
                WireHandles.NONE));
    // the connection ends first
    assertThrows(
        EOFException.class,
        () ->
            Framing.readValues(
                new ByteArrayInputStream(Framing.frame(List.of(), new byte[] {5, 'a'})),
                List.of(Primitive.STRING),
                WireHandles.NONE));
    assertThrows(
        EOFException.class,
        () -> Framing.readFrame(new ByteArrayInputStream(new byte[] {0, 5, 'a'})));
  }
}
