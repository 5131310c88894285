package dev.socketdesk.engine.simulate;

/**
 * A simulation setting has a bad value. The message names the setting in plain words, e.g. {@code
 * count 0 is too small; use 1 or more}; a front end that has its own name for the setting (a CLI
 * option, a form label) writes {@code its name + " " + } {@link #problem()} instead. The engine
 * names no front end's options.
 */
public final class InvalidSettingException extends IllegalArgumentException {

  /** The settings of {@link SimulationConfig} that are checked, with their names in words. */
  public enum Setting {
    COUNT("count"),
    RAMP("ramp"),
    MESSAGES("messages"),
    DURATION("duration"),
    INTERVAL("interval"),
    CONNECT_TIMEOUT("connect timeout"),
    THREADS("threads");

    private final String words;

    Setting(String words) {
      this.words = words;
    }

    /** The setting's name in words, e.g. {@code connect timeout}. */
    public String words() {
      return words;
    }
  }

  private final Setting setting;
  private final String problem;

  /**
   * @param problem the bad value and the fix, without the setting's name, e.g. {@code 0 is too
   *     small; use 1 or more}
   */
  InvalidSettingException(Setting setting, String problem) {
    super(setting.words() + " " + problem, null);
    this.setting = setting;
    this.problem = problem;
  }

  public Setting setting() {
    return setting;
  }

  /** The bad value and the fix, without the setting's name. */
  public String problem() {
    return problem;
  }
}
