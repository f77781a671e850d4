package io.plusk.common.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds topics by what a person types: a slug, an id, a display name, or any name the topic is known by (its
 * aliases and surface forms: "twins" finds Minnesota Twins and Twins and Multiples). Ranked by how well the text
 * matches, best first: exact, prefix, all words, then close spellings; within a kind of match, names the text most
 * often means (the surface form's link prior) and names over aliases. Used by {@code plusk topics find} and for the
 * "did you mean" of every {@code --topic}.
 */
public final class TopicFinder {
  /** How a topic matched, best first. */
  public enum How { EXACT, PREFIX, WORDS, SPELLING }

  /** A found topic: how it matched, through which name, and how strongly that name means it (0-1). */
  public record Found(Topic topic, How how, String matchedName, double strength) {}

  /** One way to name a topic, keyed once: lower case, punctuation as spaces. */
  private record Name(Topic topic, String text, String key, Set<String> words, double strength, boolean own) {}

  private final Ontology ontology;
  private final List<Name> names = new ArrayList<>();

  public TopicFinder(Ontology ontology) {
    this.ontology = ontology;
    for (Topic t : ontology.topics()) {
      add(t, t.id(), 1.0, true);
      add(t, t.slug(), 1.0, true);
      add(t, t.name(), 1.0, true);
      for (Alias a : t.aliases()) {
        // An alias that names the topic only through one of Klout's entities is a weak way to find it.
        add(t, a.text(), a.origin() == Alias.Origin.ENTITY ? 0.1 : a.hasPrior() ? a.prior() : a.ambiguous() ? 0.3
            : 0.8, false);
      }
    }
  }

  private void add(Topic t, String text, double strength, boolean own) {
    String k = key(text);
    if (!k.isEmpty()) {
      names.add(new Name(t, text, k, Set.copyOf(List.of(k.split(" "))), strength, own));
    }
  }

  public List<Found> find(String text, int limit) {
    String query = key(text.strip().replaceFirst("^[#@]", ""));
    if (query.isEmpty() || limit <= 0) {
      return List.of();
    }
    Set<String> queryWords = Set.copyOf(List.of(query.split(" ")));
    int maxDistance = Math.max(1, query.length() / 4);
    Map<String, Found> best = new HashMap<>();
    for (Name n : names) {
      How how = how(n, query, queryWords, maxDistance);
      if (how != null) {
        // Own names (id, slug, display name) count fully; within one kind of match the stronger name wins.
        Found candidate = new Found(n.topic(), how, n.text(), n.own() ? 1.0 : n.strength());
        best.merge(n.topic().id(), candidate, TopicFinder::better);
      }
    }
    List<Found> out = new ArrayList<>(best.values());
    out.sort(Comparator.comparing(Found::how)
        .thenComparing(Comparator.comparingDouble(Found::strength).reversed())
        .thenComparingInt(f -> ontology.level(f.topic().id()))
        .thenComparing(f -> f.topic().slug()));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private static How how(Name n, String query, Set<String> queryWords, int maxDistance) {
    String k = n.key();
    if (k.equals(query)) {
      return How.EXACT;
    }
    if (k.startsWith(query)) {
      return How.PREFIX;
    }
    if (n.words().containsAll(queryWords)) {
      return How.WORDS;
    }
    // Spelling only against a topic's own names: aliases are too many and too short to be near misses of.
    if (n.own() && Math.abs(k.length() - query.length()) <= maxDistance
        && Ontology.editDistance(query, k) <= maxDistance) {
      return How.SPELLING;
    }
    return null;
  }

  private static Found better(Found a, Found b) {
    int byHow = a.how().compareTo(b.how());
    return byHow < 0 ? a : byHow > 0 ? b : a.strength() >= b.strength() ? a : b;
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The topic's path from its super-topic down ("Sports and Recreation > Sports > Baseball > Minnesota Twins"). */
  public String path(Topic t) {
    List<String> names = new ArrayList<>();
    Topic at = t;
    for (int guard = 0; at != null && guard < 32; guard++) {
      names.add(0, at.name());
      // The first parent on the shortest way up: the path a person reads, one of several in a DAG.
      String up = null;
      int level = Integer.MAX_VALUE;
      for (String p : at.parentIds()) {
        int l = ontology.level(p);
        if (l < level) {
          level = l;
          up = p;
        }
      }
      at = up == null ? null : ontology.byId(up).orElse(null);
    }
    return String.join(" > ", names);
  }
}
