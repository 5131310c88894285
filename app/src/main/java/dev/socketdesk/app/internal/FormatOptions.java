package dev.socketdesk.app.internal;

import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.DisplayMode;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** How data is shown and how typed or given payloads become bytes. A picocli mixin. */
@Command(addMethodSubcommands = false)
public final class FormatOptions {

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      converter = Converters.Encoding.class,
      description =
          "Text encoding for display and for sent text: UTF-8 (default), GBK, GB18030,"
              + " ISO-8859-1, US-ASCII or any Java charset name.")
  Charset encoding = StandardCharsets.UTF_8;

  @Option(
      names = "--display",
      paramLabel = "MODE",
      converter = Converters.Shown.class,
      description = "Show data as text (default), hex or both.")
  DisplayMode display;

  @Option(names = "--hex", description = "Show data as hex; same as --display hex.")
  boolean hexDisplay;

  @Option(
      names = "--hex-send",
      description =
          "Payloads (--send, --reply responses, typed lines) are hex, e.g. '48 65 6C' or"
              + " 0x48,0x65.")
  boolean hexSend;

  @Option(
      names = "--line-ending",
      paramLabel = "END",
      converter = Converters.Ending.class,
      description = "Appended to every payload sent: none (default), cr, lf or crlf.")
  LineEnding lineEnding = LineEnding.NONE;

  @Option(
      names = "--checksum",
      paramLabel = "SUM",
      converter = Converters.Check.class,
      description =
          "Appended to every payload, before the line ending: none (default), sum8, xor8,"
              + " crc16-modbus, crc16-ccitt, crc32.")
  Checksum checksum = Checksum.NONE;

  public Charset encoding() {
    return encoding;
  }

  /** The display mode: --display if given, else hex with --hex, else text. */
  public DisplayMode display() {
    if (display != null) {
      return display;
    }
    return hexDisplay ? DisplayMode.HEX : DisplayMode.TEXT;
  }

  /** The format for payloads: text with escapes, or hex with --hex-send. */
  public SendFormat sendFormat() {
    return new SendFormat(
        hexSend ? PayloadMode.HEX : PayloadMode.TEXT, encoding, true, lineEnding, checksum);
  }
}
