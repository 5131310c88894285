package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Start-up: picocli looks for subcommand methods in every command and mixin class it reads, by
 * reflection on all their methods, unless the class says {@code @Command(addMethodSubcommands =
 * false)}. SocketDesk has no subcommand methods, so each of its commands and mixins says so.
 */
class CliStartPathTest {
  private static final List<Class<?>> PICOCLI_FIELD_ANNOTATIONS =
      List.of(Option.class, Parameters.class, Mixin.class);

  @Test
  @Timeout(60)
  void everyCommandAndMixinTurnsTheSearchForSubcommandMethodsOff() {
    Set<JavaClass> read =
        new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.socketdesk.app")
                .stream()
                .filter(c -> c.isAnnotatedWith(Command.class) || hasPicocliFields(c))
                .collect(Collectors.toSet());

    assertThat(read)
        .extracting(JavaClass::getSimpleName)
        .contains("TcpServerCommand", "ListenOptions");
    assertThat(read)
        .filteredOn(c -> !searchesOff(c))
        .extracting(JavaClass::getName)
        .as("classes picocli reads without @Command(addMethodSubcommands = false)")
        .isEmpty();
  }

  private static boolean hasPicocliFields(JavaClass type) {
    for (JavaField field : type.getFields()) {
      for (Class<?> annotation : PICOCLI_FIELD_ANNOTATIONS) {
        if (field.isAnnotatedWith(annotation.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean searchesOff(JavaClass type) {
    return type.tryGetAnnotationOfType(Command.class)
        .map(command -> !command.addMethodSubcommands())
        .orElse(false);
  }
}
