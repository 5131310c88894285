package dev.socketdesk.app.internal;

/** How standard input is read. */
public enum InputMode {
  /** {@link #LINES} when standard input is a terminal, {@link #RAW} when it is a pipe or a file. */
  AUTO,
  /** Each line is sent with the chosen encoding and line ending; {@code /} starts a command. */
  LINES,
  /** Bytes are sent unchanged as they arrive, like netcat. */
  RAW,
  /** Standard input is not read. */
  NONE
}
