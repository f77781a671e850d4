package io.plusk.jobs.stage;

import io.plusk.common.config.PluskConfig.LinkingSettings;
import io.plusk.common.linking.TopicLinker;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.nlp.MemoizingAnnotator;
import io.plusk.common.ontology.Ontology;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TopicLinker} per executor JVM and configuration, built on first use: the alias index and the CoreNLP
 * pipeline behind it are too costly to build per task or per partition.
 */
final class Linkers {
  private static final Map<String, TopicLinker> LINKERS = new ConcurrentHashMap<>();

  private Linkers() {}

  static TopicLinker get(Ontology ontology, LinkingSettings settings) {
    String key = ontology.source() + "#" + ontology.size() + "#" + settings.hashCode();
    return LINKERS.computeIfAbsent(key, k -> new TopicLinker(ontology,
        MemoizingAnnotator.wrap(new CoreNlpAnnotator(settings.annotators(), settings.nerModel()),
            settings.annotationCacheEntries()), settings));
  }
}
