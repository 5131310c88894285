package dev.socketdesk.engine.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EpollLibraryTest {
  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(10)
  void theCopyIsWrittenOnceAndKeptWhileItHasTheSameBytes() throws Exception {
    Path copy = dir.resolve("native").resolve("libx.so");
    EpollLibrary.keepCopy(copy, bytes("library v1"));
    assertThat(Files.readString(copy)).isEqualTo("library v1");
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(copy, old);

    EpollLibrary.keepCopy(copy, bytes("library v1"));
    assertThat(Files.getLastModifiedTime(copy)).as("not written again").isEqualTo(old);
    try (var files = Files.list(copy.getParent())) {
      assertThat(files).as("no temporary file left").containsExactly(copy);
    }
  }

  @Test
  @Timeout(10)
  void aCutShortOrOtherVersionsCopyIsReplaced() throws Exception {
    Path copy = dir.resolve("libx.so");
    Files.writeString(copy, "library v");
    EpollLibrary.keepCopy(copy, bytes("library v1"));
    assertThat(Files.readString(copy)).isEqualTo("library v1");
    Files.writeString(copy, "library v0");
    EpollLibrary.keepCopy(copy, bytes("library v1"));
    assertThat(Files.readString(copy)).isEqualTo("library v1");
  }
}
