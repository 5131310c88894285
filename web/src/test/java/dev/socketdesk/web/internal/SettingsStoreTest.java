package dev.socketdesk.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  @TempDir Path dir;

  @Test
  void savesAndLoadsAgain() {
    SettingsStore store = new SettingsStore(dir.resolve("nested"));
    store.load();
    assertThat(store.get().isEmpty()).isTrue();
    assertThat(store.problem()).isNull();
    JsonObject settings =
        new JsonObject().put("quickSends", new JsonArray().add(new JsonObject().put("name", "你好")));
    store.save(settings);
    SettingsStore again = new SettingsStore(dir.resolve("nested"));
    again.load();
    assertThat(again.get()).isEqualTo(settings);
    assertThat(dir.resolve("nested/settings.json.tmp")).doesNotExist();
  }

  @Test
  void aCorruptFileIsMovedAsideNotLost() throws Exception {
    Files.writeString(dir.resolve("settings.json"), "[1, 2");
    SettingsStore store = new SettingsStore(dir);
    store.load();
    assertThat(store.problem()).contains("was not valid JSON").contains("settings.json.corrupt-");
    try (Stream<Path> files = Files.list(dir)) {
      Path aside =
          files
              .filter(p -> p.getFileName().toString().startsWith("settings.json.corrupt-"))
              .findFirst()
              .orElseThrow();
      assertThat(Files.readString(aside)).isEqualTo("[1, 2");
    }
    store.save(new JsonObject().put("lang", "zh"));
    assertThat(store.problem()).isNull();
    assertThat(Files.readString(dir.resolve("settings.json"))).contains("zh");
  }

  @Test
  void refusesHugeSettings() {
    SettingsStore store = new SettingsStore(dir);
    JsonObject huge = new JsonObject().put("history", "x".repeat(SettingsStore.MAX_BYTES));
    assertThatThrownBy(() -> store.save(huge))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("larger than 512 KiB");
    assertThat(dir.resolve("settings.json")).doesNotExist();
  }
}
