package dev.socketdesk.core.script;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link RunReport} as JUnit XML in the layout GitLab, Jenkins and GitHub's reporters
 * read: {@code testsuites} > {@code testsuite} (one per script file) > {@code testcase} (one per
 * test run), with a {@code failure} naming expected and received, and the transcript in {@code
 * system-out}. Written with the JDK's StAX writer, so every value is escaped.
 */
public final class JunitReport {
  private JunitReport() {}

  /** Writes the report to {@code file} (replacing it). */
  public static void write(RunReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      write(report, out);
    }
  }

  public static void write(RunReport report, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "socketdesk test");
      counts(xml, report.tests(), report.millis());
      Map<String, List<TestResult>> byFile =
          report.tests().stream()
              .collect(
                  Collectors.groupingBy(TestResult::file, LinkedHashMap::new, Collectors.toList()));
      for (Map.Entry<String, List<TestResult>> suite : byFile.entrySet()) {
        List<TestResult> tests = suite.getValue();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", tests.get(0).suite());
        xml.writeAttribute("file", suite.getKey());
        counts(xml, tests, tests.stream().mapToLong(TestResult::millis).sum());
        xml.writeAttribute("timestamp", tests.get(0).started().toString());
        for (TestResult test : tests) {
          testcase(xml, test, report.runs());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
    }
  }

  private static void counts(XMLStreamWriter xml, List<TestResult> tests, long millis)
      throws XMLStreamException {
    long failures = tests.stream().filter(t -> t.status() == Status.FAILED).count();
    long interrupted = tests.stream().filter(t -> t.status() == Status.INTERRUPTED).count();
    xml.writeAttribute("tests", Integer.toString(tests.size()));
    xml.writeAttribute("failures", Long.toString(failures));
    xml.writeAttribute("errors", Long.toString(interrupted));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", seconds(millis));
  }

  private static void testcase(XMLStreamWriter xml, TestResult test, int runs)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", clean(test.displayName(runs)));
    xml.writeAttribute("classname", clean(test.suite()));
    xml.writeAttribute("file", clean(test.file()));
    xml.writeAttribute("time", seconds(test.millis()));
    StepResult failure = test.failure();
    if (failure != null) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement(failure.status() == Status.INTERRUPTED ? "error" : "failure");
      xml.writeAttribute("message", clean(failure.step() + ": " + failure.message()));
      xml.writeAttribute("type", failure.status() == Status.INTERRUPTED ? "interrupted" : "step");
      StringBuilder text = new StringBuilder();
      text.append("step: ")
          .append(failure.step())
          .append(" at ")
          .append(failure.location())
          .append('\n');
      text.append(failure.message()).append('\n');
      if (failure.expected() != null) {
        text.append("expected: ").append(failure.expected()).append('\n');
      }
      if (failure.received() != null) {
        text.append("received: ").append(failure.received()).append('\n');
      }
      xml.writeCharacters(clean(text.toString()));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n      ");
    xml.writeStartElement("system-out");
    xml.writeCharacters(clean(test.transcript()));
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Drops characters XML 1.0 cannot hold (most C0 controls, unpaired surrogates). */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1)))
              || (Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1)));
      if (!ok && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? text : out.toString();
  }

  /** For callers that hold a writer: the same report as a string. */
  public static String toXml(RunReport report) {
    var bytes = new java.io.ByteArrayOutputStream();
    try {
      write(report, bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
