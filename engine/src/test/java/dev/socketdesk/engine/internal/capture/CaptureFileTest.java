package dev.socketdesk.engine.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.SessionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture file's own contract, without Netty: records handed over in arbitrary pieces come out
 * whole and in order across its writer thread, rotation starts each file with the pcap header at a
 * record boundary, and a write error stops the capture with one message instead of throwing.
 */
@Timeout(30)
class CaptureFileTest {
  private static final int GLOBAL_HEADER = 24;

  @TempDir Path dir;

  @Test
  void recordsWrittenInRandomPiecesComeOutWholeAndInOrderAcrossRotation() throws IOException {
    List<SessionException> failures = new CopyOnWriteArrayList<>();
    CaptureOptions options =
        CaptureOptions.to(dir.resolve("c.pcap"))
            .withMaxFileBytes(CaptureOptions.MIN_FILE_BYTES)
            .withMaxFiles(0);
    CaptureFile capture = CaptureFile.open(options, failures::add);
    Random random = new Random(42);
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      byte[] payload = new byte[random.nextInt(20_000)];
      random.nextBytes(payload);
      sent.add(payload);
      byte[] record = record(payload);
      int at = 0;
      while (at < record.length) {
        int n = Math.min(record.length - at, 1 + random.nextInt(9_000));
        capture.write(record, at, n);
        at += n;
      }
      if (i % 100 == 0) {
        capture.flush();
      }
    }
    capture.close();

    List<byte[]> read = new ArrayList<>();
    int files = 0;
    for (int n = 1; Files.exists(options.fileNumber(n)); n++) {
      files++;
      byte[] file = Files.readAllBytes(options.fileNumber(n));
      assertThat(file.length).isLessThanOrEqualTo((int) CaptureOptions.MIN_FILE_BYTES);
      ByteBuffer in = ByteBuffer.wrap(file);
      assertThat(in.getInt(0)).isEqualTo(0xa1b2c3d4);
      in.position(GLOBAL_HEADER);
      while (in.hasRemaining()) {
        in.position(in.position() + 8);
        int length = in.getInt();
        in.getInt();
        byte[] payload = new byte[length];
        in.get(payload);
        read.add(payload);
      }
    }
    assertThat(files).isGreaterThan(5);
    assertThat(read).containsExactlyElementsOf(sent);
    assertThat(failures).isEmpty();
  }

  @Test
  void aWriteErrorStopsTheCaptureWithOneMessageAndLaterWritesAreDropped() throws IOException {
    Path full = Path.of("/dev/full"); // Linux: every write fails with ENOSPC.
    List<SessionException> failures = new CopyOnWriteArrayList<>();
    CaptureFile capture = CaptureFile.open(CaptureOptions.to(full), failures::add);
    byte[] record = record(new byte[100_000]);
    for (int i = 0; i < 40; i++) {
      capture.write(record, 0, record.length);
    }
    capture.close();
    capture.write(record, 0, record.length);

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getMessage())
        .startsWith("capture to /dev/full stopped: ")
        .endsWith("free some disk space or choose another file, then capture again");
    assertThat(failures.get(0).code()).isEqualTo("capture-stopped");
    assertThat(failures.get(0).params()).containsEntry("file", "/dev/full");
  }

  /** A pcap record as Netty's PcapWriter writes it: 16-byte header (big-endian here), payload. */
  private static byte[] record(byte[] payload) {
    ByteBuffer record = ByteBuffer.allocate(16 + payload.length);
    record.putInt(1).putInt(2).putInt(payload.length).putInt(payload.length).put(payload);
    return record.array();
  }
}
