package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HostPortTest {

  @Test
  void parsesNamesIpv4AndBracketedIpv6() {
    assertThat(HostPort.parse("localhost:10000")).isEqualTo(new HostPort("localhost", 10000));
    assertThat(HostPort.parse(" 192.168.4.1:5000 ")).isEqualTo(new HostPort("192.168.4.1", 5000));
    assertThat(HostPort.parse("[::1]:10000")).isEqualTo(new HostPort("::1", 10000));
    assertThat(HostPort.parse("[fe80::1%eth0]:80").host()).isEqualTo("fe80::1%eth0");
    assertThat(new HostPort("::1", 10000)).hasToString("[::1]:10000");
  }

  @Test
  void rejectsWithOneLineMessagesThatNameTheValue() {
    assertThatThrownBy(() -> HostPort.parse("board.local"))
        .hasMessage("address 'board.local' has no port; use HOST:PORT, e.g. board.local:5000");
    assertThatThrownBy(() -> HostPort.parse("::1:5000"))
        .hasMessage("address '::1:5000' is ambiguous; write IPv6 in brackets, e.g. [::1]:10000");
    assertThatThrownBy(() -> HostPort.parse("localhost:70000"))
        .hasMessage("port 70000 is out of range; use a port from 1 to 65535");
    assertThatThrownBy(() -> HostPort.parse("localhost:0"))
        .hasMessage("port 0 is out of range; use a port from 1 to 65535");
    assertThatThrownBy(() -> HostPort.parse("localhost:http"))
        .hasMessage("port 'http' is not a number; use a port from 1 to 65535");
    assertThatThrownBy(() -> HostPort.parse("[::1]10000"))
        .hasMessage("address '[::1]10000' is not HOST:PORT; write IPv6 as [::1]:10000");
    assertThatThrownBy(() -> HostPort.parse(":5000"))
        .hasMessage("address ':5000' has no host; use HOST:PORT, e.g. 127.0.0.1:5000");
    assertThatThrownBy(() -> HostPort.parsePort("-1", 0))
        .hasMessage("port -1 is out of range; use a port from 0 to 65535");
  }

  @Test
  void formatsAddressesCompactly() {
    assertThat(HostPort.format(new InetSocketAddress("::1", 5))).isEqualTo("[::1]:5");
    assertThat(HostPort.format(new InetSocketAddress("127.0.0.1", 5))).isEqualTo("127.0.0.1:5");
    assertThat(HostPort.format(null)).isEqualTo("-");
  }
}
