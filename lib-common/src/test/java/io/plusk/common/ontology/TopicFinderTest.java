package io.plusk.common.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding topics in the shipped ontology by what marketing types. */
class TopicFinderTest {
  private static Ontology ontology;
  private static TopicFinder finder;

  @BeforeAll
  static void load() {
    ontology = OntologyFormat.readDefault();
    finder = ontology.finder();
  }

  private static List<String> slugs(String text) {
    return finder.find(text, 10).stream().map(f -> f.topic().slug()).toList();
  }

  @Test
  void aNameFindsEveryTopicItCanMeanAndExactMatchesComeFirst() {
    assertThat(slugs("twins")).contains("minnesota-twins", "twins-and-multiples");
    assertThat(slugs("Minnesota Twins").get(0)).isEqualTo("minnesota-twins");
    assertThat(slugs("minnesota-twins").get(0)).isEqualTo("minnesota-twins");
    assertThat(slugs(ontology.require("wine").id()).get(0)).isEqualTo("wine");
    assertThat(finder.find("Game of Thr", 3).get(0)).satisfies(f -> {
      assertThat(f.topic().slug()).isEqualTo("game-of-thrones");
      assertThat(f.how()).isEqualTo(TopicFinder.How.PREFIX);
    });
  }

  @Test
  void misspellingsFindTheTopicAndSoDoesDidYouMean() {
    assertThat(slugs("minesota twins")).startsWith("minnesota-twins");
    assertThat(ontology.closest("minesota twins", 5).get(0).slug()).isEqualTo("minnesota-twins");
    assertThat(finder.find("qqqqzzzzxxxx", 5)).isEmpty();
  }

  @Test
  void pathsReadFromTheSuperTopicDown() {
    assertThat(finder.path(ontology.require("minnesota-twins"))).endsWith("Sports > Baseball > Minnesota Twins")
        .doesNotStartWith("Sports >");
  }
}
