package io.plusk.common.nlp;

import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tags CoreNLP's English POS tagger saw each word with in its training text (newswire): "concert" was always a
 * noun, "it" always a pronoun, "watch" both a noun and a verb. The importer uses the counts to tell ordinary English
 * words from names; the linker uses them to know a word's part of speech without running the tagger where the
 * training text leaves no doubt ({@link #unambiguousTag}). The lexicon is read through the tagger's package-private
 * dictionary, once per JVM and model; the tagger itself is kept for the pipeline that tags ({@link CoreNlpModels}), so
 * the model file is read once.
 */
public final class TaggerLexicon {
  public static final String DEFAULT_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  private static final Logger LOG = LoggerFactory.getLogger(TaggerLexicon.class);
  private static final Map<String, TaggerLexicon> BY_MODEL = new ConcurrentHashMap<>();

  /** Fewer occurrences than this in the training text say too little about a word's usual part of speech. */
  static final int MIN_OCCURRENCES = 20;
  /** The share of a word's occurrences in one word class (noun, verb, other) that leaves no doubt. */
  static final double UNAMBIGUOUS_SHARE = 0.98;
  /** Cached "no unambiguous tag" (a map cannot hold null). */
  private static final String UNDECIDED = "";

  private final MaxentTagger tagger;
  private final Object dictionary;
  private final Method sum;
  private final Method tags;
  private final Method count;
  private final Map<String, String> decidedTags = new ConcurrentHashMap<>();
  private final Map<String, String> decidedLemmas = new ConcurrentHashMap<>();
  private static final ThreadLocal<Morphology> MORPHOLOGY = ThreadLocal.withInitial(Morphology::new);

  private TaggerLexicon(String model) {
    long start = System.nanoTime();
    try {
      this.tagger = new MaxentTagger(model);
      Field dict = MaxentTagger.class.getDeclaredField("dict");
      dict.setAccessible(true);
      this.dictionary = dict.get(tagger);
      this.sum = accessible(dictionary.getClass().getDeclaredMethod("sum", String.class));
      this.tags = accessible(dictionary.getClass().getDeclaredMethod("getTags", String.class));
      this.count = accessible(dictionary.getClass().getDeclaredMethod("getCount", String.class, String.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the POS tagger's lexicon (" + model + "): " + e, e);
    }
    LOG.info("POS tagger lexicon of {} read in {} ms", model, (System.nanoTime() - start) / 1_000_000);
  }

  private static Method accessible(Method m) {
    m.setAccessible(true);
    return m;
  }

  /** The lexicon of a tagger model, read on first use and shared by everything in this JVM. */
  public static TaggerLexicon of(String model) {
    return BY_MODEL.computeIfAbsent(model, TaggerLexicon::new);
  }

  /** The tagger whose lexicon this is. */
  public MaxentTagger tagger() {
    return tagger;
  }

  /** Occurrences of the word, exactly as written, in the tagger's training text. */
  public int count(String word) {
    try {
      return (Integer) sum.invoke(dictionary, word);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Seen this often in lower case, a word is an ordinary English word, not a name. */
  static final int ORDINARY_WORD_MIN_OCCURRENCES = 5;

  /**
   * A single lower-case word seen at least {@value #ORDINARY_WORD_MIN_OCCURRENCES} times in the training text: an
   * ordinary English word ("faith", "president"), where one never seen is a name or newer coinage ("xbox", "cam").
   */
  public boolean isOrdinaryWord(String form) {
    return form.indexOf(' ') < 0 && form.equals(form.toLowerCase(Locale.ROOT))
        && count(form) >= ORDINARY_WORD_MIN_OCCURRENCES;
  }

  /**
   * The word's most frequent tag when the training text leaves no doubt about its word class: seen at least
   * {@value #MIN_OCCURRENCES} times as written, and at least {@value #UNAMBIGUOUS_SHARE} of those as a noun, or as
   * a verb, or as neither. Null otherwise (a word the tagger must judge in its sentence).
   */
  public String unambiguousTag(String word) {
    return remembered(decidedTags, word, this::tagOf);
  }

  /**
   * The lemma CoreNLP's lemmatiser gives the word under the tags the training text saw it with, when at least
   * {@value #UNAMBIGUOUS_SHARE} of its (at least {@value #MIN_OCCURRENCES}) occurrences give that one lemma ("games"
   * game, "the" the, "watching" watch where it was almost always a verb); null otherwise. The lemma is what the
   * full pipeline's lemma annotator computes from the tag, without running the tagger.
   */
  public String unambiguousLemma(String word) {
    return remembered(decidedLemmas, word, this::lemmaOf);
  }

  /** A decision about a word seen {@code total} (at least {@value #MIN_OCCURRENCES}) times: a value or UNDECIDED. */
  @FunctionalInterface
  private interface Decision {
    String decide(String word, int total) throws ReflectiveOperationException;
  }

  private String remembered(Map<String, String> memo, String word, Decision decision) {
    String known = memo.get(word);
    if (known == null) {
      int total = count(word);
      if (total == 0) {
        // Only words of the lexicon are remembered: a day of tweets has millions of words it never saw.
        return null;
      }
      try {
        known = total < MIN_OCCURRENCES ? UNDECIDED : decision.decide(word, total);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      memo.put(word, known);
    }
    return known.isEmpty() ? null : known;
  }

  private String lemmaOf(String word, int total) throws ReflectiveOperationException {
    Map<String, Integer> byLemma = new HashMap<>();
    Map<String, String> asWritten = new HashMap<>();
    Morphology morphology = MORPHOLOGY.get();
    for (String tag : (String[]) tags.invoke(dictionary, word)) {
      String lemma = morphology.lemma(word, tag);
      String key = lemma.toLowerCase(Locale.ROOT);
      byLemma.merge(key, (Integer) count.invoke(dictionary, word, tag), Integer::sum);
      asWritten.putIfAbsent(key, lemma);
    }
    return byLemma.entrySet().stream().filter(e -> e.getValue() >= UNAMBIGUOUS_SHARE * total)
        .map(e -> asWritten.get(e.getKey())).findFirst().orElse(UNDECIDED);
  }

  private String tagOf(String word, int total) throws ReflectiveOperationException {
    int nouns = 0;
    int verbs = 0;
    String top = null;
    int topCount = 0;
    for (String tag : (String[]) tags.invoke(dictionary, word)) {
      int c = (Integer) count.invoke(dictionary, word, tag);
      if (tag.startsWith("NN")) {
        nouns += c;
      } else if (tag.startsWith("VB")) {
        verbs += c;
      }
      if (c > topCount) {
        topCount = c;
        top = tag;
      }
    }
    int others = total - nouns - verbs;
    int classCount = top == null ? 0 : top.startsWith("NN") ? nouns : top.startsWith("VB") ? verbs : others;
    return top != null && classCount >= UNAMBIGUOUS_SHARE * total ? top : UNDECIDED;
  }
}
