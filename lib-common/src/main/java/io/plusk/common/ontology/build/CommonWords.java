package io.plusk.common.ontology.build;

import io.plusk.common.nlp.TaggerLexicon;
import java.util.Locale;

/**
 * How often a word occurs in the text CoreNLP's English POS tagger was trained on (newswire): a word seen there in
 * lower case is an ordinary English word ("faith", "energy", "watch"), one never seen is a name or newer coinage
 * ("xbox", "minecraft", "netflix"). The anchor-text dictionary cannot tell them apart (people link "faith" when they
 * mean the article on faith, but mostly write it without meaning a topic), so the importer lowers the priors of
 * ordinary words. Import time only ({@link TaggerLexicon}).
 */
public final class CommonWords {
  private final TaggerLexicon lexicon = TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL);

  /** Occurrences of the word, exactly as written, in the training text. */
  public int count(String word) {
    return lexicon.count(word);
  }

  /** A single lower-case word seen at least {@code min} times in the training text. */
  public boolean isOrdinaryWord(String form, int min) {
    return form.indexOf(' ') < 0 && form.equals(form.toLowerCase(Locale.ROOT)) && count(form) >= min;
  }
}
