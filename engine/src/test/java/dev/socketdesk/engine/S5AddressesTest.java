package dev.socketdesk.engine;

import static dev.socketdesk.engine.Boards.readText;
import static dev.socketdesk.engine.Boards.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** S5: host names, IPv6 literals and binding on all addresses. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class S5AddressesTest {

  @Test
  void clientResolvesAHostName() throws Exception {
    try (Engine engine = Engine.create(1);
        ServerSocket board = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<String> got = acceptOne(board, "via localhost");
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(HostPort.parse("localhost:" + board.getLocalPort())));
      client.open().get(10, TimeUnit.SECONDS);
      client.send(utf8("via localhost")).get(5, TimeUnit.SECONDS);
      assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("via localhost");
    }
  }

  @Test
  void clientConnectsToAnIpv6Literal() throws Exception {
    assumeTrue(ipv6LoopbackWorks(), "IPv6 loopback (::1) is not available on this machine");
    try (Engine engine = Engine.create(1);
        ServerSocket board = new ServerSocket(0, 5, InetAddress.getByName("::1"))) {
      CompletableFuture<String> got = acceptOne(board, "over ::1");
      HostPort target = HostPort.parse("[::1]:" + board.getLocalPort());
      assertThat(target.host()).isEqualTo("::1");
      Session client = engine.tcpClient(TcpClientConfig.connect(target));
      InetSocketAddress local = client.open().get(10, TimeUnit.SECONDS);
      assertThat(local.getAddress()).isInstanceOf(Inet6Address.class);
      assertThat(client.peers().get(0).peer().hostPort())
          .isEqualTo("[::1]:" + board.getLocalPort());
      client.send(utf8("over ::1")).get(5, TimeUnit.SECONDS);
      assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("over ::1");
    }
  }

  @Test
  void serverOnAllAddressesAcceptsIpv4AndIpv6Loopback() throws Exception {
    try (Engine engine = Engine.create(1)) {
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen(null, 0).withActions(AutoActions.echo(utf8(">"))));
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      assertThat(server.localAddress().getAddress().isAnyLocalAddress()).isTrue();
      assertThat(server.target())
          .as("named as it listens, as its listening line does")
          .isEqualTo(HostPort.format(server.localAddress()));
      try (Socket v4 = new Socket("127.0.0.1", port)) {
        v4.getOutputStream().write(utf8("v4"));
        assertThat(readText(v4, ">v4")).isEqualTo(">v4");
      }
      if (ipv6LoopbackWorks()) {
        try (Socket v6 = new Socket("::1", port)) {
          v6.getOutputStream().write(utf8("v6"));
          assertThat(readText(v6, ">v6")).isEqualTo(">v6");
        }
      }
    }
  }

  @Test
  void serverOnAnIpv6LiteralAndUdpOnAllAddresses() throws Exception {
    assumeTrue(ipv6LoopbackWorks(), "IPv6 loopback (::1) is not available on this machine");
    try (Engine engine = Engine.create(1)) {
      Session server = engine.tcpServer(TcpServerConfig.listen("::1", 0));
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      assertThat(server.target()).isEqualTo("[::1]:" + port);
      Session udp = engine.udp(UdpConfig.bind(null, 0));
      assertThat(udp.open().get(10, TimeUnit.SECONDS).getAddress().isAnyLocalAddress()).isTrue();
    }
  }

  private static CompletableFuture<String> acceptOne(ServerSocket board, String expected) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket s = board.accept()) {
            return readText(s, expected);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static boolean ipv6LoopbackWorks() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return probe.getLocalPort() > 0;
    } catch (Exception e) {
      return false;
    }
  }
}
