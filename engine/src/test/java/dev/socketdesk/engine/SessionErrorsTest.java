package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.testing.EventRecorder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures give one-line messages that name the value and the fix. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionErrorsTest {
  private final Engine engine = Engine.create(1);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void portInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      EventRecorder events = new EventRecorder();
      Session server = engine.tcpServer(TcpServerConfig.listen("127.0.0.1", taken.getLocalPort()));
      server.addListener(events);
      SessionException e = failure(server);
      assertThat(e.kind()).isEqualTo(Kind.PORT_IN_USE);
      assertThat(e.getMessage())
          .isEqualTo(
              "port "
                  + taken.getLocalPort()
                  + " is already in use on 127.0.0.1; pick another"
                  + " port or stop the program using it");
      assertThat(events.next(SessionEvent.Error.class).message()).isEqualTo(e.getMessage());
      events.next(SessionEvent.Closed.class);
      events.assertExhausted();
      assertThat(server.state()).isEqualTo(SessionState.FAILED);
      assertThat(server.closed()).isDone();
    }
  }

  @Test
  void udpPortInUse() throws Exception {
    Session first = engine.udp(UdpConfig.bind("127.0.0.1", 0));
    int port = first.open().get(5, TimeUnit.SECONDS).getPort();
    SessionException e = failure(engine.udp(UdpConfig.bind("127.0.0.1", port)));
    assertThat(e.kind()).isEqualTo(Kind.PORT_IN_USE);
    assertThat(e.getMessage()).startsWith("port " + port + " is already in use on 127.0.0.1");
  }

  @Test
  void bindAddressThatIsNotLocal() {
    SessionException e = failure(engine.tcpServer(TcpServerConfig.listen("192.0.2.1", 0)));
    assertThat(e.kind()).isEqualTo(Kind.ADDRESS_NOT_LOCAL);
    assertThat(e.getMessage())
        .isEqualTo(
            "address 192.0.2.1 is not an address of this machine; pick one of its addresses or"
                + " 0.0.0.0");
  }

  @Test
  void unknownHost() {
    SessionException e =
        failure(
            engine.tcpClient(
                TcpClientConfig.connect(HostPort.parse("no-such-board.invalid:5000"))));
    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_HOST);
    assertThat(e.getMessage())
        .isEqualTo(
            "unknown host 'no-such-board.invalid'; check the spelling, or use the board's IP"
                + " address");
  }

  @Test
  void refusedConnection() throws Exception {
    int closedPort = closedPort();
    SessionException e =
        failure(engine.tcpClient(TcpClientConfig.connect(new HostPort("127.0.0.1", closedPort))));
    assertThat(e.kind()).isEqualTo(Kind.REFUSED);
    assertThat(e.getMessage())
        .isEqualTo(
            "connection to 127.0.0.1:"
                + closedPort
                + " refused; check that the server is running"
                + " and listening on that port");
  }

  @Test
  void sendingWithNobodyConnectedSaysSo() throws Exception {
    Session server = engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0));
    server.open().get(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> server.send("x".getBytes()).get(5, TimeUnit.SECONDS))
        .cause()
        .hasMessageStartingWith("no client is connected to 127.0.0.1:");
    assertThatThrownBy(() -> server.send(7, "x".getBytes()).get(5, TimeUnit.SECONDS))
        .cause()
        .hasMessage("peer #7 is not connected; nobody is connected now");
  }

  @Test
  void aServerOnAllAddressesNamesTheAddressItListensOn() throws Exception {
    Session server = engine.tcpServer(TcpServerConfig.listen(null, 0));
    String listening = HostPort.format(server.open().get(5, TimeUnit.SECONDS));
    assertThatThrownBy(() -> server.send("x".getBytes()).get(5, TimeUnit.SECONDS))
        .cause()
        .hasMessageStartingWith("no client is connected to " + listening + " yet; ");
  }

  @Test
  void clientLimitRefusesTheExtraClient() throws Exception {
    EventRecorder events = new EventRecorder();
    Session server = engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0).withMaxClients(1));
    server.addListener(events);
    int port = server.open().get(5, TimeUnit.SECONDS).getPort();
    events.next(SessionEvent.Listening.class);
    try (Socket first = new Socket("127.0.0.1", port);
        Socket second = new Socket("127.0.0.1", port)) {
      events.next(SessionEvent.Connected.class);
      assertThat(events.next(SessionEvent.Error.class).message())
          .contains("the client limit (1) is reached");
      assertThat(second.getInputStream().read()).isEqualTo(-1);
      assertThat(server.peers()).hasSize(1);
      assertThat(first.isConnected()).isTrue();
    }
    events.next(SessionEvent.Disconnected.class);
    try (Socket third = new Socket("127.0.0.1", port)) {
      assertThat(events.next(SessionEvent.Connected.class).peer().address().getPort())
          .as("a place is free again once the first client left")
          .isEqualTo(third.getLocalPort());
    }
    events.next(SessionEvent.Disconnected.class);
    events.assertExhausted();
  }

  @Test
  void connectTimeoutNamesTheTargetAndTheTime() throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = full.getLocalPort();
      List<Socket> queued = new ArrayList<>();
      try {
        // Nobody accepts: once the accept queue is full, the kernel drops further SYNs, so a
        // connection attempt to this loopback port hangs like one to an unplugged board.
        for (int i = 0; i < 16; i++) {
          Socket s = new Socket();
          queued.add(s);
          try {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          } catch (SocketTimeoutException queueFull) {
            break;
          }
        }
        Session client =
            engine.tcpClient(
                TcpClientConfig.connect(new HostPort("127.0.0.1", port))
                    .withConnectTimeout(Duration.ofMillis(300)));
        SessionException e = failure(client);
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage())
            .isEqualTo(
                "connecting to 127.0.0.1:"
                    + port
                    + " timed out after 300 ms; check the address, and that the board is on the"
                    + " same network");
      } finally {
        for (Socket s : queued) {
          s.close();
        }
      }
    }
  }

  @Test
  void clientReconnectsWhenTheBoardComesBack() throws Exception {
    int port = closedPort();
    EventRecorder events = new EventRecorder();
    Session client =
        engine.tcpClient(
            TcpClientConfig.connect(new HostPort("127.0.0.1", port))
                .withReconnect(true)
                .withReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100)));
    client.addListener(events);
    java.util.concurrent.CompletableFuture<?> opening = client.open();
    SessionEvent.Reconnecting retry = events.next(SessionEvent.Reconnecting.class);
    assertThat(retry.cause()).contains("refused");
    assertThat(retry.code()).as("the one event of the failed attempt").isEqualTo("refused");
    assertThat(retry.params()).containsEntry("target", "127.0.0.1:" + port);
    assertThat(retry.attempt()).isEqualTo(1);
    assertThat(retry.delayMillis()).isEqualTo(20);
    assertThat(client.state()).isEqualTo(SessionState.RECONNECTING);
    try (ServerSocket board = new ServerSocket(port, 5, InetAddress.getByName("127.0.0.1"))) {
      opening.get(10, TimeUnit.SECONDS);
      try (Socket accepted = board.accept()) {
        events.skipTo(SessionEvent.Connected.class);
        accepted.close();
        assertThat(events.skipTo(SessionEvent.Disconnected.class).reason())
            .isEqualTo(CloseReason.PEER_CLOSED);
        SessionEvent.Reconnecting lost = events.next(SessionEvent.Reconnecting.class);
        assertThat(lost.cause()).isEqualTo("the connection was closed by the peer");
        assertThat(lost.code()).isNull();
        try (Socket again = board.accept()) {
          assertThat(events.skipTo(SessionEvent.Connected.class).peer().id()).isEqualTo(2);
        }
      }
    }
    client.close().get(5, TimeUnit.SECONDS);
    assertThat(client.state()).isEqualTo(SessionState.CLOSED);
  }

  @Test
  void anIpv4LocalAddressCannotReachAnIpv6RemoteAndTheMessageSaysWhy() throws Exception {
    int port = closedPort();
    SessionException e =
        failure(
            engine.tcpClient(
                TcpClientConfig.connect(new HostPort("::1", port)).withBindHost("127.0.0.1")));
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot connect to [::1]:"
                + port
                + " from local address 127.0.0.1: the local and the remote address are of"
                + " different families (IPv4 and IPv6); use a local address of the remote's"
                + " family, or none")
        .doesNotContain("error(", "(..)");
  }

  private static SessionException failure(Session session) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> session.open().get(15, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    assertThat(thrown.getCause()).isInstanceOf(SessionException.class);
    assertThat(thrown.getCause().getMessage()).doesNotContain("\n");
    return (SessionException) thrown.getCause();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
