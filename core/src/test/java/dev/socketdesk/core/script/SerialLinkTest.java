package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.PtyPair;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A serial link, on both ends of a socat pseudo-terminal pair (a cable without hardware). */
class SerialLinkTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void twoSerialLinksTalkThroughAPtyPair() {
    try (PtyPair pty = new PtyPair(dir)) {
      String yaml =
          """
          links:
            board: {serial: {path: '%s', baud: 9600}}
            host: {serial: {path: '%s', baud: 9600, data-bits: 8, parity: none, stop-bits: '1'}}
          steps:
            - send-hex: 01 03 00 00 00 01
              checksum: crc16-modbus
              on: host
            - expect-hex: 01 03 ?? ?? ?? ??
              checksum: crc16-modbus
              on: board
            - send: 'OK\\r\\n'
              on: board
            - expect: 'OK\\r\\n'
              on: host
          """
              .formatted(pty.a, pty.b);

      RunReport report =
          new ScriptRunner(RunSettings.defaults())
              .run(List.of(Scripts.parse("serial.yaml", yaml)), RunListener.NONE);

      TestResult result = report.tests().get(0);
      assertThat(result.status())
          .as("%s\n%s", result.failure(), result.transcript())
          .isEqualTo(Status.PASSED);
    }
  }

  @Test
  void aBadSerialSettingIsAScriptError() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                ScriptException.class,
                () ->
                    Scripts.parse(
                        "s.yaml",
                        "serial: {path: /dev/ttyX, parity: weird}\nsteps:\n  - send: hi\n")))
        .hasMessageStartingWith("s.yaml:1:1: serial: parity");
  }
}
