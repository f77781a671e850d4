package io.plusk.common.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.config.PluskConfig.LinkingSettings;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real CoreNLP, real default ontology: our own sentences for the ambiguous names. */
class TopicLinkerTest {
  private static final Ontology ONTOLOGY = OntologyFormat.readDefault();
  private static final LinkingSettings SETTINGS = PluskConfig.defaults().linking();
  private static final TopicLinker LINKER = new TopicLinker(ONTOLOGY,
      new CoreNlpAnnotator(SETTINGS.annotators(), SETTINGS.nerModel()), SETTINGS);

  private static Map<String, TopicLink> direct(String text) {
    return LINKER.link(text, List.of()).stream().filter(l -> l.viaTopicId() == null)
        .collect(Collectors.toMap(l -> ONTOLOGY.byId(l.topicId()).orElseThrow().slug(), l -> l));
  }

  /** Slugs of the earlier default ontology still name their topics (legacy-slugs.tsv). */
  private static String slug(String idSlugOrName) {
    return ONTOLOGY.require(idSlugOrName).slug();
  }

  @ParameterizedTest(name = "{0} -> {1}, not {2}")
  @CsvSource(delimiter = '|', value = {
      "My twins finally slept through the night, first time since they were born | twins-and-multiples | minnesota-twins",
      "Twins walk-off homer in the 9th, what a game at Target Field! | minnesota-twins | twins-and-multiples",
      "Apple shares jump after the new iPhone keynote | apple-inc | apples",
      "Picked a bushel of apples at the orchard, apple pie tonight | apples | apple-inc",
      "Refactoring my Python script to use pandas dataframes | python-language | snakes",
      "The python at the zoo shed its skin, beautiful snake | snakes | python-language",
      "Test drive of the new Jaguar F-Type, that V8 engine sound | jaguar-cars | jaguars-animal",
      "A jaguar spotted hunting prey in the Pantanal rainforest | jaguars-animal | jaguar-cars",
      "Giants pitcher throws a gem, splash hit into the bay at Oracle Park | san-francisco-giants | new-york-giants",
      "Giants quarterback sacked three times, the defense let us down | new-york-giants | san-francisco-giants",
      "Heat beat the Celtics behind 30 points from Butler | miami-heat | weather",
      "Mercury is the innermost planet and its orbit around the sun is fast | mercury-planet | mercury-element",
      "Bulls win in overtime at the United Center, great rebound game | chicago-bulls | cattle",
      "Heat wave warning: temperatures near 110 degrees, stay out of the hot sun | weather | miami-heat",
      "Bulls are back on Wall Street as the Nasdaq rallies on rate cut hopes | stock-market | chicago-bulls",
      "Mercury poisoning from eating too much fish is a real toxic metal exposure risk | mercury-element | mercury-planet",
      "Mercury beat the Lynx, Taurasi with 30 points in the fourth quarter | phoenix-mercury | mercury-planet",
      "The rancher moved the bulls to the north pasture before the rodeo | cattle | chicago-bulls",
      "Planting apple trees in the orchard this spring, hoping for a juicy harvest | apples | apple-inc",
      "Apple stock falls after the earnings call, the iPhone sales missed | apple-inc | apples",
      "Watching the Twins tonight with my dad | minnesota-twins | twins-and-multiples",
      "Twins trade rumors: the shortstop market is heating up | minnesota-twins | miami-heat",
      "Shopping for matching outfits for the twins this weekend | twins-and-multiples | minnesota-twins"
  })
  void ambiguousNamesFollowTheContext(String text, String expected, String notExpected) {
    Map<String, TopicLink> links = direct(text);
    assertThat(links).as(links.toString()).containsKey(slug(expected)).doesNotContainKey(slug(notExpected));
  }

  @Test
  void theAuthorsRecentTopicsDecideATersePost() {
    String twins = ONTOLOGY.require("twins-and-multiples").id();
    assertThat(direct("twins!")).doesNotContainKey("twins-and-multiples");
    var links = LINKER.link("twins!", List.of(), LinkFeedback.NONE, java.util.Set.of(twins));
    assertThat(links).anySatisfy(l -> {
      assertThat(l.topicId()).isEqualTo(twins);
      assertThat(l.contextTerms()).contains("author:twins-and-multiples");
    });
  }

  @Test
  void weakContextLinksNothingRatherThanGuessing() {
    assertThat(direct("twins!")).doesNotContainKeys("twins-and-multiples", "minnesota-twins");
  }

  @Test
  void hashtagsAreSegmentedAndMatched() {
    assertThat(direct("Great night #MinnesotaTwins")).containsKey("minnesota-twins");
    assertThat(direct("so proud #mntwins")).containsKey("minnesota-twins");
  }

  @Test
  void rollsUpThroughEveryParentWithDamping() {
    List<TopicLink> links = LINKER.link("Minnesota Twins win the series", List.of());
    Map<String, TopicLink> bySlug = links.stream()
        .collect(Collectors.toMap(l -> ONTOLOGY.byId(l.topicId()).orElseThrow().slug(), l -> l));
    TopicLink twins = bySlug.get("minnesota-twins");
    assertThat(twins).isNotNull();
    assertThat(bySlug.get("baseball").method()).isEqualTo("rollup");
    assertThat(bySlug.get("baseball").viaTopicId()).isEqualTo(twins.topicId());
    assertThat(bySlug.get("baseball").confidence()).isLessThan(twins.confidence());
    assertThat(bySlug.get("sports-and-recreation-super").confidence())
        .isLessThan(bySlug.get("baseball").confidence());
  }

  @Test
  void retweetBoilerplateUrlsAndHandlesAreNotEvidence() {
    assertThat(direct("RT @wine_lover: https://t.co/wine123 @my_neighbour_kim")).isEmpty();
  }

  @Test
  void everyLinkKeepsItsEvidence() {
    TopicLink wine = direct("Opened a 2015 Bordeaux tonight, the vintage shows in the glass").get("bordeaux");
    assertThat(wine).isNotNull();
    assertThat(wine.matchedText()).isEqualTo("Bordeaux");
    assertThat(wine.method()).startsWith("alias");
    assertThat(wine.confidence()).isBetween(0.3, 1.0);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // Names from data: short team names, surnames, handles, hyphenated names, products after the dictionary.
      "Lakers win again, what a fourth quarter | los-angeles-lakers",
      "Federer wins in straight sets at Wimbledon | roger-federer",
      "@Apple when is the new iPhone coming out? | apple",
      "Going to see Jay-Z at the Garden tonight | jay-z",
      "Just pre-ordered the new iPad | ipad",
      "Sting played Roxanne at the concert last night | sting",
      // The dictionary's "Cowboys" (Dallas) against another team's made-up short name: the dictionary's wins.
      "The Eagles beat the Cowboys 24-17 on Sunday night | dallas-cowboys"
  })
  void namesFromDataLinkTheirTopic(String text, String expected) {
    Map<String, TopicLink> links = direct(text);
    assertThat(links).as(links.toString()).containsKey(expected);
  }

  @ParameterizedTest(name = "{0} -> not {1}")
  @CsvSource(delimiter = '|', value = {
      // A common word that is also a name links nothing without context.
      "A bee sting on my arm hurts so much | sting",
      "Going to watch it live with friends tonight | watches",
      "Had a long day, going to bed early | queen-band",
      // A team name that conversation topics list too is no sports talk when no team is meant.
      "Saw two bald eagles nesting by the lake this morning | sports-talk"
  })
  void commonWordsDoNotLinkTheNamesTheyShare(String text, String notExpected) {
    Map<String, TopicLink> links = direct(text);
    assertThat(links).as(links.toString()).doesNotContainKey(notExpected);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      // Another first name before the surname: another person.
      "Cam Newton threw for 300 yards on Sunday | newton | false",
      // A title or an abbreviation before it, or no name at all: the person the surname stands for.
      "Yesterday President Obama signed the bill | barack-obama | true",
      "Great interview with Mr. Obama today | barack-obama | true",
      "We read about Newton and gravity in physics class | newton | true",
      // Family name first, then a given name that names nothing else: another person.
      "So proud of Newton Kwabena for his first marathon | newton | false",
      // Another known name after it: a list of people, each themselves.
      "We argued about Obama Clinton and the primaries all night | barack-obama | true"
  })
  void aSurnameInsideAnotherPersonsNameIsAnotherPerson(String text, String topic, boolean linked) {
    Map<String, TopicLink> links = direct(text);
    assertThat(links.containsKey(topic)).as(links.toString()).isEqualTo(linked);
  }

  @Test
  void aTopicNamedByItsOwnNameBeatsOneThatListsTheNameAmongItsEntities() {
    // Find, in the shipped ontology, a topic whose own name another topic lists as one of its entities' names.
    var pair = ONTOLOGY.topics().stream()
        .flatMap(broader -> broader.aliases().stream()
            .filter(a -> a.origin() == io.plusk.common.ontology.Alias.Origin.ENTITY && a.text().contains(" "))
            .flatMap(a -> ONTOLOGY.topics().stream()
                .filter(own -> own != broader && own.name().equalsIgnoreCase(a.text()) && !own.everyday())
                .map(own -> Map.entry(own, broader))))
        .filter(e -> !ONTOLOGY.ancestors(e.getKey().id()).containsKey(e.getValue().id()))
        .findFirst().orElseThrow();
    String text = "Everyone is talking about " + pair.getKey().name() + " today";
    List<TopicLink> links = LINKER.link(text, List.of());
    assertThat(links).as(text + " " + links).anySatisfy(l -> {
      assertThat(l.topicId()).isEqualTo(pair.getKey().id());
      assertThat(l.viaTopicId()).isNull();
    });
    // The broader topic is evidence through the named one, never a rival that takes the name.
    assertThat(links).as(text + " " + links).noneSatisfy(l -> {
      assertThat(l.topicId()).isEqualTo(pair.getValue().id());
      assertThat(l.viaTopicId()).isNull();
    });
  }

  @Test
  void everydayTopicsAreDecidedBesideSubjectsNotAgainstThem() {
    Map<String, TopicLink> links = direct("Minecraft update tonight, building a castle with my brother");
    assertThat(links).as(links.toString()).containsKey("minecraft");
    // Team names with sports context are sports talk even where no single team wins the name.
    links = direct("The Eagles beat the Cowboys 24-17 on Sunday night");
    assertThat(links).as(links.toString()).containsKey("sports-talk");
  }
}
