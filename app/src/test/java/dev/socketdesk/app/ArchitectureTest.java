package dev.socketdesk.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The module boundaries, checked on the main classes of all four modules: engine &lt;- core &lt;-
 * web &lt;- app, each module's {@code internal} packages are its own, and the engine names no CLI
 * option.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArchitectureTest {
  private static final String ENGINE = "dev.socketdesk.engine..";
  private static final String CORE = "dev.socketdesk.core..";
  private static final String WEB = "dev.socketdesk.web..";
  private static final String APP = "dev.socketdesk.app..";

  /** Two dashes and a letter, not inside a longer run of dashes: {@code --count}. */
  private static final Pattern CLI_OPTION = Pattern.compile("(?<![-\\w])--[a-z]");

  private static JavaClasses classes;

  @BeforeAll
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ArchitectureTest::isMainCode)
            .importPackages("dev.socketdesk");
  }

  /**
   * Main classes only: not this module's test classes, nor the engine's test jar (which the app's
   * tests depend on), whether they come from a folder or from a jar.
   */
  private static boolean isMainCode(Location location) {
    return new ImportOption.DoNotIncludeTests().includes(location)
        && !location.contains("-tests.jar")
        && !location.contains("/test-classes/");
  }

  @Test
  void theImportSeesAllModulesWithoutTheirTests() {
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .anyMatch(p -> p.startsWith("dev.socketdesk.engine.internal"))
        .anyMatch(p -> p.startsWith("dev.socketdesk.engine.simulate.internal"))
        .anyMatch(p -> p.startsWith("dev.socketdesk.core"))
        .anyMatch(p -> p.startsWith("dev.socketdesk.web.internal"))
        .anyMatch(p -> p.startsWith("dev.socketdesk.app"));
    assertThat(classes.stream().map(JavaClass::getSimpleName))
        .contains("Engine", "UiServer", "Main")
        .doesNotContain("ArchitectureTest", "EventRecorder");
  }

  @Test
  void theEngineImportsNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage(ENGINE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CORE, WEB, APP)
        .because("the engine is the bottom module: engine <- core <- web <- app")
        .check(classes);
  }

  @Test
  void theCoreImportsNeitherWebNorApp() {
    noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEB, APP)
        .because(
            "the core sits between the engine and the front ends: engine <- core <- web <- app")
        .check(classes);
  }

  @Test
  void theWebImportsNotTheApp() {
    noClasses()
        .that()
        .resideInAPackage(WEB)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(APP)
        .because("the web module sits below the app: engine <- core <- web <- app")
        .check(classes);
  }

  @Test
  void noModuleUsesAnotherModulesInternals() {
    internalsStayIn(ENGINE, "dev.socketdesk.engine..internal..");
    internalsStayIn(CORE, "dev.socketdesk.core..internal..");
    internalsStayIn(WEB, "dev.socketdesk.web..internal..");
    internalsStayIn(APP, "dev.socketdesk.app..internal..");
  }

  /**
   * The engine words its messages for every front end, so it names no command-line option: each
   * front end adds its own name for a setting (the CLI its option, the page its label).
   */
  @Test
  void noStringInTheEngineNamesACommandLineOption() throws IOException {
    List<String> engineStrings = new ArrayList<>();
    List<String> optionNames = new ArrayList<>();
    for (JavaClass c : classes.that(resideInAPackage(ENGINE))) {
      for (String constant : ClassConstants.strings(classFile(c))) {
        engineStrings.add(constant);
        if (CLI_OPTION.matcher(constant).find()) {
          optionNames.add(c.getName() + ": \"" + constant + "\"");
        }
      }
    }
    assertThat(engineStrings).contains(SimulationConfig.DEFAULT_GREETING);
    assertThat(optionNames).as("engine strings that name a CLI option").isEmpty();
  }

  @Test
  void theOptionPatternFindsOptionsOnly() {
    assertThat(CLI_OPTION.matcher("\u0001 is too small; lower --count").find()).isTrue();
    assertThat(CLI_OPTION.matcher("--ramp \u0001 is negative").find()).isTrue();
    assertThat(CLI_OPTION.matcher("count \u0001 is too small; use 1 or more").find()).isFalse();
    assertThat(CLI_OPTION.matcher("---- 2 --").find()).isFalse();
  }

  private static byte[] classFile(JavaClass c) throws IOException {
    URI uri = c.getSource().orElseThrow().getUri();
    try (InputStream in = uri.toURL().openStream()) {
      return in.readAllBytes();
    }
  }

  private static void internalsStayIn(String module, String internals) {
    noClasses()
        .that()
        .resideOutsideOfPackage(module)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(internals)
        .because("a module's internal packages may change without notice; use its public API")
        .check(classes);
  }
}
