package io.plusk.common.ontology.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plusk.common.ontology.KloutImporter;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.common.ontology.Topic;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Klout's CSVs (a few rows in their published format) merged with plusk's hand-written topics. */
class DefaultOntologyBuilderTest {
  private static final String KLOUT_TOPICS = String.join("\n",
      "\"topicId\",\"topicSlug\",\"topicDisplayName\",\"wikiItemId\",\"freebaseMachineId\"",
      "10000000000000000006,\"sports-and-recreation-super\",\"Sports and Recreation\",\"Q349\",\"x\"",
      "501,\"baseball\",\"Baseball\",\"Q5369\",\"x\"",
      "7602087025245615979,\"minnesota-twins\",\"Minnesota Twins\",\"Q604879\",\"0512p\"",
      "10000000000000000014,\"lifestyle-super\",\"Lifestyle\",\"Q32090\",\"x\"",
      "8283952755688430877,\"apple\",\"Apple\",\"Q312\",\"0k8z\"", "");
  private static final String KLOUT_EDGES = String.join("\n",
      "\"parentTopicId\",\"parrentTopicSlug\",\"childTopicId\",\"childTopicSlug\"",
      "0,\"_ROOT_\",10000000000000000006,\"sports-and-recreation-super\"",
      "0,\"_ROOT_\",10000000000000000014,\"lifestyle-super\"",
      "10000000000000000006,\"sports-and-recreation-super\",501,\"baseball\"",
      "501,\"baseball\",7602087025245615979,\"minnesota-twins\"",
      "10000000000000000014,\"lifestyle-super\",77,\"gadgets\"",
      "77,\"gadgets\",8283952755688430877,\"apple\"", "");
  private static final String KLOUT_LABELS = String.join("\n",
      "\"entityId\",\"entityDisplayName\",\"topicId\",\"topicDisplayName\",\"label\"",
      "Q1,Target Field,7602087025245615979,Minnesota Twins,1",
      "Q2,_display_unknown_,7602087025245615979,Minnesota Twins,0", "");
  private static final String PLUSK = String.join("\n",
      "1\tsports-and-recreation\tSports and Recreation\t\tsports\tgame",
      "15\tlifestyle\tLifestyle\t\tlifestyle\tlife",
      "167\tminnesota-twins\tMinnesota Twins\tsports-and-recreation\t~Twins|#mntwins\tinning",
      "252\tapple-inc\tApple Inc.\tlifestyle\tiphone\tkeynote",
      "300\tdaily-life\tDaily Life\tlifestyle\t~today\tmy|i\teveryday", "");

  private static DefaultOntologyBuilder.Built build() throws Exception {
    Ontology klout = KloutImporter.importFrom(new StringReader(KLOUT_TOPICS), new StringReader(KLOUT_EDGES),
        new StringReader(KLOUT_LABELS), "klout");
    Ontology plusk = OntologyFormat.read(new StringReader(PLUSK), "plusk");
    return DefaultOntologyBuilder.build(klout, plusk, Map.of("apple-inc", "apple", "lifestyle", "lifestyle-super"),
        null);
  }

  @Test
  void kloutTopicsKeepTheirIdsAndTakePlusksAliasesContextAndKind(@TempDir Path dir) throws Exception {
    DefaultOntologyBuilder.Built built = build();
    DefaultOntologyBuilder.write(built, dir, "# test\n");
    Ontology o = OntologyFormat.readDirectory(dir);
    Topic twins = o.require("minnesota-twins");
    assertThat(twins.id()).isEqualTo("7602087025245615979");
    assertThat(twins.wikidataId()).isEqualTo("Q604879");
    assertThat(twins.parentIds()).containsExactly("501");
    assertThat(twins.aliases()).extracting(Object::toString).contains("~Twins", "#mntwins", "Target Field");
    assertThat(twins.contextWords()).contains("inning", "baseball");
    // Topics only the edges name (Klout's topics.csv misses a few) are restored.
    assertThat(o.require("gadgets").id()).isEqualTo("77");
    assertThat(o.require("apple").parentIds()).containsExactly("77");
  }

  @Test
  void plusksOwnTopicsGetIdsThatCannotCollideAndRenamedSlugsStillResolve(@TempDir Path dir) throws Exception {
    DefaultOntologyBuilder.Built built = build();
    assertThat(built.pluskMerged()).isEqualTo(4);
    assertThat(built.pluskAdded()).isEqualTo(1);
    DefaultOntologyBuilder.write(built, dir, "");
    Ontology o = OntologyFormat.readDirectory(dir);
    Topic daily = o.require("daily-life");
    assertThat(daily.id()).isEqualTo("plusk-300");
    assertThat(daily.everyday()).isTrue();
    assertThat(daily.parentIds()).containsExactly("10000000000000000014");
    assertThat(o.require("apple-inc")).isEqualTo(o.require("apple"));
    assertThat(o.require("sports-and-recreation")).isEqualTo(o.require("sports-and-recreation-super"));
    assertThat(o.legacySlugs()).containsEntry("apple-inc", "apple").containsEntry("lifestyle", "lifestyle-super");
  }

  @Test
  void anUnknownKloutEquivalentIsAnError() throws Exception {
    Ontology klout = KloutImporter.importFrom(new StringReader(KLOUT_TOPICS), new StringReader(KLOUT_EDGES),
        new StringReader(KLOUT_LABELS), "klout");
    Ontology plusk = OntologyFormat.read(new StringReader(PLUSK), "plusk");
    assertThatThrownBy(() -> DefaultOntologyBuilder.build(klout, plusk, Map.of("apple-inc", "nope"), null))
        .hasMessageContaining("apple-inc").hasMessageContaining("nope");
  }
}
