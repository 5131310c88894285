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
    assertThatThrownBy(() -> HostPort.parsePort("99999999999", 0))
        .hasMessage("port 99999999999 is out of range; use a port from 0 to 65535");
  }

  @Test
  void acceptsAsciiDigitsOnly() {
    assertThat(HostPort.parsePort(" 08105 ", 0)).isEqualTo(8105);
    assertThatThrownBy(() -> HostPort.parsePort("\uFF18\uFF11\uFF10\uFF15", 0))
        .hasMessage(
            "port '\uFF18\uFF11\uFF10\uFF15' is not a number; use a port from 0 to 65535,"
                + " written with the ASCII digits 0-9");
    assertThatThrownBy(() -> HostPort.parse("127.0.0.1:\u0668\u0661"))
        .hasMessageContaining("written with the ASCII digits 0-9");
    assertThatThrownBy(() -> HostPort.parsePort("+80", 0))
        .hasMessage("port '+80' is not a number; use a port from 0 to 65535");
  }

  @Test
  void escapesControlCharactersAndRefusesOddHosts() {
    assertThatThrownBy(() -> HostPort.parse("board\u0007local"))
        .hasMessage(
            "address 'board\\u0007local' has no port; use HOST:PORT, e.g. board\\u0007local:5000");
    assertThatThrownBy(() -> HostPort.parse("a\nb:80"))
        .hasMessage(
            "host 'a\\nb' contains a space or control character; give a host name or an IP"
                + " address, IPv6 in brackets as in [::1]:10000");
    assertThatThrownBy(() -> HostPort.parse("[[a]:1"))
        .hasMessageStartingWith("host '[a' contains '['");
  }

  @Test
  void formatsAddressesCompactly() {
    assertThat(HostPort.format(new InetSocketAddress("::1", 5))).isEqualTo("[::1]:5");
    assertThat(HostPort.format(new InetSocketAddress("127.0.0.1", 5))).isEqualTo("127.0.0.1:5");
    assertThat(HostPort.format(null)).isEqualTo("-");
  }
}
