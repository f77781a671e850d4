package io.plusk.common.linking;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cheap look at a post before CoreNLP: can any alias, hashtag or @handle of the ontology match it at all? Posts
 * that cannot link to anything skip the annotators (tokenizer, POS tagger, lemmatiser, NER), which is most of the
 * link stage's time. The scan over-approximates what CoreNLP could produce: every whitespace chunk, the chunk
 * without surrounding punctuation, its pieces split at punctuation, and each of those lemmatised under every
 * inflecting part-of-speech tag ({@link Lemmas}). It may let through a
 * post that then links nothing; it never stops one that would link ({@code CandidateScanTest} checks this on the
 * dev set).
 */
final class CandidateScan {
  private static final Pattern CHUNKS = Pattern.compile("\\s+");
  private static final Pattern SPLIT_ALL = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SPLIT_KEEP_JOINERS = Pattern.compile("[^\\p{L}\\p{N}&+.'\\-]+");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\p{IsPunctuation}]+|[\\p{Punct}"
      + "\\p{IsPunctuation}]+$");

  private CandidateScan() {}

  static boolean mayLink(AliasIndex index, CleanText clean, Collection<String> extraHashtags) {
    for (String tag : clean.hashtags()) {
      if (!index.hashtag(tag).isEmpty()) {
        return true;
      }
    }
    if (extraHashtags != null) {
      for (String tag : extraHashtags) {
        if (!index.hashtag(tag).isEmpty()) {
          return true;
        }
      }
    }
    for (String handle : clean.handles()) {
      if (!index.handle(handle).isEmpty()) {
        return true;
      }
    }
    // Exact words first (hash lookups), inflected forms only when no word matched as it stands.
    java.util.List<String> words = words(clean.nlpText());
    for (String word : words) {
      if (index.startsAnAlias(word)) {
        return true;
      }
    }
    for (String word : words) {
      if (lemmaStartsAnAlias(index, word)) {
        return true;
      }
    }
    return false;
  }

  /** Every form CoreNLP's tokenizer could cut from the text, lower case. */
  private static java.util.List<String> words(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String chunk : CHUNKS.split(text.toLowerCase(Locale.ROOT))) {
      if (chunk.isEmpty()) {
        continue;
      }
      out.add(chunk);
      out.add(EDGE_PUNCTUATION.matcher(chunk).replaceAll(""));
      java.util.Collections.addAll(out, SPLIT_ALL.split(chunk));
      java.util.Collections.addAll(out, SPLIT_KEEP_JOINERS.split(chunk));
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  private static boolean lemmaStartsAnAlias(AliasIndex index, String word) {
    for (String lemma : Lemmas.possible(word)) {
      if (index.startsAnAlias(lemma)) {
        return true;
      }
    }
    return false;
  }
}
