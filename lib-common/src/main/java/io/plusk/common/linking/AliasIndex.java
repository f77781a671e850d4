package io.plusk.common.linking;

import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every way the ontology names a topic, keyed for lookup: word sequences (lower case, single spaces), compact forms
 * for hashtags ("minnesotatwins"), and @handles. A topic's display name is always one of its aliases.
 */
public final class AliasIndex {
  /**
   * A topic reachable through an alias; {@code ambiguous} when the ontology marked that alias with {@code ~};
   * {@code capitalised} when the ontology writes it with a capital (a name: "Twins", not "twins").
   */
  public record Entry(String topicId, boolean ambiguous, boolean capitalised) {
    public Entry(String topicId, boolean ambiguous) {
      this(topicId, ambiguous, false);
    }
  }

  private final Map<String, List<Entry>> words = new HashMap<>();
  private final Map<String, List<Entry>> compact = new HashMap<>();
  private final Map<String, List<Entry>> handles = new HashMap<>();
  private final java.util.Set<String> firstWords = new java.util.HashSet<>();
  private int maxTokens = 1;

  public AliasIndex(Ontology ontology) {
    for (Topic t : ontology.topics()) {
      // The display name is an alias too, unless the ontology lists the same words itself (perhaps as ambiguous).
      boolean nameListed = t.aliases().stream()
          .anyMatch(a -> a.kind() == Alias.Kind.WORDS && a.normalized().equals(normalize(t.name())));
      if (!nameListed) {
        addWords(t.name(), new Entry(t.id(), false));
      }
      for (Alias a : t.aliases()) {
        Entry e = new Entry(t.id(), a.ambiguous(), !a.text().equals(a.text().toLowerCase(Locale.ROOT)));
        switch (a.kind()) {
          case WORDS -> addWords(a.text(), e);
          case HASHTAG -> add(compact, compactKey(a.text()), e);
          case HANDLE -> add(handles, a.normalized(), e);
        }
      }
    }
  }

  private void addWords(String text, Entry e) {
    String key = normalize(text);
    if (key.isEmpty()) {
      return;
    }
    add(words, key, e);
    add(compact, compactKey(text), e);
    firstWords.add(key.split(" ", 2)[0]);
    maxTokens = Math.max(maxTokens, key.split(" ").length);
  }

  private static void add(Map<String, List<Entry>> map, String key, Entry e) {
    if (key.isEmpty()) {
      return;
    }
    List<Entry> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
    for (int i = 0; i < list.size(); i++) {
      Entry old = list.get(i);
      if (old.topicId().equals(e.topicId())) {
        // An unambiguous alias of a topic wins over an ambiguous one with the same text.
        if (old.ambiguous() && !e.ambiguous()) {
          list.set(i, e);
        }
        return;
      }
    }
    list.add(e);
  }

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  public static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    // Tokens rarely hold whitespace: skip the regex for them.
    for (int i = 0; i < lower.length(); i++) {
      if (Character.isWhitespace(lower.charAt(i))) {
        return WHITESPACE.matcher(lower).replaceAll(" ").strip();
      }
    }
    return lower;
  }

  public static String compactKey(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  public List<Entry> words(String normalizedKey) {
    return words.getOrDefault(normalizedKey, List.of());
  }

  public List<Entry> hashtag(String tag) {
    return compact.getOrDefault(compactKey(tag), List.of());
  }

  public List<Entry> handle(String handle) {
    return handles.getOrDefault(handle.toLowerCase(Locale.ROOT), List.of());
  }

  /** Whether some word alias starts with this (lower-case) word. */
  public boolean startsAnAlias(String word) {
    return firstWords.contains(word);
  }

  public int maxTokens() {
    return maxTokens;
  }
}
