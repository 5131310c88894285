package dev.socketdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The module boundaries, checked on the main classes of all three modules: engine &lt;- web &lt;-
 * app, and each module's {@code internal} packages are its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArchitectureTest {
  private static final String ENGINE = "dev.socketdesk.engine..";
  private static final String WEB = "dev.socketdesk.web..";
  private static final String APP = "dev.socketdesk.app..";

  private static JavaClasses classes;

  @BeforeAll
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
  void theImportSeesAllThreeModulesWithoutTheirTests() {
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .anyMatch(p -> p.startsWith("dev.socketdesk.engine.internal"))
        .anyMatch(p -> p.startsWith("dev.socketdesk.engine.simulate.internal"))
        .anyMatch(p -> p.startsWith("dev.socketdesk.web.internal"))
        .anyMatch(p -> p.startsWith("dev.socketdesk.app"));
    assertThat(classes.stream().map(JavaClass::getSimpleName))
        .contains("Engine", "UiServer", "Main")
        .doesNotContain("ArchitectureTest", "EventRecorder");
  }

  @Test
  void theEngineImportsNeitherWebNorApp() {
    noClasses()
        .that()
        .resideInAPackage(ENGINE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEB, APP)
        .because("the engine is the bottom module: engine <- web <- app")
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
        .because("the web module sits below the app: engine <- web <- app")
        .check(classes);
  }

  @Test
  void noModuleUsesAnotherModulesInternals() {
    internalsStayIn(ENGINE, "dev.socketdesk.engine..internal..");
    internalsStayIn(WEB, "dev.socketdesk.web..internal..");
    internalsStayIn(APP, "dev.socketdesk.app..internal..");
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
