package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.testkit.plugins.Node;
import dev.wasidl.wrpc.Server;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our wRPC server against wRPC's own JavaScript implementation (node/wrpc-js, vendored from
 * bytecodealliance/wrpc): node/wrpc-peer.mjs invokes the keyvalue plugin's functions over TCP with
 * wrpc-js's framing and value encoding (resources as opaque handle bytes, static and method names
 * without their component-model prefixes) and prints what it decoded.
 */
class KeyValueWrpcPeerTest {
  @Test
  void wrpcJsInvokesTheServedPlugin() throws IOException, InterruptedException {
    StringWriter log = new StringWriter();
    try (GraalRuntime runtime = GraalRuntime.create();
        Server server = KeyValueRpcTest.serve(runtime, log)) {
      String out = Node.run("wrpc-peer.mjs", Integer.toString(server.address().getPort()));
      assertEquals(
          List.of(
              "open js: ok, a handle of 16 bytes",
              "set k: {\"tag\":\"ok\"}",
              "get k: {\"tag\":\"ok\",\"val\":\"bytes(v1)\"}",
              "get missing: {\"tag\":\"ok\"}",
              "exists k: {\"tag\":\"ok\",\"val\":true}",
              "list-keys: {\"tag\":\"ok\",\"val\":{\"keys\":[\"k\"]}}",
              "increment n +40: {\"tag\":\"ok\",\"val\":\"40\"}",
              "increment n +2: {\"tag\":\"ok\",\"val\":\"42\"}",
              "increment k: {\"tag\":\"err\",\"val\":{\"tag\":\"other\",\"val\":\"the value of k is not a"
                  + " 64-bit integer\"}}",
              "cas current: {\"tag\":\"ok\",\"val\":\"bytes(v1)\"}",
              "swap k: {\"tag\":\"ok\"}",
              "set-many: {\"tag\":\"ok\"}",
              "get-many: {\"tag\":\"ok\",\"val\":[[\"k\",\"bytes(v2)\"],[\"x\",\"bytes(1)\"],null]}",
              "open \"\": {\"tag\":\"err\",\"val\":{\"tag\":\"no-such-store\"}}",
              "drop bucket: []",
              "no-such-function: no answer"),
          out.lines().toList(),
          out + log);
      assertEquals(0, server.handleCount(), log.toString());
    }
  }
}
