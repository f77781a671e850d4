package io.plusk.common.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.nlp.AnnotatedToken;
import io.plusk.common.nlp.AnnotationLevel;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.nlp.TextAnnotator;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.common.testing.SharedData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Selective annotation (tokens first; the POS tagger and NER only where they could change a link) against the full
 * pipeline on every post: the same links on real tweets, while most posts skip an annotator.
 */
class SelectiveAnnotationTest {
  private static final PluskConfig.LinkingSettings SETTINGS = PluskConfig.defaults().linking();
  private static Ontology ontology;
  private static CoreNlpAnnotator coreNlp;

  @BeforeAll
  static void load() {
    ontology = OntologyFormat.readDefault();
    coreNlp = new CoreNlpAnnotator(SETTINGS.annotators(), SETTINGS.nerModel());
  }

  /** Counts what each level was asked for, so the test sees which annotators ran. */
  private static final class Counting implements TextAnnotator {
    final Map<AnnotationLevel, Integer> calls = new EnumMap<>(AnnotationLevel.class);

    @Override
    public List<AnnotatedToken> annotate(String text, AnnotationLevel level) {
      calls.merge(level, 1, Integer::sum);
      return coreNlp.annotate(text, level);
    }
  }

  private static Map<String, Double> links(TopicLinker linker, String text) {
    Map<String, Double> out = new TreeMap<>();
    linker.link(text, List.of()).forEach(l -> out.put(l.topicId(), l.confidence()));
    return out;
  }

  @Test
  void realTweetsGetTheLinksOfTheFullPipelineWhileMostSkipAnAnnotator() throws Exception {
    List<String> texts = SharedData.tweetTopicDevTexts();
    Counting counting = new Counting();
    TopicLinker selective = new TopicLinker(ontology, counting, SETTINGS.withSelectiveAnnotation(true));
    TopicLinker full = new TopicLinker(ontology, coreNlp, SETTINGS.withSelectiveAnnotation(false));
    List<String> differ = new ArrayList<>();
    for (String text : texts) {
      Map<String, Double> a = links(selective, text);
      Map<String, Double> b = links(full, text);
      if (!a.equals(b)) {
        differ.add(text + "\n  selective " + a + "\n  full      " + b);
      }
    }
    assertThat(differ.size()).as("posts whose links differ:%n%s", String.join("\n", differ))
        .isLessThanOrEqualTo(texts.size() / 100);
    long[] levels = selective.postsByAnnotationLevel();
    int tokenized = counting.calls.getOrDefault(AnnotationLevel.TOKENS, 0);
    assertThat(java.util.Arrays.stream(levels).sum()).isEqualTo(tokenized);
    assertThat(levels[AnnotationLevel.TOKENS.ordinal()]).as("posts linked from their tokens alone")
        .isGreaterThan(tokenized / 4);
    long named = levels[AnnotationLevel.NAMES.ordinal()] + levels[AnnotationLevel.ENTITIES.ordinal()];
    assertThat(named).as("posts that needed NER").isLessThan(tokenized / 2);
    for (AnnotationLevel level : List.of(AnnotationLevel.NAMES, AnnotationLevel.TAGS, AnnotationLevel.ENTITIES)) {
      assertThat(levels[level.ordinal()]).as("posts annotated at %s", level)
          .isEqualTo((long) counting.calls.getOrDefault(level, 0));
    }
    assertThat(levels[AnnotationLevel.NAMES.ordinal()]).as("posts that needed NER and no tagger")
        .isGreaterThan(levels[AnnotationLevel.ENTITIES.ordinal()]);
  }

  @Test
  void eachAnnotatorRunsWhereItsAnswerDecides() {
    record Case(String text, AnnotationLevel needed) {}
    List<Case> cases = List.of(
        // Nothing an annotator says changes these: a capital inside a sentence, a hashtag, an everyday word.
        new Case("Great win for the Twins tonight", AnnotationLevel.TOKENS),
        new Case("#MinnesotaTwins", AnnotationLevel.TOKENS),
        // "baseball" and "day" were always nouns in the tagger's training text: its lexicon says so, no tagger needed
        // (before the lexicon, this post asked for the tagger).
        new Case("been watching baseball all day", AnnotationLevel.TOKENS),
        // "stream" is a noun or a verb there: only the tagger can say which this one is.
        new Case("can't wait to stream it live", AnnotationLevel.TAGS),
        // A name as a sentence's first word: case cannot tell a name from a capitalised word, NER can (and reads
        // no tags, so the tagger does not run).
        new Case("Amazon is building a new office in Seattle", AnnotationLevel.NAMES),
        // Both: a name that case cannot judge, and "tablet", too rare in the tagger's training text for its lexicon.
        new Case("Amazon may sell a $50 tablet", AnnotationLevel.ENTITIES));
    for (Case c : cases) {
      Counting counting = new Counting();
      TopicLinker selective = new TopicLinker(ontology, counting, SETTINGS.withSelectiveAnnotation(true));
      TopicLinker full = new TopicLinker(ontology, coreNlp, SETTINGS.withSelectiveAnnotation(false));
      assertThat(links(selective, c.text())).as(c.text()).isEqualTo(links(full, c.text()));
      long[] levels = selective.postsByAnnotationLevel();
      assertThat(levels[c.needed().ordinal()]).as("%s annotated at %s, not as %s", c.text(), c.needed(),
          java.util.Arrays.toString(levels)).isEqualTo(1);
    }
  }
}
