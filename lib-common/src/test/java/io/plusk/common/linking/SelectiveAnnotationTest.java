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
    assertThat(levels[0] + levels[1] + levels[2]).isEqualTo(tokenized);
    assertThat(levels[AnnotationLevel.TOKENS.ordinal()]).as("posts linked from their tokens alone")
        .isGreaterThan(tokenized / 4);
    assertThat(levels[AnnotationLevel.ENTITIES.ordinal()]).as("posts that needed NER")
        .isLessThan(tokenized / 2)
        .isEqualTo((long) counting.calls.getOrDefault(AnnotationLevel.ENTITIES, 0));
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
        // A name as a sentence's first word: case cannot tell a name from a capitalised word, NER can.
        new Case("Amazon may sell a $50 tablet", AnnotationLevel.ENTITIES));
    for (Case c : cases) {
      Counting counting = new Counting();
      TopicLinker selective = new TopicLinker(ontology, counting, SETTINGS.withSelectiveAnnotation(true));
      TopicLinker full = new TopicLinker(ontology, coreNlp, SETTINGS.withSelectiveAnnotation(false));
      assertThat(links(selective, c.text())).as(c.text()).isEqualTo(links(full, c.text()));
      long[] levels = selective.postsByAnnotationLevel();
      assertThat(levels[c.needed().ordinal()]).as("%s annotated at %s", c.text(), c.needed()).isEqualTo(1);
    }
  }
}
