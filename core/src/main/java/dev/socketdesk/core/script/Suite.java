package dev.socketdesk.core.script;

import java.util.List;

/**
 * One script file: one test, or several under {@code tests:}.
 *
 * @param file the file as named to the parser.
 */
public record Suite(String file, String name, List<TestCase> tests) {
  public Suite {
    tests = List.copyOf(tests);
  }
}
