package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.SensorFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One sensor device's readings: temperature, humidity and pressure drifting as a mean-reverting
 * random walk, seeded by the device id. Event-loop thread only.
 */
final class SensorReadings {
  private final SplittableRandom random;
  private final double baseTemperature;
  private final double baseHumidity;
  private final double basePressure;
  private double temperature;
  private double humidity;
  private double pressure;

  SensorReadings(int deviceId) {
    this.random = new SplittableRandom(0x5EED_0000L + deviceId);
    this.baseTemperature = 18 + (deviceId % 10) * 0.8;
    this.baseHumidity = 40 + (deviceId % 7) * 3;
    this.basePressure = 1008 + (deviceId % 5) * 2.5;
    this.temperature = baseTemperature;
    this.humidity = baseHumidity;
    this.pressure = basePressure;
  }

  /** The next reading as one line, without line ending. */
  String next(SensorFormat format, int deviceId, long seq, long timeMillis) {
    temperature = drift(temperature, baseTemperature, 0.05);
    humidity = Math.min(100, Math.max(0, drift(humidity, baseHumidity, 0.2)));
    pressure = drift(pressure, basePressure, 0.08);
    if (format == SensorFormat.CSV) {
      return String.format(
          Locale.ROOT,
          "sensor-%d,%d,%d,%.2f,%.2f,%.2f",
          deviceId,
          seq,
          timeMillis,
          temperature,
          humidity,
          pressure);
    }
    return String.format(
        Locale.ROOT,
        "{\"device\":\"sensor-%d\",\"seq\":%d,\"ts\":%d,"
            + "\"temperature\":%.2f,\"humidity\":%.2f,\"pressure\":%.2f}",
        deviceId,
        seq,
        timeMillis,
        temperature,
        humidity,
        pressure);
  }

  private double drift(double value, double mean, double step) {
    return value + (mean - value) * 0.05 + random.nextGaussian() * step;
  }
}
