package io.plusk.common.linking;

import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every way the ontology names a topic, keyed for lookup: word sequences (lower case, single spaces), compact forms
 * for hashtags ("minnesotatwins"), and @handles. Under one key, one {@link Entry} per topic gathers what the
 * ontology says of that name for it: a hand-written alias (perhaps ambiguous, perhaps capitalised) and the link
 * priors of its data-derived forms, case kept ("Twins" 0.47, but no "twins").
 */
public final class AliasIndex {
  /**
   * A topic reachable through a key. {@code hand}: topics.tsv lists the name; {@code ambiguous}: marked {@code ~};
   * {@code capitalised}: the hand-written alias has a capital (a name: "Twins", not "twins"). {@code priors}: the
   * data-derived forms of this key for the topic, exact form → P(topic | form); {@code origin}: the strongest
   * origin among them (ENTITY when the topic only lists the name among its entities'), HAND when there are none.
   */
  public record Entry(String topicId, boolean hand, boolean ambiguous, boolean capitalised, Alias.Origin origin,
                      Map<String, Double> priors) {
    public boolean hasData() {
      return !priors.isEmpty();
    }

    /** A name the topic holds only because Klout listed an entity of that name under it. */
    public boolean entityOnly() {
      return !hand && origin == Alias.Origin.ENTITY;
    }

    /** The highest prior among forms with a capital / all in lower case (NaN when there is none). */
    double bestPrior(boolean withCapital) {
      double best = Double.NaN;
      for (Map.Entry<String, Double> p : priors.entrySet()) {
        if (hasUpperCase(p.getKey()) == withCapital && !(p.getValue() <= best)) {
          best = p.getValue();
        }
      }
      return best;
    }

    /**
     * The highest prior among forms with a capital that could be written as {@code written}: an acronym ("IT",
     * "SAT") is not the word written with a capital ("It", "Sat"); NaN when there is none.
     */
    double bestCapitalisedPriorFor(String written) {
      boolean writtenAcronym = isAcronym(written);
      double best = Double.NaN;
      for (Map.Entry<String, Double> p : priors.entrySet()) {
        String form = p.getKey();
        if (hasUpperCase(form) && (writtenAcronym || !isAcronym(form)) && !(p.getValue() <= best)) {
          best = p.getValue();
        }
      }
      return best;
    }

    double bestPrior() {
      double best = Double.NaN;
      for (double p : priors.values()) {
        if (!(p <= best)) {
          best = p;
        }
      }
      return best;
    }
  }

  private final Map<String, List<Entry>> words = new HashMap<>();
  private final Map<String, List<Entry>> compact = new HashMap<>();
  private final Map<String, List<Entry>> handles = new HashMap<>();
  private final Set<String> firstWords = new HashSet<>();
  private final Map<String, Double> otherSenses;
  private int maxTokens = 1;

  public AliasIndex(Ontology ontology) {
    this.otherSenses = ontology.otherSensePriors();
    for (Topic t : ontology.topics()) {
      // The display name is a name of the topic: from data where the ontology has surface forms, else as written.
      boolean nameKnown = t.aliases().stream().anyMatch(a -> a.kind() == Alias.Kind.WORDS
          && (a.origin() == Alias.Origin.NAME || a.origin() == Alias.Origin.HAND
              && a.normalized().equals(normalize(t.name()))));
      if (!nameKnown) {
        addWords(t.name(), t.id(), new Alias(t.name(), Alias.Kind.WORDS, false));
      }
      for (Alias a : t.aliases()) {
        switch (a.kind()) {
          case WORDS -> addWords(a.text(), t.id(), a);
          case HASHTAG -> add(compact, compactKey(a.text()), t.id(), a);
          case HANDLE -> add(handles, a.normalized(), t.id(), a);
        }
      }
    }
    freeze(words);
    freeze(compact);
    freeze(handles);
  }

  private void addWords(String text, String topicId, Alias alias) {
    String key = normalize(text);
    if (key.isEmpty()) {
      return;
    }
    add(words, key, topicId, alias);
    add(compact, compactKey(text), topicId, alias);
    firstWords.add(key.split(" ", 2)[0]);
    maxTokens = Math.max(maxTokens, key.split(" ").length);
  }

  private static void add(Map<String, List<Entry>> map, String key, String topicId, Alias a) {
    if (key.isEmpty()) {
      return;
    }
    List<Entry> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
    int at = -1;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).topicId().equals(topicId)) {
        at = i;
      }
    }
    Entry old = at >= 0 ? list.get(at) : new Entry(topicId, false, false, false, Alias.Origin.HAND, Map.of());
    Entry merged;
    if (a.origin() == Alias.Origin.HAND) {
      boolean capitalised = hasUpperCase(a.text());
      // An unambiguous hand alias of a topic wins over an ambiguous one with the same text.
      boolean ambiguous = old.hand() ? old.ambiguous() && a.ambiguous() : a.ambiguous();
      merged = new Entry(topicId, true, ambiguous, old.hand() ? old.capitalised() || capitalised : capitalised,
          old.origin(), old.priors());
    } else {
      Map<String, Double> priors = new HashMap<>(old.priors());
      priors.merge(a.kind() == Alias.Kind.WORDS ? a.text().replaceAll("\\s+", " ").strip() : a.text(), a.prior(),
          Math::max);
      Alias.Origin origin = old.priors().isEmpty() || a.origin().ordinal() < old.origin().ordinal() ? a.origin()
          : old.origin();
      merged = new Entry(topicId, old.hand(), old.ambiguous(), old.capitalised(), origin, priors);
    }
    if (at >= 0) {
      list.set(at, merged);
    } else {
      list.add(merged);
    }
  }

  private static void freeze(Map<String, List<Entry>> map) {
    map.replaceAll((k, list) -> {
      List<Entry> frozen = new ArrayList<>(list.size());
      for (Entry e : list) {
        frozen.add(new Entry(e.topicId(), e.hand(), e.ambiguous(), e.capitalised(), e.origin(),
            e.priors().isEmpty() ? Map.of() : Map.copyOf(e.priors())));
      }
      return Collections.unmodifiableList(frozen);
    });
  }

  /** Two or more letters, all capitals ("IBM", "NFL"). */
  static boolean isAcronym(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }

  static boolean hasUpperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /** Lower case, runs of whitespace as one space, no whitespace at the ends: the key of word aliases. */
  public static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    // Called for every n-gram of every post: most are keys already (words joined by single spaces), no regex then.
    return isKey(lower) ? lower : WHITESPACE.matcher(lower).replaceAll(" ").strip();
  }

  private static boolean isKey(String s) {
    int n = s.length();
    if (n > 0 && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1)))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c) && (c != ' ' || isRegexSpace(s.charAt(i + 1)))) {
        return false;
      }
    }
    return true;
  }

  /** What the regex {@code \s} matches. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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

  /** The prior of the most common meaning of this exact form when that meaning is no topic; NaN when none. */
  public double otherSensePrior(String exactForm) {
    Double p = otherSenses.get(exactForm);
    return p == null ? Double.NaN : p;
  }

  /** Whether some word alias starts with this (lower-case) word. */
  public boolean startsAnAlias(String word) {
    return firstWords.contains(word);
  }

  public int maxTokens() {
    return maxTokens;
  }
}
