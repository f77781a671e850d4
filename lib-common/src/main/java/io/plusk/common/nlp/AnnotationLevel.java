package io.plusk.common.nlp;

/**
 * How much CoreNLP runs on a text, from cheap to costly. On real tweets tokenizing and sentence splitting take about
 * 4 % of the full pipeline's time, the POS tagger (needed for lemmas) about 70 %, NER about 27 %.
 */
public enum AnnotationLevel {
  /**
   * Tokens and sentences: {@code lemma} is the word itself, no entity; {@code pos} only where the tagger's lexicon
   * leaves no doubt ({@link TaggerLexicon#unambiguousTag}: "concert" NN, "it" PRP), else null.
   */
  TOKENS,
  /** Tokens with POS tags and lemmas, no entity. */
  TAGS,
  /** Everything the configured pipeline does (with named entities by default). */
  ENTITIES
}
