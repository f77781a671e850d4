package io.plusk.common.nlp;

import java.util.List;

/** Turns text into annotated tokens. The production one is {@link CoreNlpAnnotator}. */
public interface TextAnnotator {
  List<AnnotatedToken> annotate(String text);
}
