package dev.socketdesk.engine.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The ways handler tests cut a byte stream into reads: whole, one byte at a time, and at random.
 */
public final class Splits {
  /** Seeds for random splits; each test runs every one, so a failure names a reproducible cut. */
  public static final long[] SEEDS = {1L, 7L, 42L, 20261202L, 0xC0DECL};

  private Splits() {}

  public static List<byte[]> whole(byte[] data) {
    return List.of(data.clone());
  }

  public static List<byte[]> byteByByte(byte[] data) {
    List<byte[]> reads = new ArrayList<>(data.length);
    for (byte b : data) {
      reads.add(new byte[] {b});
    }
    return reads;
  }

  /** Reads of 1 to 64 bytes, cut where {@code seed} says. */
  public static List<byte[]> random(byte[] data, long seed) {
    Random random = new Random(seed);
    List<byte[]> reads = new ArrayList<>();
    for (int at = 0; at < data.length; ) {
      int n = Math.min(data.length - at, 1 + random.nextInt(64));
      reads.add(Arrays.copyOfRange(data, at, at + n));
      at += n;
    }
    return reads;
  }

  /** Every way above: whole, byte by byte, then one random cut per seed. */
  public static List<List<byte[]>> all(byte[] data) {
    List<List<byte[]>> all = new ArrayList<>();
    all.add(whole(data));
    all.add(byteByByte(data));
    for (long seed : SEEDS) {
      all.add(random(data, seed));
    }
    return all;
  }
}
