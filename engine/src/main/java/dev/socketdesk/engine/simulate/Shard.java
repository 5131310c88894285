package dev.socketdesk.engine.simulate;

/**
 * One part of a fleet of simulations that together run {@code count} devices: shard {@code index}
 * (1 to {@code total}) of {@code total}. Devices are split in order and as evenly as possible: the
 * first {@code count % total} shards run one device more than the others. Device ids are global, so
 * shard 2 of 4 of 1,000 devices runs ids 251 to 500, and {@code {id}} stays unique across the
 * fleet. With fewer devices than shards the last shards run none.
 *
 * @param index this shard, from 1.
 * @param total the number of shards, from 1.
 */
public record Shard(int index, int total) {

  /** The whole run as one shard. */
  public static final Shard WHOLE = new Shard(1, 1);

  public Shard {
    if (total < 1 || index < 1 || index > total) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + total + " is out of range; use I/N with 1 <= I <= N");
    }
  }

  /** How many of {@code count} devices this shard runs (0 when count is smaller than total). */
  public int devices(int count) {
    int base = count / total;
    return base + (index <= count % total ? 1 : 0);
  }

  /** The id of this shard's first device (ids of the whole fleet run from 1 to count). */
  public int firstId(int count) {
    int base = count / total;
    return (index - 1) * base + Math.min(index - 1, count % total) + 1;
  }

  /** {@code 2/4}. */
  @Override
  public String toString() {
    return index + "/" + total;
  }
}
