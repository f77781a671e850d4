package io.plusk.common.ontology.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;

/**
 * CoreNLP's Wikipedia anchor-text dictionary ({@code wikidict.tab.gz} in the {@code models-english-kbp} jar):
 * 20.9M lines {@code mention<TAB>Wikipedia_title<TAB>P(title | mention)}, case kept. Read as a stream, line by
 * line, at import time only: the nightly never loads it.
 */
public final class WikiDictionary {
  public static final String ENTRY = "edu/stanford/nlp/models/kbp/english/wikidict.tab.gz";

  /** One line: an anchor text, the article it links to, and the share of that anchor's links going there. */
  public record Line(String mention, String title, double prior) {}

  @FunctionalInterface
  public interface LineHandler {
    void accept(String mention, String title, double prior);
  }

  private final Path location;

  /** @param location the kbp models jar, {@code wikidict.tab.gz}, or the uncompressed {@code .tab} */
  public WikiDictionary(Path location) {
    if (!Files.isRegularFile(location)) {
      throw new IllegalArgumentException("Wikipedia dictionary not found: " + location
          + " (the models-english-kbp jar of CoreNLP, or wikidict.tab.gz; scripts/build-ontology fetches it)");
    }
    this.location = location;
  }

  private WikiDictionary() {
    this.location = null;
  }

  /** The dictionary in the kbp models jar on the classpath (tests), or empty when that jar is not there. */
  public static java.util.Optional<WikiDictionary> onClasspath() {
    return WikiDictionary.class.getClassLoader().getResource(ENTRY) == null ? java.util.Optional.empty()
        : java.util.Optional.of(new WikiDictionary());
  }

  /** Where it is read from: a file, or {@code classpath:} and the entry. */
  public String location() {
    return location == null ? "classpath:" + ENTRY : location.toString();
  }

  /** Streams every well-formed line; returns how many were read. */
  public long scan(LineHandler handler) throws IOException {
    long lines = 0;
    try (Opened opened = open();
         BufferedReader in = new BufferedReader(new InputStreamReader(opened.stream, StandardCharsets.UTF_8),
             1 << 20)) {
      String line;
      while ((line = in.readLine()) != null) {
        int a = line.indexOf('\t');
        int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
        if (b < 0) {
          continue;
        }
        double prior;
        try {
          prior = Double.parseDouble(line.substring(b + 1));
        } catch (NumberFormatException e) {
          continue;
        }
        lines++;
        handler.accept(line.substring(0, a), line.substring(a + 1, b), prior);
      }
    }
    return lines;
  }

  private record Opened(InputStream stream, JarFile jar) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      stream.close();
      if (jar != null) {
        jar.close();
      }
    }
  }

  private Opened open() throws IOException {
    if (location == null) {
      return new Opened(new GZIPInputStream(WikiDictionary.class.getClassLoader().getResourceAsStream(ENTRY),
          1 << 16), null);
    }
    String name = location.getFileName().toString();
    if (name.endsWith(".jar") || name.endsWith(".zip")) {
      JarFile jar = new JarFile(location.toFile());
      ZipEntry entry = jar.getEntry(ENTRY);
      if (entry == null) {
        jar.close();
        throw new IllegalArgumentException(location + " has no " + ENTRY);
      }
      return new Opened(new GZIPInputStream(jar.getInputStream(entry), 1 << 16), jar);
    }
    InputStream raw = Files.newInputStream(location);
    return new Opened(name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, null);
  }
}
