package org.truce.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Configuration section and the code agree: every TRUCE_* variable the main code of
 * any module reads is documented there, and every variable in its table is read.
 */
class ReadmeConfigurationTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern VARIABLE = Pattern.compile("TRUCE_[A-Z][A-Z0-9_]*");
  private static final Pattern LITERAL = Pattern.compile("\"(TRUCE_[A-Z][A-Z0-9_]*)\"");

  @Test
  void everyVariableTheCodeReadsIsDocumentedAndEveryDocumentedOneIsRead() throws IOException {
    String section = configurationSection(Files.readString(ROOT.resolve("README.md")));
    Set<String> documented = all(VARIABLE, section);
    Set<String> tabled = new TreeSet<>();
    section.lines().filter(l -> l.startsWith("| `TRUCE_")).forEach(l -> tabled.addAll(all(VARIABLE, l.split("\\|")[1])));
    Set<String> read = readByMainCode();

    assertThat(read).as("read by main code").contains("TRUCE_PORT", "TRUCE_TOKEN", "TRUCE_LOG_FORMAT");
    assertThat(documented).as("the README's Configuration section").containsAll(read);
    assertThat(read).as("variables the README's table documents").containsAll(tabled);
  }

  private static String configurationSection(String readme) {
    int start = readme.indexOf("\n## Configuration");
    assertThat(start).as("README has a Configuration section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static Set<String> readByMainCode() throws IOException {
    Set<String> read = new TreeSet<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(sources)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(f -> read.addAll(all(LITERAL, text(f))));
        }
      }
    }
    return read;
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.groupCount() > 0 ? m.group(1) : m.group());
    }
    return found;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
