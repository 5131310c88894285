package dev.socketdesk.engine;

/**
 * A serial port the system lists.
 *
 * @param path what to open it by, e.g. {@code /dev/ttyUSB0} or {@code COM3}.
 * @param description what the system says it is, e.g. {@code CP2102 USB to UART Bridge}.
 */
public record SerialPortInfo(String path, String description) {}
