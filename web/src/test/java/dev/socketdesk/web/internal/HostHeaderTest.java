package dev.socketdesk.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostHeaderTest {
  @Test
  @Timeout(10)
  void parsesWellFormedHosts() {
    assertThat(HostHeader.parse("127.0.0.1:7788")).isEqualTo(new HostHeader("127.0.0.1", 7788));
    assertThat(HostHeader.parse("LocalHost")).isEqualTo(new HostHeader("localhost", 80));
    assertThat(HostHeader.parse("[::1]:7788")).isEqualTo(new HostHeader("::1", 7788));
    assertThat(HostHeader.parse("[::1]")).isEqualTo(new HostHeader("::1", 80));
    assertThat(HostHeader.parse("my-box.local:65535"))
        .isEqualTo(new HostHeader("my-box.local", 65535));
  }

  @Test
  @Timeout(10)
  void refusesMalformedHosts() {
    for (String bad :
        new String[] {
          "",
          ":7788",
          "127.0.0.1:+8201",
          "127.0.0.1:",
          "127.0.0.1:65536",
          "127.0.0.1:123456",
          "127.0.0.1: 80",
          "a@127.0.0.1:7788",
          "::1",
          "::1:7788",
          "[::1",
          "[::1]x",
          "[]:80",
          "[::1]:",
          "[::1]:+1",
          "[evil.example]:80",
          "127.0.0.1:８１",
          "host name:80",
          "h/p:80"
        }) {
      assertThat(HostHeader.parse(bad)).as("'%s'", bad).isNull();
    }
    assertThat(HostHeader.parse(null)).isNull();
  }
}
