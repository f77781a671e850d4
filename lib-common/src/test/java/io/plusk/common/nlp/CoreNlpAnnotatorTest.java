package io.plusk.common.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.linking.CleanText;
import io.plusk.common.testing.SharedData;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real CoreNLP models at each annotation level, on real tweets. */
class CoreNlpAnnotatorTest {
  private static final PluskConfig.LinkingSettings SETTINGS = PluskConfig.defaults().linking();
  private final CoreNlpAnnotator annotator = new CoreNlpAnnotator(SETTINGS.annotators(), SETTINGS.nerModel());
  private final TaggerLexicon lexicon = TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL);

  @Test
  void withoutTheTaggerNamesAndDecidedLemmasAreThoseOfTheFullPipeline() throws Exception {
    List<String> texts = SharedData.tweetTopicDevTexts();
    List<String> differ = new ArrayList<>();
    int entities = 0;
    int lemmasKnown = 0;
    List<String> otherLemma = new ArrayList<>();
    for (String text : texts) {
      String nlpText = CleanText.of(text).nlpText();
      List<AnnotatedToken> names = annotator.annotate(nlpText, AnnotationLevel.NAMES);
      List<AnnotatedToken> full = annotator.annotate(nlpText, AnnotationLevel.ENTITIES);
      assertThat(names).extracting(AnnotatedToken::word).as(text).isEqualTo(full.stream().map(AnnotatedToken::word)
          .toList());
      for (int i = 0; i < names.size(); i++) {
        AnnotatedToken n = names.get(i);
        if (!n.ner().equals(full.get(i).ner())) {
          differ.add(n.word() + " " + n.ner() + " / " + full.get(i).ner() + " in: " + text);
        }
        entities += "O".equals(full.get(i).ner()) ? 0 : 1;
        // No tagger ran: tags and lemmas come from its lexicon, where it leaves no doubt; the word otherwise.
        assertThat(n.pos()).isEqualTo(lexicon.unambiguousTag(n.word()));
        assertThat(n.lemmaKnown()).isEqualTo(lexicon.unambiguousLemma(n.word()) != null);
        if (n.lemmaKnown()) {
          lemmasKnown++;
          if (!n.lemma().equalsIgnoreCase(full.get(i).lemma())) {
            otherLemma.add(n.word() + " " + n.lemma() + " / " + full.get(i).lemma() + " in: " + text);
          }
        } else {
          assertThat(n.lemma()).isEqualTo(n.word());
        }
      }
    }
    assertThat(entities).as("named-entity tokens in the dev tweets").isGreaterThan(100);
    assertThat(differ).as("tokens whose entity type differs").hasSizeLessThanOrEqualTo(entities / 100);
    assertThat(lemmasKnown).as("tokens whose lemma the lexicon decides").isGreaterThan(1000);
    assertThat(otherLemma).as("lexicon lemmas that are not the tagger's").hasSizeLessThanOrEqualTo(lemmasKnown / 100);
  }

  @Test
  void askedSentencesGetTheFullPipelinesTagsAndNamesAndTheOthersStayAtTokens() throws Exception {
    int checked = 0;
    int partlyLeft = 0;
    for (String text : SharedData.tweetTopicDevTexts()) {
      String nlpText = CleanText.of(text).nlpText();
      List<AnnotatedToken> tokensOnly = annotator.annotate(nlpText, AnnotationLevel.TOKENS);
      List<AnnotatedToken> full = annotator.annotate(nlpText, AnnotationLevel.ENTITIES);
      if (tokensOnly.size() < 4) {
        continue;
      }
      // Asking for the last token only: the sentence that holds it is annotated, the sentences before it are not.
      BitSet asked = new BitSet();
      asked.set(tokensOnly.size() - 1);
      List<AnnotatedToken> part = annotator.annotate(nlpText, AnnotationLevel.ENTITIES, asked);
      assertThat(part).hasSameSizeAs(full);
      AnnotatedToken last = part.get(part.size() - 1);
      assertThat(last).as(text).isEqualTo(full.get(full.size() - 1));
      for (int i = 0; i < part.size(); i++) {
        AnnotatedToken p = part.get(i);
        assertThat(p).as("token %d of: %s", i, text).isIn(full.get(i), tokensOnly.get(i));
      }
      partlyLeft += part.equals(full) ? 0 : 1;
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(partlyLeft).as("texts whose earlier sentences were left at tokens").isGreaterThan(10);
  }

  @Test
  void annotatorsPluskDoesNotReadAreRefusedByName() {
    assertThatThrownBy(() -> new CoreNlpAnnotator("tokenize,ssplit,pos,parse", SETTINGS.nerModel()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parse is not one plusk reads");
    assertThatThrownBy(() -> new CoreNlpAnnotator("tokenize,ssplit,lemma", SETTINGS.nerModel()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lemma needs pos");
    assertThatThrownBy(() -> new CoreNlpAnnotator("ssplit,pos", SETTINGS.nerModel()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenize and ssplit are required");
  }
}
