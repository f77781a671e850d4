package io.plusk.common.ontology;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A node of the topic DAG. {@code parentIds} is empty for top-level ("super") topics. {@code contextWords} are
 * lower-case lemmas that, found near an ambiguous alias, speak for this topic. {@code kind} tells subjects (what a
 * person can be expert in) from everyday conversation topics, which label posts but are not expertise.
 * {@code wikidataId} is Klout's Wikidata item (empty for topics plusk added).
 */
public record Topic(
    String id, String slug, String name, List<String> parentIds, List<Alias> aliases, Set<String> contextWords,
    Kind kind, String wikidataId)
    implements Serializable {
  public enum Kind { SUBJECT, EVERYDAY }

  public Topic {
    parentIds = List.copyOf(parentIds);
    aliases = List.copyOf(aliases);
    // Insertion order, not Set.copyOf: its iteration order changes from JVM to JVM, and evidence terms follow it.
    contextWords = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(contextWords));
    kind = kind == null ? Kind.SUBJECT : kind;
    wikidataId = wikidataId == null ? "" : wikidataId;
  }

  public Topic(String id, String slug, String name, List<String> parentIds, List<Alias> aliases,
               Set<String> contextWords) {
    this(id, slug, name, parentIds, aliases, contextWords, Kind.SUBJECT, "");
  }

  public boolean everyday() {
    return kind == Kind.EVERYDAY;
  }

  public Topic withAliases(List<Alias> newAliases) {
    return new Topic(id, slug, name, parentIds, newAliases, contextWords, kind, wikidataId);
  }
}
