import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The start-up floor of the bench: a bare Java program that opens a server socket on 127.0.0.1 and
 * accepts connections until it is stopped. usage: java BareServer.java PORT (or compiled).
 */
public final class BareServer {
  public static void main(String[] args) throws Exception {
    try (ServerSocket server =
        new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
      while (true) {
        try (Socket s = server.accept()) {
          s.getOutputStream().flush();
        }
      }
    }
  }
}
