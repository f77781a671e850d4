package io.plusk.common.evaluation;

import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps ontology topics to an evaluation taxonomy (TweetTopic's 19 labels). File format: {@code slug<TAB>labels},
 * labels separated by {@code |}, {@code -} for "no label". A topic without an entry takes the labels of the nearest
 * mapped ancestor on each of its parents' lines, so mapping the super-topics covers the whole ontology.
 */
public final class LabelMapping {
  private final Map<String, Set<String>> bySlug;

  private LabelMapping(Map<String, Set<String>> bySlug) {
    this.bySlug = bySlug;
  }

  public static LabelMapping read(Reader reader, String source) {
    Map<String, Set<String>> map = new HashMap<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 2) {
          throw new IllegalArgumentException(source + " line " + no + ": expected 'slug<TAB>labels'");
        }
        Set<String> labels = new LinkedHashSet<>();
        if (!cols[1].strip().equals("-")) {
          for (String l : cols[1].split("\\|")) {
            labels.add(l.strip());
          }
        }
        map.put(cols[0].strip(), labels);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LabelMapping(map);
  }

  /** An identity mapping for gold files labelled with topic slugs: a topic counts as itself and its ancestors. */
  public static LabelMapping slugs() {
    return new LabelMapping(null);
  }

  public Set<String> labels(Ontology ontology, String topicId) {
    Topic topic = ontology.byId(topicId).orElseThrow();
    if (bySlug == null) {
      Set<String> out = new LinkedHashSet<>();
      out.add(topic.slug());
      ontology.ancestors(topicId).keySet().forEach(a -> out.add(ontology.byId(a).orElseThrow().slug()));
      return out;
    }
    return mapped(ontology, topic, new HashMap<>());
  }

  /**
   * A topic's own labels, else those of each parent in turn: a topic filed under two parents (WWE under Technology
   * and Wrestling) is in both parents' categories, not only in the one whose mapped ancestor happens to be nearer.
   */
  private Set<String> mapped(Ontology ontology, Topic topic, Map<String, Set<String>> seen) {
    Set<String> own = bySlug.get(topic.slug());
    if (own != null) {
      return own;
    }
    Set<String> known = seen.get(topic.id());
    if (known != null) {
      return known;
    }
    Set<String> out = new LinkedHashSet<>();
    seen.put(topic.id(), out);
    for (String parent : topic.parentIds()) {
      ontology.byId(parent).ifPresent(p -> out.addAll(mapped(ontology, p, seen)));
    }
    return out;
  }

  /** Topics of the ontology that neither they nor any ancestor map: should be empty. */
  public List<String> unmapped(Ontology ontology) {
    if (bySlug == null) {
      return List.of();
    }
    return ontology.topics().stream()
        .filter(t -> !bySlug.containsKey(t.slug())
            && ontology.ancestors(t.id()).keySet().stream()
                .noneMatch(a -> bySlug.containsKey(ontology.byId(a).orElseThrow().slug())))
        .map(Topic::slug).toList();
  }
}
