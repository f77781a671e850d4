package io.plusk.common.ontology;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An immutable topic DAG with lookups by id, slug and display name. Build it with {@link OntologyFormat}. */
public final class Ontology implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final Map<String, Topic> byId;
  private final Map<String, Topic> bySlug;
  private final Map<String, Topic> byLowerName;
  private final Map<String, List<String>> childrenIds;
  private final Map<String, Integer> levels;
  private final Map<String, String> legacySlugs;
  private final Map<String, Double> otherSensePriors;

  Ontology(String source, List<Topic> topics) {
    this(source, topics, Map.of(), Map.of());
  }

  /**
   * @param legacySlugs      slugs of an earlier ontology → today's slug, so old dumps and saved names resolve
   * @param otherSensePriors exact forms whose most common meaning is no topic, with that meaning's prior
   */
  Ontology(String source, List<Topic> topics, Map<String, String> legacySlugs, Map<String, Double> otherSensePriors) {
    this.source = source;
    this.legacySlugs = Map.copyOf(legacySlugs);
    this.otherSensePriors = new HashMap<>(otherSensePriors);
    this.byId = new LinkedHashMap<>();
    this.bySlug = new HashMap<>();
    this.byLowerName = new HashMap<>();
    this.childrenIds = new HashMap<>();
    for (Topic t : topics) {
      byId.put(t.id(), t);
      bySlug.put(t.slug(), t);
      byLowerName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t);
    }
    for (Topic t : topics) {
      for (String p : t.parentIds()) {
        childrenIds.computeIfAbsent(p, k -> new ArrayList<>()).add(t.id());
      }
    }
    this.levels = computeLevels();
  }

  private Map<String, Integer> computeLevels() {
    Map<String, Integer> result = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (Topic t : byId.values()) {
      if (t.parentIds().isEmpty()) {
        result.put(t.id(), 1);
        queue.add(t.id());
      }
    }
    while (!queue.isEmpty()) {
      String id = queue.poll();
      int next = result.get(id) + 1;
      for (String child : childrenIds.getOrDefault(id, List.of())) {
        if (!result.containsKey(child)) {
          result.put(child, next);
          queue.add(child);
        }
      }
    }
    return result;
  }

  public String source() {
    return source;
  }

  public Collection<Topic> topics() {
    return Collections.unmodifiableCollection(byId.values());
  }

  public int size() {
    return byId.size();
  }

  public Optional<Topic> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Topic> bySlug(String slug) {
    return Optional.ofNullable(bySlug.get(slug));
  }

  /** Resolves what a user or a dump calls a topic: an id, a slug or a display name (case-insensitive). */
  public Optional<Topic> resolve(String idSlugOrName) {
    if (idSlugOrName == null) {
      return Optional.empty();
    }
    String s = idSlugOrName.strip();
    Topic t = byId.get(s);
    if (t == null) {
      t = bySlug.get(s.toLowerCase(Locale.ROOT));
    }
    if (t == null) {
      t = byLowerName.get(s.toLowerCase(Locale.ROOT));
    }
    if (t == null) {
      String renamed = legacySlugs.get(s.toLowerCase(Locale.ROOT));
      t = renamed == null ? null : bySlug.get(renamed);
    }
    return Optional.ofNullable(t);
  }

  /** Forms (exact case) whose most common meaning is no topic of this ontology, with that meaning's prior. */
  public Map<String, Double> otherSensePriors() {
    return Collections.unmodifiableMap(otherSensePriors);
  }

  /** Slugs of the earlier default ontology and what they are called now (docs/ontology.md). */
  public Map<String, String> legacySlugs() {
    return legacySlugs;
  }

  public Topic require(String idSlugOrName) {
    return resolve(idSlugOrName)
        .orElseThrow(() -> new IllegalArgumentException(
            String.format("Unknown topic '%s' in ontology %s", idSlugOrName, source)));
  }

  /** Depth from the top: super-topics are level 1, their children level 2; the shortest path wins in the DAG. */
  public int level(String topicId) {
    return levels.getOrDefault(topicId, 0);
  }

  public List<String> childrenOf(String topicId) {
    return childrenIds.getOrDefault(topicId, List.of());
  }

  /** A topic and every topic below it. */
  public java.util.Set<String> selfAndDescendants(String topicId) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(topicId));
    while (!queue.isEmpty()) {
      String id = queue.poll();
      if (out.add(id)) {
        queue.addAll(childrenOf(id));
      }
    }
    return out;
  }

  /** Every ancestor of a topic with its shortest distance (parents are 1), in breadth-first order. */
  public Map<String, Integer> ancestors(String topicId) {
    Map<String, Integer> result = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(topicId);
    Map<String, Integer> dist = new HashMap<>();
    dist.put(topicId, 0);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      Topic t = byId.get(id);
      if (t == null) {
        continue;
      }
      for (String p : t.parentIds()) {
        if (!dist.containsKey(p)) {
          dist.put(p, dist.get(id) + 1);
          result.put(p, dist.get(p));
          queue.add(p);
        }
      }
    }
    return result;
  }

  private transient TopicFinder finder;

  /** The topic finder of this ontology, built on first use (it keys every name once). */
  public synchronized TopicFinder finder() {
    if (finder == null) {
      finder = new TopicFinder(this);
    }
    return finder;
  }

  /**
   * Topics closest to the given text, for "did you mean" messages: what {@link TopicFinder} finds (names, aliases,
   * prefixes, words, close spellings), else the slugs and names nearest by edit distance.
   */
  public List<Topic> closest(String text, int limit) {
    List<Topic> found = finder().find(text, limit).stream().map(TopicFinder.Found::topic).toList();
    if (!found.isEmpty()) {
      return found;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    return byId.values().stream()
        .sorted(Comparator.comparingInt((Topic t) -> Math.min(
                editDistance(needle, t.slug()), editDistance(needle, t.name().toLowerCase(Locale.ROOT))))
            .thenComparing(Topic::slug))
        .limit(limit)
        .toList();
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }
}
