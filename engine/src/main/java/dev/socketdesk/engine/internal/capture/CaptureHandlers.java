package dev.socketdesk.engine.internal.capture;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.pcap.PcapWriteHandler;
import java.net.InetSocketAddress;

/**
 * Puts Netty's {@link PcapWriteHandler} into a channel's pipeline, writing into the session's
 * {@link CaptureFile}, or takes it out. Either runs on the channel's event loop. It goes right
 * before the session's shared handlers ({@value #BEFORE}), or at the socket end when there is none:
 * so a capture records what the session counts, the application bytes (TLS plaintext, WebSocket
 * message payloads), not a transport's records or frames.
 */
public final class CaptureHandlers {
  /** The capture handler's name in a pipeline. */
  public static final String NAME = "capture";

  /**
   * The addresses a capture gives a link that has none (a serial port): this machine is 127.0.0.1,
   * the device 127.0.0.2, port 1 each.
   */
  static final InetSocketAddress SERIAL_US = new InetSocketAddress("127.0.0.1", 1);

  static final InetSocketAddress SERIAL_DEVICE = new InetSocketAddress("127.0.0.2", 1);

  /** The first of the session's shared handlers on a connection. */
  static final String BEFORE = "lifecycle";

  private CaptureHandlers() {}

  /** Captures {@code channel}'s traffic into {@code file}, replacing an earlier capture. */
  public static void attach(Channel channel, CaptureFile file) {
    onLoop(
        channel,
        () -> {
          PcapWriteHandler.Builder builder =
              PcapWriteHandler.builder().sharedOutputStream(true).writePcapGlobalHeader(false);
          if (!(channel instanceof SocketChannel) && !(channel instanceof DatagramChannel)) {
            // A link without IP (a serial port) goes in as a TCP stream from us to the device.
            builder.forceTcpChannel(SERIAL_DEVICE, SERIAL_US, false);
          }
          PcapWriteHandler handler = builder.build(file);
          ChannelPipeline pipeline = channel.pipeline();
          if (pipeline.get(NAME) != null) {
            pipeline.replace(NAME, NAME, handler);
          } else if (pipeline.get(BEFORE) != null) {
            pipeline.addBefore(BEFORE, NAME, handler);
          } else {
            pipeline.addFirst(NAME, handler);
          }
        });
  }

  /** Stops capturing {@code channel}. */
  public static void detach(Channel channel) {
    onLoop(
        channel,
        () -> {
          if (channel.pipeline().get(NAME) != null) {
            channel.pipeline().remove(NAME);
          }
        });
  }

  private static void onLoop(Channel channel, Runnable change) {
    if (channel.eventLoop().inEventLoop()) {
      if (channel.isOpen()) {
        change.run();
      }
    } else {
      channel
          .eventLoop()
          .execute(
              () -> {
                if (channel.isOpen()) {
                  change.run();
                }
              });
    }
  }
}
