package dev.socketdesk.app.internal;

import dev.socketdesk.engine.CaptureOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code --capture} and its rotation options, for every command that opens sockets. A mixin. */
@Command(addMethodSubcommands = false)
public final class CaptureMixin {
  @Option(
      names = "--capture",
      paramLabel = "FILE",
      description =
          "Capture every peer's traffic into FILE, a classic pcap file for Wireshark or tshark.")
  Path capture;

  @Option(
      names = "--capture-max",
      paramLabel = "SIZE",
      converter = Converters.Size.class,
      description =
          "Start the next capture file (FILE-2.pcap, FILE-3.pcap, ...) before one passes SIZE"
              + " (1MB to 2047MB; default 2047MB).")
  long captureMax = CaptureOptions.MAX_FILE_BYTES;

  @Option(
      names = "--capture-files",
      paramLabel = "N",
      converter = Converters.Limit.class,
      description = "Keep only the newest N capture files, deleting older ones (default 0: all).")
  int captureFiles;

  /** The capture to start, or null without {@code --capture}. */
  public CaptureOptions options() {
    if (capture == null) {
      return null;
    }
    return CliFailure.usageIfInvalid(
        () -> CaptureOptions.to(capture).withMaxFileBytes(captureMax).withMaxFiles(captureFiles));
  }
}
