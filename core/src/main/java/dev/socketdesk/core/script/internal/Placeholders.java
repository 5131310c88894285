package dev.socketdesk.core.script.internal;

/**
 * The simulator's payload placeholders in script texts: {@code {id}} the run's number (1 to the
 * {@code --repeat} count), {@code {seq}} the number of the test's send (from 1; in an expect, that
 * of the last send), {@code {time}} milliseconds since the epoch.
 */
public final class Placeholders {
  private Placeholders() {}

  public static boolean has(String text) {
    return text.contains("{id}") || text.contains("{seq}") || text.contains("{time}");
  }

  public static String fill(String text, int id, long seq, long time) {
    if (text.indexOf('{') < 0 || !has(text)) {
      return text;
    }
    return text.replace("{id}", Integer.toString(id))
        .replace("{seq}", Long.toString(seq))
        .replace("{time}", Long.toString(time));
  }
}
