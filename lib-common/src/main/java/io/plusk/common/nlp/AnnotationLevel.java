package io.plusk.common.nlp;

/**
 * How much CoreNLP runs on a text, from cheap to costly. On real tweets tokenizing and sentence splitting take about
 * 4 % of the full pipeline's time, the POS tagger (needed for lemmas) about 70 %, NER about 27 %.
 */
public enum AnnotationLevel {
  /**
   * Tokens and sentences, no entity. {@code pos} and {@code lemma} only where the tagger's lexicon leaves no doubt
   * ({@link TaggerLexicon#unambiguousTag}: "concert" NN, "it" PRP; {@link TaggerLexicon#unambiguousLemma}: "games"
   * game), else a null tag and the word itself as lemma ({@link AnnotatedToken#lemmaKnown()} false).
   */
  TOKENS,
  /**
   * Tokens with named entities and no tagger: the 3-class NER model reads no POS tags or lemmas (its features are
   * words, shapes and distributional clusters), so it runs on tokens at about a quarter of the full pipeline's cost;
   * {@code lemma} and {@code pos} as at {@link #TOKENS}.
   */
  NAMES,
  /** Tokens with POS tags and lemmas, no entity. */
  TAGS,
  /** Everything the configured pipeline does (with named entities by default). */
  ENTITIES
}
