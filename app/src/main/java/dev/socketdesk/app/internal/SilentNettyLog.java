package dev.socketdesk.app.internal;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * Netty's log, off: the command line shows its own one-line errors, and Netty's debug lines would
 * only be noise. Set before Netty logs anything, this also spares each start Netty's search for a
 * logging library (SLF4J, Log4j 2) and the set-up of java.util.logging, which it would fall back
 * to.
 */
public final class SilentNettyLog extends InternalLoggerFactory {
  private static final InternalLogger SILENT = new Silent();

  private SilentNettyLog() {}

  /** Makes every Netty logger silent; call before anything uses Netty. */
  public static void install() {
    InternalLoggerFactory.setDefaultFactory(new SilentNettyLog());
  }

  @Override
  protected InternalLogger newInstance(String name) {
    return SILENT;
  }

  /** Says that no level is enabled, and drops every message. */
  private static final class Silent extends AbstractInternalLogger {
    private static final long serialVersionUID = 1L;

    Silent() {
      super("netty");
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public void trace(String msg) {}

    @Override
    public void trace(String format, Object arg) {}

    @Override
    public void trace(String format, Object argA, Object argB) {}

    @Override
    public void trace(String format, Object... arguments) {}

    @Override
    public void trace(String msg, Throwable t) {}

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public void debug(String msg) {}

    @Override
    public void debug(String format, Object arg) {}

    @Override
    public void debug(String format, Object argA, Object argB) {}

    @Override
    public void debug(String format, Object... arguments) {}

    @Override
    public void debug(String msg, Throwable t) {}

    @Override
    public boolean isInfoEnabled() {
      return false;
    }

    @Override
    public void info(String msg) {}

    @Override
    public void info(String format, Object arg) {}

    @Override
    public void info(String format, Object argA, Object argB) {}

    @Override
    public void info(String format, Object... arguments) {}

    @Override
    public void info(String msg, Throwable t) {}

    @Override
    public boolean isWarnEnabled() {
      return false;
    }

    @Override
    public void warn(String msg) {}

    @Override
    public void warn(String format, Object arg) {}

    @Override
    public void warn(String format, Object argA, Object argB) {}

    @Override
    public void warn(String format, Object... arguments) {}

    @Override
    public void warn(String msg, Throwable t) {}

    @Override
    public boolean isErrorEnabled() {
      return false;
    }

    @Override
    public void error(String msg) {}

    @Override
    public void error(String format, Object arg) {}

    @Override
    public void error(String format, Object argA, Object argB) {}

    @Override
    public void error(String format, Object... arguments) {}

    @Override
    public void error(String msg, Throwable t) {}
  }
}
