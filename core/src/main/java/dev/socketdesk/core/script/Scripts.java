package dev.socketdesk.core.script;

import dev.socketdesk.core.script.internal.ScriptReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads test scripts (YAML; the format is in {@code docs/scripts.md} and its JSON Schema in {@code
 * docs/script.schema.json}).
 */
public final class Scripts {
  /** Scripts larger than this are refused: 4 MiB. */
  public static final long MAX_BYTES = 4L << 20;

  private Scripts() {}

  /**
   * Parses and checks a script file.
   *
   * @param external names of variables that will be given from outside ({@code --var}).
   * @throws ScriptException one line naming {@code file:line:column}, what is wrong and the fix.
   */
  public static Suite read(Path file, Set<String> external) {
    String name = file.toString();
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ScriptException(
            new Location(name, 1, 1),
            "the script is larger than 4 MiB; split it into several files");
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      return parse(name, text, external);
    } catch (NoSuchFileException e) {
      throw new ScriptException(new Location(name, 1, 1), "no such file; check the path");
    } catch (CharacterCodingException e) {
      throw new ScriptException(
          new Location(name, 1, 1), "the script is not UTF-8; save it as UTF-8");
    } catch (IOException e) {
      throw new ScriptException(
          new Location(name, 1, 1), "cannot read the script: " + e.getMessage());
    }
  }

  /**
   * Parses and checks a script's text.
   *
   * @param file the name errors give the script.
   * @throws ScriptException one line naming {@code file:line:column}, what is wrong and the fix.
   */
  public static Suite parse(String file, String text, Set<String> external) {
    return new ScriptReader(file, external).read(text);
  }

  /**
   * Parses and checks the text of a script that has no folder of its own (pasted or opened in the
   * page's Tests panel): a relative path in it ({@code tls: {ca}}) is refused, since the server's
   * working directory is no folder of the person's.
   *
   * @throws ScriptException one line naming {@code file:line:column}, what is wrong and the fix.
   */
  public static Suite parseDetached(String file, String text) {
    return new ScriptReader(file, Set.of(), null).read(text);
  }

  /** {@link #parse(String, String, Set)} without outside variables. */
  public static Suite parse(String file, String text) {
    return parse(file, text, Set.of());
  }
}
