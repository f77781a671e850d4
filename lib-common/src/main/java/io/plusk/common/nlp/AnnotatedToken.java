package io.plusk.common.nlp;

/**
 * A token as CoreNLP saw it. {@code ner} is "O" outside named entities. {@code lemmaKnown}: the lemma is the one the
 * full pipeline gives (the tagger ran, or its lexicon leaves no doubt); false where {@code lemma} is only the word
 * because no tagger ran.
 */
public record AnnotatedToken(String word, String lemma, String pos, String ner, boolean lemmaKnown) {
  /** A token whose lemma is known. */
  public AnnotatedToken(String word, String lemma, String pos, String ner) {
    this(word, lemma, pos, ner, true);
  }

  public boolean isNamedEntity() {
    return ner != null && !ner.equals("O");
  }
}
