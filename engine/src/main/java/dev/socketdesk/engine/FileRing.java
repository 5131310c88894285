package dev.socketdesk.engine;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The names of a series of files written one after another (captures, event logs): the first is the
 * file itself; the next ones insert {@code -2}, {@code -3}, ... before the extension, so {@code
 * board.pcap} is followed by {@code board-2.pcap}.
 */
public final class FileRing {
  private FileRing() {}

  /** The name of the {@code n}th file of the series that starts with {@code first} (from 1). */
  public static Path numbered(Path first, int n) {
    if (n == 1) {
      return first;
    }
    String name = first.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered =
        dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    return first.resolveSibling(numbered);
  }

  /** One line for a file that cannot be created or written: what went wrong, and what to do. */
  public static String cannotWrite(IOException cause, Path file) {
    String why;
    if (cause instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (cause instanceof NoSuchFileException) {
      why = "its folder does not exist";
    } else if (cause instanceof FileSystemException fs && fs.getReason() != null) {
      why = fs.getReason();
    } else {
      why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
    return "cannot write " + file + ": " + why + "; choose a writable path";
  }
}
