package io.plusk.common.ontology.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The miner on a hand-made dictionary in wikidict's format, with the real POS tagger lexicon. */
class SurfaceFormMinerTest {
  private static final String TOPICS = String.join("\n",
      "1\tsports-and-recreation-super\tSports and Recreation",
      "2\tbasketball\tBasketball\t1",
      "3\tlos-angeles-lakers\tLos Angeles Lakers\t2",
      "4\tmusic-super\tMusic",
      "5\tsinger-songwriters\tSinger-Songwriters\t4",
      "6\tnew-singer\tKelsea Ballerini\t5",
      "7\tsting\tSting\t5",
      "8\ttech-super\tTechnology",
      "9\tsamsung\tSamsung\t8",
      "10\tsamsung-galaxy-note\tSamsung Galaxy Note\t9",
      "11\tipads\tiPads\t8",
      "12\twine-tasting\tWine Tasting\t4",
      "13\tvenice-beach\tVenice Beach\t8",
      "14\tdaily-life\tDaily Life\t4\t~today\t\teveryday",
      "15\tjacksonville-jaguars\tJacksonville Jaguars\t1",
      "16\tjaguars-animal\tJaguars (animal)\t8",
      "17\tvpn\tVPN\t8\t\t\t\tQ1",
      "18\tr-programming\tR Programming\t8\t\t\t\tQ206904",
      "19\tfarming\tFarming\t8\t\t\t\tQ2",
      "20\tsamsung-pay\tSamsung Pay\t9\t\t\t\tQ3",
      "");
  private static final String DICTIONARY = String.join("\n",
      "Lakers\tLos_Angeles_Lakers\t0.83",
      "Los Angeles Lakers\tLos_Angeles_Lakers\t1.0",
      "Lakers.\tLos_Angeles_Lakers\t1.0",
      "flee to Los Angeles\tLos_Angeles_Lakers\t1.0",
      "the Lakers\tLos_Angeles_Lakers\t1.0",
      "LAL\tLos_Angeles_Lakers\t0.9",
      "lakers\tLake_freighter\t1.0",
      "Sting\tSting_(musician)\t0.58",
      "sting\tStinger\t0.38",
      "Samsung\tSamsung\t0.9",
      "Wine tasting\tWine_tasting\t1.0",
      "wine tasting\tWine_tasting\t1.0",
      "tasting\tWine_tasting\t0.6",
      "Venice Beach\tVenice,_Los_Angeles,_California\t0.99",
      "Twenty-first Century Fox\tMelissa_Maughn\t1.0",
      "Jaguars\tJacksonville_Jaguars\t0.57",
      "Jacksonville Jaguars\tJacksonville_Jaguars\t1.0",
      "jaguars\tJaguar\t0.7",
      "jaguar\tJaguar\t0.99",
      "VPN\tVirtual_private_network\t0.9",
      "Virtual private network\tVirtual_private_network\t1.0",
      "R programming\tR_(programming_language)\t1.0",
      "statistical computing and graphics\tR_(programming_language)\t1.0",
      "commerce\tCommerce\t1.0",
      "");
  /** What entity_topic_labels.csv says the Wikidata items' articles are (Q2, Q3: wrong ids, as Klout has some). */
  private static final Map<String, String> WIKIDATA_TITLES = Map.of("Q1", "Virtual_private_network",
      "Q206904", "R_(programming_language)", "Q2", "Commerce", "Q3", "Samsung");

  private static SurfaceFormMiner.Result result;
  private static Ontology ontology;

  @BeforeAll
  static void mine(@TempDir Path dir) throws Exception {
    Path dict = dir.resolve("wikidict.tab");
    Files.writeString(dict, DICTIONARY, StandardCharsets.UTF_8);
    ontology = OntologyFormat.read(new StringReader(TOPICS), "test");
    result = SurfaceFormMiner.mine(ontology, new WikiDictionary(dict), WIKIDATA_TITLES);
  }

  private static Map<String, Alias> forms(String slug) {
    return result.byTopic().get(ontology.require(slug).id()).forms();
  }

  @Test
  void anchorTextsOfTheTopicsArticleBecomeFormsWithTheirPriors() {
    assertThat(result.byTopic().get("3").title()).isEqualTo("Los_Angeles_Lakers");
    Map<String, Alias> lakers = forms("los-angeles-lakers");
    assertThat(lakers.get("Lakers").prior()).isEqualTo(0.83);
    assertThat(lakers.get("Lakers").origin()).isEqualTo(Alias.Origin.WIKI);
    assertThat(lakers.get("LAL").prior()).isEqualTo(0.9);
    assertThat(lakers.get("Los Angeles Lakers").origin()).isEqualTo(Alias.Origin.NAME);
    // Punctuated variants, leading articles and anchors that are no name of the topic are left out.
    assertThat(lakers).doesNotContainKeys("Lakers.", "the Lakers", "flee to Los Angeles");
    // Twitter handles have at most 15 characters.
    assertThat(lakers).containsKey("@lakers").doesNotContainKey("@losangeleslakers");
  }

  @Test
  void ordinaryWordsAndFragmentsOfLongerNamesNeedContext() {
    // "tasting" is an ordinary English word and only a piece of "Wine Tasting".
    assertThat(forms("wine-tasting").get("tasting").prior()).isCloseTo(0.6 * SurfaceFormMiner.FRAGMENT_FACTOR,
        org.assertj.core.data.Offset.offset(0.001));
    // A rare word keeps its prior.
    assertThat(forms("los-angeles-lakers").get("Lakers").prior()).isEqualTo(0.83);
  }

  @Test
  void otherSensesAreKeptForOrdinaryWordsOnly() {
    assertThat(result.otherSenses()).doesNotContainKey("lakers");
  }

  @Test
  void namesTheDictionaryNeverSawAreGenerated() {
    // A singer after the dictionary's time: full name, surname under a people category, handle.
    Map<String, Alias> singer = forms("new-singer");
    assertThat(singer.get("Kelsea Ballerini").origin()).isEqualTo(Alias.Origin.NAME);
    assertThat(singer.get("Ballerini").prior()).isEqualTo(SurfaceFormMiner.GENERATED_SHORT_PRIOR);
    assertThat(singer).containsKey("@kelseaballerini");
    // A product named after a brand that is a topic, and a plural category named in the singular.
    assertThat(forms("samsung-galaxy-note")).containsKey("Galaxy Note");
    assertThat(forms("ipads")).containsKey("iPad");
    // A team without its city.
    assertThat(forms("los-angeles-lakers")).containsKey("Angeles Lakers");
  }

  @Test
  void anArticleSharingAWordThatTheNameMostlyLinksToIsTheTopics() {
    assertThat(result.byTopic().get("13").title()).isEqualTo("Venice,_Los_Angeles,_California");
    assertThat(forms("venice-beach").get("Venice Beach").prior()).isEqualTo(0.99);
  }

  @Test
  void anArticleATopicIsNamedAfterIsThatTopicsAlone() {
    // "Jaguars" mostly links the team: the animal, reached through the same short name, keeps its own article.
    assertThat(result.byTopic().get("15").title()).isEqualTo("Jacksonville_Jaguars");
    assertThat(result.byTopic().get("16").title()).isEqualTo("Jaguar");
    assertThat(forms("jaguars-animal")).doesNotContainKey("Jacksonville Jaguars");
    assertThat(forms("jaguars-animal").get("jaguar").prior()).isEqualTo(0.99);
    // Its name as written is made up for it, and gets at most the share the team's article leaves.
    assertThat(forms("jaguars-animal").get("Jaguars").prior()).isLessThanOrEqualTo(1 - 0.57 + 1e-9);
    assertThat(forms("jacksonville-jaguars").get("Jaguars").prior()).isEqualTo(0.57);
  }

  @Test
  void aTopicsWikidataItemNamesItsArticleWhereItsNameDoesNot() {
    // "VPN" links the article, which shares no word with the name: the Wikidata item says it is the topic's.
    assertThat(result.byTopic().get("17").title()).isEqualTo("Virtual_private_network");
    assertThat(forms("vpn").get("Virtual private network").prior()).isEqualTo(1.0);
    // No anchor of "R Programming" reaches R's article; the item does, and the title shares a word.
    assertThat(result.byTopic().get("18").title()).isEqualTo("R_(programming_language)");
    assertThat(forms("r-programming").get("R programming").prior()).isEqualTo(1.0);
    // A wrong item id whose article shares nothing with the name is not followed, nor one that names another
    // topic's article ("BlackBerry Priv" carries BlackBerry's id in Klout's file).
    assertThat(result.byTopic().get("19").title()).isNull();
    assertThat(result.byTopic().get("20").title()).isNull();
    assertThat(forms("samsung-pay")).doesNotContainKey("Samsung");
  }

  @Test
  void everydayTopicsAreNotMined() {
    assertThat(result.byTopic()).doesNotContainKey("14");
    assertThat(result.topicsTried()).isEqualTo(19);
  }

  @Test
  void relatedTitlesAgreeOnWordsAndDigits() {
    assertThat(SurfaceFormMiner.related("PlayStation_2", "PlayStation 4")).isFalse();
    assertThat(SurfaceFormMiner.related("Python_(programming_language)", "Python")).isTrue();
    assertThat(SurfaceFormMiner.related("Beyoncé_Knowles", "Beyonce")).isTrue();
    assertThat(SurfaceFormMiner.related("Melissa_Maughn", "21st Century Fox")).isFalse();
    assertThat(SurfaceFormMiner.singular("Breweries")).isEqualTo("Brewery");
    assertThat(SurfaceFormMiner.singular("News")).isEqualTo("News");
  }
}
