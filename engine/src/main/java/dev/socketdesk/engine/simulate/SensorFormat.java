package dev.socketdesk.engine.simulate;

import java.util.Locale;

/**
 * How a {@link Profile#SENSOR sensor} device writes its readings, one line per reading.
 *
 * <ul>
 *   <li>{@link #JSON}: {@code
 *       {"device":"sensor-7","seq":1,"ts":1763766000123,"temperature":21.53,"humidity":44.87,"pressure":1013.27}}
 *   <li>{@link #CSV}: {@code sensor-7,1,1763766000123,21.53,44.87,1013.27} (columns device, seq,
 *       ts, temperature, humidity, pressure; no header line)
 * </ul>
 *
 * <p>{@code seq} starts at 1 on each device and grows by one per reading, without gaps; {@code ts}
 * is milliseconds since the epoch; temperature (°C, 2 decimals), relative humidity (%, 2 decimals,
 * kept within 0..100) and pressure (hPa, 2 decimals) drift as a mean-reverting random walk seeded
 * by the device id, so a run is repeatable.
 */
public enum SensorFormat {
  JSON,
  CSV;

  /**
   * Parses {@code json} or {@code csv}, case-insensitive.
   *
   * @throws IllegalArgumentException naming the bad value and the choices.
   */
  public static SensorFormat parse(String text) {
    String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (SensorFormat f : values()) {
      if (f.name().equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown sensor format '" + text + "'; use json or csv");
  }
}
