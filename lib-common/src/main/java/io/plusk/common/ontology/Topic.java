package io.plusk.common.ontology;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A node of the topic DAG. {@code parentIds} is empty for top-level ("super") topics. {@code contextWords} are
 * lower-case lemmas that, found near an ambiguous alias, speak for this topic.
 */
public record Topic(
    String id, String slug, String name, List<String> parentIds, List<Alias> aliases, Set<String> contextWords)
    implements Serializable {
  public Topic {
    parentIds = List.copyOf(parentIds);
    aliases = List.copyOf(aliases);
    // Insertion order, not Set.copyOf: its iteration order changes from JVM to JVM, and evidence terms follow it.
    contextWords = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(contextWords));
  }
}
