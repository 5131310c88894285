package dev.socketdesk.app.internal;

import dev.socketdesk.engine.Engine;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Start-up work that does not depend on the command line, done on a daemon thread while the main
 * thread builds picocli's model of the command: the JDK's proxy classes for the annotations that
 * picocli reads, the network transport ({@link Engine#warmUp()}) and the time-zone rules that event
 * lines are stamped with. Each is made once per process, thread-safely: the main thread, arriving
 * first, does the work itself, and arriving meanwhile, waits for it or finds it done.
 */
public final class WarmUp {
  private WarmUp() {}

  /** Starts the warm-up thread and returns at once. */
  public static void start() {
    Thread thread = new Thread(WarmUp::run, "socketdesk-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    annotationProxies();
    Engine.warmUp();
    try {
      Class.forName(TextFormat.class.getName(), true, WarmUp.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // Only a head start: a failure here happens again where the class is used, and is reported
      // there.
    }
  }

  /**
   * The JDK represents each annotation it reads by a proxy whose class it generates at run time,
   * once per annotation type; Java 17 cannot keep these classes in the class-data archive, and
   * generating one takes milliseconds of cold code. Reading the annotations of {@link Annotated}
   * makes the classes for the types on picocli's start path, and reading those of {@link Object}'s
   * methods the ones for the JDK's annotations there, which picocli reads when it looks for
   * subcommand methods in every command's class hierarchy. The parsed annotations of {@code
   * Object}'s methods are kept by the JDK, so picocli finds them read.
   */
  private static void annotationProxies() {
    Annotated.class.getAnnotations();
    for (Field field : Annotated.class.getDeclaredFields()) {
      field.getAnnotations();
    }
    for (Method method : Object.class.getDeclaredMethods()) {
      method.getAnnotations();
    }
  }

  /** One element of each annotation type that picocli reads while it builds a command's model. */
  @Command(addMethodSubcommands = false)
  private static final class Annotated {
    @Spec CommandSpec spec;
    @Mixin ListenOptions mixin;

    @Option(names = "--option")
    boolean option;

    @Parameters String parameters;
  }
}
