package io.plusk.common.ontology;

import java.io.Serializable;
import java.util.Locale;

/**
 * One way a topic is named in text. {@code ambiguous} aliases ("twins", "apple") are common words or names shared
 * by several topics: they link only when the post's context supports the topic. {@code prior} is the link prior
 * (commonness): how often this exact form, written in this case, means this topic; {@code NaN} for hand-written
 * aliases, which carry no measured prior. {@code origin} says where the alias came from.
 */
public record Alias(String text, Kind kind, boolean ambiguous, double prior, Origin origin) implements Serializable {
  public enum Kind { WORDS, HASHTAG, HANDLE }

  /**
   * HAND: written in topics.tsv; NAME: the topic's display name; WIKI: an anchor text of the topic's Wikipedia
   * article (CoreNLP's wikidict); GENERATED: derived from the name (surname, short team name, handle); ENTITY: the
   * name of an entity that Klout labelled as belonging to the topic (evidence for the broader topic, not a sense).
   */
  public enum Origin { HAND, NAME, WIKI, GENERATED, ENTITY }

  public Alias(String text, Kind kind, boolean ambiguous) {
    this(text, kind, ambiguous, Double.NaN, Origin.HAND);
  }

  public boolean hasPrior() {
    return !Double.isNaN(prior);
  }

  /** Parses the ontology notation: {@code ~} prefix marks an ambiguous alias, {@code #tag} and {@code @handle}. */
  public static Alias parse(String raw) {
    return parse(raw, Double.NaN, Origin.HAND);
  }

  /** As {@link #parse(String)}, for a generated surface form with its prior. */
  public static Alias parse(String raw, double prior, Origin origin) {
    String s = raw.strip();
    boolean ambiguous = s.startsWith("~");
    if (ambiguous) {
      s = s.substring(1).strip();
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Empty alias in '" + raw + "'");
    }
    Kind kind = s.startsWith("#") && s.length() > 1 ? Kind.HASHTAG
        : s.startsWith("@") && s.length() > 1 ? Kind.HANDLE : Kind.WORDS;
    String text = kind == Kind.WORDS ? s : s.substring(1);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Empty hashtag or handle alias in '" + raw + "'");
    }
    return new Alias(text, kind, ambiguous, prior, origin);
  }

  /** Lower-cased with whitespace collapsed: the key used by the alias index. */
  public String normalized() {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  @Override
  public String toString() {
    return (ambiguous ? "~" : "") + (kind == Kind.HASHTAG ? "#" : kind == Kind.HANDLE ? "@" : "") + text;
  }
}
