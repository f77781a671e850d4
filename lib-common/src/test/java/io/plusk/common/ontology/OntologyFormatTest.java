package io.plusk.common.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class OntologyFormatTest {
  private static final Ontology DEFAULT = OntologyFormat.readDefault();

  @Test
  void defaultOntologyHasTheSixteenSuperTopicsAndEnoughBelowThem() {
    long supers = DEFAULT.topics().stream().filter(t -> t.parentIds().isEmpty()).count();
    assertThat(supers).isEqualTo(16);
    assertThat(DEFAULT.size() - supers).isGreaterThanOrEqualTo(150);
    assertThat(DEFAULT.topics()).allSatisfy(t -> assertThat(DEFAULT.level(t.id())).isPositive());
  }

  @Test
  void ambiguousNamesAreSeparateTopics() {
    for (String slug : new String[] {"minnesota-twins", "twins-and-multiples", "apple-inc", "apples",
        "python-language", "snakes", "jaguar-cars", "jaguars-animal"}) {
      assertThat(DEFAULT.bySlug(slug)).as(slug).isPresent();
    }
  }

  @Test
  void ancestorsFollowEveryParentOfTheDag() {
    Topic twins = DEFAULT.require("minnesota-twins");
    assertThat(twins.parentIds()).hasSize(2);
    var ancestors = DEFAULT.ancestors(twins.id());
    assertThat(ancestors).containsEntry(DEFAULT.require("baseball").id(), 1)
        .containsEntry(DEFAULT.require("minnesota").id(), 1)
        .containsEntry(DEFAULT.require("sports-and-recreation").id(), 2)
        .containsKey(DEFAULT.require("locations").id());
    assertThat(DEFAULT.level(twins.id())).isEqualTo(3);
  }

  @Test
  void resolvesIdsSlugsAndNamesAndSuggestsCloseOnes() {
    Topic wine = DEFAULT.require("wine");
    assertThat(DEFAULT.resolve(wine.id())).contains(wine);
    assertThat(DEFAULT.resolve("WINE")).contains(wine);
    assertThat(DEFAULT.resolve("Minnesota Twins")).contains(DEFAULT.require("minnesota-twins"));
    assertThat(DEFAULT.closest("minesota twins", 3)).extracting(Topic::slug).contains("minnesota-twins");
  }

  @Test
  void rejectsUnknownParentsDuplicatesAndCycles() {
    assertThatThrownBy(() -> OntologyFormat.read(new StringReader("1\ta\tA\tnope\t\t\n"), "t"))
        .hasMessageContaining("line 1").hasMessageContaining("unknown parent 'nope'");
    assertThatThrownBy(() -> OntologyFormat.read(new StringReader("1\ta\tA\n1\tb\tB\n"), "t"))
        .hasMessageContaining("duplicate topic id '1'");
    assertThatThrownBy(() -> OntologyFormat.read(new StringReader("1\ta\tA\tb\n2\tb\tB\ta\n"), "t"))
        .hasMessageContaining("cycle");
  }

  @Test
  void writeThenReadKeepsTopics() {
    String text = OntologyFormat.write(DEFAULT.topics(), DEFAULT);
    Ontology again = OntologyFormat.read(new StringReader(text), "roundtrip");
    assertThat(again.size()).isEqualTo(DEFAULT.size());
    assertThat(again.require("minnesota-twins").aliases()).isEqualTo(DEFAULT.require("minnesota-twins").aliases());
  }
}
