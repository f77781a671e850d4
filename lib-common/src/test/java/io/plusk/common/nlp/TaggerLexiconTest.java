package io.plusk.common.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The POS tagger's lexicon, read from the real model: a tag only where its training text leaves no doubt. */
class TaggerLexiconTest {
  private final TaggerLexicon lexicon = TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL);

  @Test
  void wordsOfOneWordClassGetTheirTag() {
    assertThat(lexicon.unambiguousTag("it")).isEqualTo("PRP");
    assertThat(lexicon.unambiguousTag("the")).isEqualTo("DT");
    assertThat(lexicon.unambiguousTag("baseball")).startsWith("NN");
    assertThat(lexicon.unambiguousTag("announced")).startsWith("VB");
  }

  @Test
  void wordsTheTaggerMustJudgeInTheirSentenceGetNone() {
    // A noun and a verb in the training text ("a stream", "to stream"), and a word it never saw.
    assertThat(lexicon.unambiguousTag("stream")).isNull();
    assertThat(lexicon.unambiguousTag("love")).isNull();
    assertThat(lexicon.unambiguousTag("watching")).isNull();
    assertThat(lexicon.unambiguousTag("minecraft")).isNull();
    assertThat(lexicon.count("minecraft")).isZero();
    // Case is kept: the lexicon counts words as written.
    assertThat(lexicon.count("the")).isGreaterThan(lexicon.count("The"));
  }
}
