package io.plusk.jobs.stage;

import io.plusk.common.config.PluskConfig.LinkingSettings;
import io.plusk.common.linking.TopicLinker;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.nlp.MemoizingAnnotator;
import io.plusk.common.nlp.TextAnnotator;
import io.plusk.common.ontology.Ontology;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TopicLinker} per executor JVM and configuration, built on first use: the alias index and the CoreNLP
 * pipeline behind it are too costly to build per task or per partition. In local mode (the bench) the driver is the
 * executor.
 */
public final class Linkers {
  private record Built(TopicLinker linker, TextAnnotator annotator) {}

  private static final Map<String, Built> LINKERS = new ConcurrentHashMap<>();

  private Linkers() {}

  static TopicLinker get(Ontology ontology, LinkingSettings settings) {
    String key = ontology.source() + "#" + ontology.size() + "#" + settings.hashCode();
    return LINKERS.computeIfAbsent(key, k -> {
      TextAnnotator annotator = MemoizingAnnotator.wrap(new CoreNlpAnnotator(settings.annotators(),
          settings.nerModel()), settings.annotationCacheEntries());
      return new Built(new TopicLinker(ontology, annotator, settings), annotator);
    }).linker();
  }

  /**
   * Empties this JVM's memory of annotated texts, keeping the loaded models and the compiled code: scripts/bench
   * links a day again to time a warm executor, which must not find that day's texts already annotated.
   */
  public static void forgetAnnotations() {
    for (Built built : LINKERS.values()) {
      if (built.annotator() instanceof MemoizingAnnotator memo) {
        memo.forget();
      }
    }
  }
}
