package dev.socketdesk.core.script;

/**
 * How one step went. Passing steps inside a {@code repeat} are not reported one by one (the repeat
 * is); a failing one is, with {@code depth} above 0.
 *
 * @param step the step as one line, e.g. {@code expect "OK"}.
 * @param message why it failed; null when it passed.
 * @param expected what the step waited for; null when it passed or does not apply.
 * @param received the tail of what had arrived and was not consumed; null when it does not apply.
 */
public record StepResult(
    String step,
    Location location,
    int depth,
    Status status,
    long millis,
    String message,
    String expected,
    String received) {}
