package dev.socketdesk.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.codec.PayloadFormatException;

/** Assertions shared by the fuzz targets about the errors users see. */
public final class FuzzChecks {
  private FuzzChecks() {}

  /**
   * A user-facing error message is one non-blank line without control characters, so that user
   * input quoted in it cannot break the line or drive the terminal.
   */
  public static void assertOneLine(String message) {
    assertThat(message).isNotBlank();
    assertThat(message.chars().noneMatch(Character::isISOControl))
        .as("control characters in message %s", message.replaceAll("\\p{Cntrl}", "?"))
        .isTrue();
  }

  /** {@link #assertOneLine} and a position inside the input of {@code inputLength} characters. */
  public static void assertOneLineNaming(PayloadFormatException e, int inputLength) {
    assertOneLine(e.getMessage());
    assertThat(e.position()).isBetween(0, Math.max(0, inputLength - 1));
  }
}
