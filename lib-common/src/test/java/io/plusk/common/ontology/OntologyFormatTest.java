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
    for (String slug : new String[] {"minnesota-twins", "twins-and-multiples", "apple", "apples",
        "python", "snake", "jaguar-cars", "jaguars-animal"}) {
      assertThat(DEFAULT.bySlug(slug)).as(slug).isPresent();
    }
  }

  @Test
  void kloutTopicsKeepTheirIdsSlugsAndWikidataIds() {
    Topic twins = DEFAULT.require("minnesota-twins");
    assertThat(twins.id()).isEqualTo("7602087025245615979");
    assertThat(twins.wikidataId()).isEqualTo("Q604879");
    assertThat(DEFAULT.require("twins-and-multiples").id()).isEqualTo("10000000000000017002");
    assertThat(DEFAULT.size()).isGreaterThanOrEqualTo(8033);
    // plusk's own everyday topics are added with ids that cannot collide with Klout's numeric ids.
    assertThat(DEFAULT.require("daily-life").id()).startsWith("plusk-");
    assertThat(DEFAULT.require("daily-life").everyday()).isTrue();
    assertThat(DEFAULT.require("minnesota-twins").everyday()).isFalse();
  }

  @Test
  void legacySlugsOfTheFirstDefaultOntologyStillResolve() {
    assertThat(DEFAULT.require("apple-inc")).isEqualTo(DEFAULT.require("apple"));
    assertThat(DEFAULT.require("python-language")).isEqualTo(DEFAULT.require("python"));
    assertThat(DEFAULT.require("locations")).isEqualTo(DEFAULT.require("location-super"));
    assertThat(DEFAULT.legacySlugs()).isNotEmpty().allSatisfy((old, now) ->
        assertThat(DEFAULT.bySlug(now)).as(old).isPresent());
  }

  @Test
  void ancestorsFollowEveryParentOfTheDag() {
    Topic madonna = DEFAULT.require("madonna");
    assertThat(madonna.parentIds().size()).isGreaterThan(2);
    var ancestors = DEFAULT.ancestors(madonna.id());
    assertThat(ancestors).containsEntry(DEFAULT.require("pop-music").id(), 1)
        .containsEntry(DEFAULT.require("celebrities").id(), 1)
        .containsKey(DEFAULT.require("entertainment-super").id());
    Topic twins = DEFAULT.require("minnesota-twins");
    assertThat(DEFAULT.ancestors(twins.id())).containsEntry(DEFAULT.require("baseball").id(), 1)
        .containsKey(DEFAULT.require("sports-and-recreation-super").id());
  }

  @Test
  void surfaceFormsCarryPriorsByCaseAndOtherSenses() {
    Topic twins = DEFAULT.require("minnesota-twins");
    assertThat(twins.aliases()).anySatisfy(a -> {
      assertThat(a.text()).isEqualTo("Twins");
      assertThat(a.origin()).isEqualTo(Alias.Origin.WIKI);
      assertThat(a.prior()).isBetween(0.1, 0.6);
    });
    // "twins" in lower case most often means twin siblings, an article that is no topic.
    assertThat(DEFAULT.otherSensePriors()).containsKey("twins");
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
    assertThat(again.require("minnesota-twins").aliases()).isEqualTo(DEFAULT.require("minnesota-twins").aliases()
        .stream().filter(a -> a.origin() == Alias.Origin.HAND).toList());
    assertThat(again.require("daily-life").everyday()).isTrue();
    assertThat(again.require("minnesota-twins").wikidataId()).isEqualTo("Q604879");
  }
}
