package io.plusk.common.nlp;

/** A token as CoreNLP saw it. {@code ner} is "O" outside named entities. */
public record AnnotatedToken(String word, String lemma, String pos, String ner) {
  public boolean isNamedEntity() {
    return ner != null && !ner.equals("O");
  }
}
