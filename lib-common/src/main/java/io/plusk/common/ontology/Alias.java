package io.plusk.common.ontology;

import java.io.Serializable;
import java.util.Locale;

/**
 * One way a topic is named in text. {@code ambiguous} aliases ("twins", "apple") are common words or names shared
 * by several topics: they link only when the post's context supports the topic.
 */
public record Alias(String text, Kind kind, boolean ambiguous) implements Serializable {
  public enum Kind { WORDS, HASHTAG, HANDLE }

  /** Parses the ontology notation: {@code ~} prefix marks an ambiguous alias, {@code #tag} and {@code @handle}. */
  public static Alias parse(String raw) {
    String s = raw.strip();
    boolean ambiguous = s.startsWith("~");
    if (ambiguous) {
      s = s.substring(1).strip();
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Empty alias in '" + raw + "'");
    }
    Kind kind = s.startsWith("#") ? Kind.HASHTAG : s.startsWith("@") ? Kind.HANDLE : Kind.WORDS;
    String text = kind == Kind.WORDS ? s : s.substring(1);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Empty hashtag or handle alias in '" + raw + "'");
    }
    return new Alias(text, kind, ambiguous);
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
