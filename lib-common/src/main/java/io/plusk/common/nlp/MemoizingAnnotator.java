package io.plusk.common.nlp;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annotates each distinct text once: the same words posted again (copy-paste, bots, quotes of a headline) reuse
 * the tokens of the first time. Bounded (least recently used out), shared by the task threads of one executor JVM;
 * two threads may annotate the same new text at once, which costs time but never changes a result.
 */
public final class MemoizingAnnotator implements TextAnnotator {
  private final TextAnnotator delegate;
  private final Map<Key, List<AnnotatedToken>> recent;
  private long hits;
  private long misses;

  public MemoizingAnnotator(TextAnnotator delegate, int maxEntries) {
    this.delegate = delegate;
    this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, List<AnnotatedToken>> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** Wraps the annotator unless memoizing is off ({@code maxEntries <= 0}). */
  public static TextAnnotator wrap(TextAnnotator delegate, int maxEntries) {
    return maxEntries <= 0 ? delegate : new MemoizingAnnotator(delegate, maxEntries);
  }

  private record Key(String text, AnnotationLevel level, BitSet askedTokens) {}

  @Override
  public List<AnnotatedToken> annotate(String text, AnnotationLevel level) {
    return annotate(text, level, null);
  }

  @Override
  public List<AnnotatedToken> annotate(String text, AnnotationLevel level, BitSet askedTokens) {
    Key key = new Key(text, level, askedTokens == null ? null : (BitSet) askedTokens.clone());
    synchronized (recent) {
      List<AnnotatedToken> known = recent.get(key);
      if (known != null) {
        hits++;
        return known;
      }
      misses++;
    }
    List<AnnotatedToken> tokens = List.copyOf(delegate.annotate(text, level, askedTokens));
    synchronized (recent) {
      recent.put(key, tokens);
    }
    return tokens;
  }

  /** Forgets every remembered text (a benchmark that times annotation again in a warm JVM). */
  public void forget() {
    synchronized (recent) {
      recent.clear();
    }
  }

  /** Texts served from memory, and texts annotated. */
  public long[] hitsAndMisses() {
    synchronized (recent) {
      return new long[] {hits, misses};
    }
  }
}
