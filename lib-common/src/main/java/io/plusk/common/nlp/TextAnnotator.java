package io.plusk.common.nlp;

import java.util.List;

/** Turns text into annotated tokens. The production one is {@link CoreNlpAnnotator}. */
public interface TextAnnotator {
  /** The tokens of the text, annotated up to {@code level}; every level cuts the same tokens. */
  List<AnnotatedToken> annotate(String text, AnnotationLevel level);

  /** Every annotation the pipeline has. */
  default List<AnnotatedToken> annotate(String text) {
    return annotate(text, AnnotationLevel.ENTITIES);
  }
}
