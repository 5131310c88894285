import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.TcpClientConfig;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Scripted round trips on the engine's public API with a queued listener: the same 64-byte send /
 * wait-for-64-bytes loop as run.sh's script, with a blocking queue and no script machinery, so three
 * thread hand-offs per round trip (the path scripts took before their loops ran on the network
 * thread).
 * Prints the seconds of the last of LOOPS loops (the first ones warm the JIT up).
 * Usage: java -cp app/target/socketdesk.jar bench/script/EngineRoundTrips.java PORT N [LOOPS]
 */
public class EngineRoundTrips {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    int loops = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (Engine engine = Engine.create(1)) {
      Session s = engine.tcpClient(TcpClientConfig.connect(new HostPort("127.0.0.1", port)));
      LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
      s.addListener(
          e -> {
            if (e instanceof SessionEvent.Received r) {
              received.add(r.data());
            }
          });
      s.open().get();
      byte[] payload = new byte[64];
      double seconds = 0;
      for (int round = 0; round < loops; round++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          s.send(payload);
          for (int got = 0; got < 64; ) {
            got += received.take().length;
          }
        }
        seconds = (System.nanoTime() - t0) / 1e9;
      }
      System.out.printf("%.4f%n", seconds);
    }
  }
}
