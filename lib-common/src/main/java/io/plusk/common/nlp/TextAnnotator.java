package io.plusk.common.nlp;

import java.util.BitSet;
import java.util.List;

/** Turns text into annotated tokens. The production one is {@link CoreNlpAnnotator}. */
public interface TextAnnotator {
  /** The tokens of the text, annotated up to {@code level}; every level cuts the same tokens. */
  List<AnnotatedToken> annotate(String text, AnnotationLevel level);

  /**
   * As {@link #annotate(String, AnnotationLevel)}, where only the sentences that hold the asked tokens (indices into
   * the text's tokens; null: all) need more than {@link AnnotationLevel#TOKENS}: the others may be annotated as at
   * TOKENS. An annotator that cannot annotate part of a text annotates all of it.
   */
  default List<AnnotatedToken> annotate(String text, AnnotationLevel level, BitSet askedTokens) {
    return annotate(text, level);
  }

  /** Every annotation the pipeline has. */
  default List<AnnotatedToken> annotate(String text) {
    return annotate(text, AnnotationLevel.ENTITIES);
  }
}
