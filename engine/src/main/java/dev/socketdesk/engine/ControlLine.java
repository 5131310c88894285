package dev.socketdesk.engine;

/** A serial port's modem control lines that a session sets and clears. */
public enum ControlLine {
  /** Data Terminal Ready; many boards reset when it toggles. */
  DTR,
  /** Request To Send; with DTR, drives the boot mode of ESP32 boards. */
  RTS
}
