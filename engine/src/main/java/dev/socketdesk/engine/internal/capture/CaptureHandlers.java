package dev.socketdesk.engine.internal.capture;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.pcap.PcapWriteHandler;

/**
 * Puts Netty's {@link PcapWriteHandler} at the socket end of a channel's pipeline, writing into the
 * session's {@link CaptureFile}, or takes it out. Either runs on the channel's event loop.
 */
public final class CaptureHandlers {
  /** The capture handler's name in a pipeline. */
  public static final String NAME = "capture";

  private CaptureHandlers() {}

  /** Captures {@code channel}'s traffic into {@code file}, replacing an earlier capture. */
  public static void attach(Channel channel, CaptureFile file) {
    onLoop(
        channel,
        () -> {
          PcapWriteHandler handler =
              PcapWriteHandler.builder()
                  .sharedOutputStream(true)
                  .writePcapGlobalHeader(false)
                  .build(file);
          ChannelPipeline pipeline = channel.pipeline();
          if (pipeline.get(NAME) != null) {
            pipeline.replace(NAME, NAME, handler);
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
