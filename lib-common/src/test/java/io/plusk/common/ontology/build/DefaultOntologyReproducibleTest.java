package io.plusk.common.ontology.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.ontology.KloutImporter;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.common.testing.SharedData;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped default ontology (conf/ontology/default) is exactly what its sources make: Klout's published files
 * (../shared), plusk's hand-written topics (conf/ontology/sources) and CoreNLP's Wikipedia dictionary (the kbp
 * models jar, a test dependency). Fails when someone edits the generated files by hand or changes the importer
 * without rebuilding (scripts/build-ontology).
 */
class DefaultOntologyReproducibleTest {
  @Test
  void rebuildingFromTheSourcesGivesTheShippedFiles(@TempDir Path out) throws Exception {
    Path klout = SharedData.path("klout-ontology");
    Path root = SharedData.repoRoot();
    KloutImporter.Import kloutImport = KloutImporter.readFolder(klout);
    Ontology plusk;
    try (Reader r = Files.newBufferedReader(root.resolve("conf/ontology/sources/plusk-topics.tsv"))) {
      plusk = OntologyFormat.read(r, "plusk-topics.tsv");
    }
    WikiDictionary dictionary = WikiDictionary.onClasspath().orElseThrow(() -> new AssertionError(
        "CoreNLP's models-english-kbp jar is not on the test classpath (a test dependency of lib-common)"));
    DefaultOntologyBuilder.Built built = DefaultOntologyBuilder.build(kloutImport.ontology(), plusk,
        DefaultOntologyBuilder.readEquivalents(root.resolve("conf/ontology/sources/klout-equivalents.tsv")),
        dictionary, kloutImport.wikipediaTitles());
    Path shipped = root.resolve("conf/ontology/default");
    String header = firstCommentLines(shipped.resolve(OntologyFormat.TOPICS_FILE));
    DefaultOntologyBuilder.write(built, out, header);

    for (String file : new String[] {OntologyFormat.TOPICS_FILE, OntologyFormat.LEGACY_SLUGS_FILE}) {
      assertThat(Files.readString(out.resolve(file))).as(file + " (rebuild with scripts/build-ontology)")
          .isEqualTo(Files.readString(shipped.resolve(file)));
    }
    assertThat(gunzip(out.resolve(OntologyFormat.SURFACE_FORMS_FILE)))
        .as("surface-forms.tsv.gz (rebuild with scripts/build-ontology)")
        .isEqualTo(gunzip(shipped.resolve(OntologyFormat.SURFACE_FORMS_FILE)));
    assertThat(built.mined().topicsWithTitle()).isGreaterThan(7000);
  }

  private static String firstCommentLines(Path topics) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String line : Files.readAllLines(topics, StandardCharsets.UTF_8)) {
      if (!line.startsWith("#")) {
        break;
      }
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  private static String gunzip(Path file) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
