package io.plusk.common.ontology.build;

import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * How often a word occurs in the text CoreNLP's English POS tagger was trained on (newswire): a word seen there in
 * lower case is an ordinary English word ("faith", "energy", "watch"), one never seen is a name or newer coinage
 * ("xbox", "minecraft", "netflix"). The anchor-text dictionary cannot tell them apart (people link "faith" when they
 * mean the article on faith, but mostly write it without meaning a topic), so the importer lowers the priors of
 * ordinary words. Import time only: the tagger's lexicon is read through its (package-private) dictionary.
 */
public final class CommonWords {
  public static final String TAGGER = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";

  private final Object dictionary;
  private final Method sum;

  public CommonWords() {
    try {
      MaxentTagger tagger = new MaxentTagger(TAGGER);
      Field dict = MaxentTagger.class.getDeclaredField("dict");
      dict.setAccessible(true);
      this.dictionary = dict.get(tagger);
      this.sum = dictionary.getClass().getDeclaredMethod("sum", String.class);
      sum.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the POS tagger's lexicon (" + TAGGER + "): " + e, e);
    }
  }

  /** Occurrences of the word, exactly as written, in the tagger's training text. */
  public int count(String word) {
    try {
      return (Integer) sum.invoke(dictionary, word);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A single lower-case word seen at least {@code min} times in the training text. */
  public boolean isOrdinaryWord(String form, int min) {
    return form.indexOf(' ') < 0 && form.equals(form.toLowerCase(Locale.ROOT)) && count(form) >= min;
  }
}
