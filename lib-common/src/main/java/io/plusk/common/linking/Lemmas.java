package io.plusk.common.linking;

import edu.stanford.nlp.process.Morphology;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What CoreNLP's lemmatiser could make of a word before the POS tagger has said which part of speech it is: its
 * lemma under every inflecting tag. {@code Morphology} is a lexer with no model (microseconds per word), so this
 * over-approximates the tagged lemma cheaply.
 */
final class Lemmas {
  /** Tags under which Morphology changes some word: inflections, and pronouns, modals, clitics ("me" → I). */
  private static final String[] INFLECTING_TAGS = {"NNS", "NNPS", "VB", "VBD", "VBG", "VBN", "VBZ", "VBP", "JJR",
      "JJS", "RB", "RBR", "RBS", "PRP", "PRP$", "MD", "TO", "DT"};
  private static final ThreadLocal<Morphology> MORPHOLOGY = ThreadLocal.withInitial(Morphology::new);
  /**
   * Words repeat (a Zipf vocabulary), and the lexer runs once per tag: most lookups are answered from here. Bounded
   * by emptying it when full, which costs a refill and never a wrong answer.
   */
  private static final int CACHE_ENTRIES = 200_000;
  private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

  private Lemmas() {}

  /** The lower-case lemmas the word could have under some tag, other than the word itself; often none. */
  static Set<String> possible(String word) {
    Set<String> known = CACHE.get(word);
    if (known != null) {
      return known;
    }
    if (CACHE.size() >= CACHE_ENTRIES) {
      CACHE.clear();
    }
    Set<String> lemmas = lemmatise(word);
    CACHE.put(word, lemmas);
    return lemmas;
  }

  private static Set<String> lemmatise(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    Set<String> out = null;
    Morphology morphology = MORPHOLOGY.get();
    for (String tag : INFLECTING_TAGS) {
      String lemma = morphology.lemma(word, tag);
      if (lemma == null) {
        continue;
      }
      lemma = lemma.toLowerCase(Locale.ROOT);
      if (!lemma.equals(lower)) {
        if (out == null) {
          out = new LinkedHashSet<>(2);
        }
        out.add(lemma);
      }
    }
    return out == null ? Set.of() : Collections.unmodifiableSet(out);
  }
}
