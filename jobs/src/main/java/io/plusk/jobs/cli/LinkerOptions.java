package io.plusk.jobs.cli;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.linking.TopicLinker;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.nlp.MemoizingAnnotator;
import io.plusk.common.ontology.Ontology;
import io.plusk.jobs.io.OntologyLoader;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** Options of the commands that link texts outside Spark (link, evaluate). */
public final class LinkerOptions {
  @Option(names = "--ontology", paramLabel = "DIR",
      description = "Ontology folder (topics.tsv). Default: plusk.ontology (the shipped default ontology).")
  String ontology;

  Ontology loadOntology(PluskConfig config) {
    String location = config.locations().resolve(ontology != null ? ontology : config.ontologyLocation(),
        "--ontology");
    return OntologyLoader.load(new Configuration(), location);
  }

  TopicLinker linker(PluskConfig config) {
    var settings = config.linking();
    return new TopicLinker(loadOntology(config), MemoizingAnnotator.wrap(
        new CoreNlpAnnotator(settings.annotators(), settings.nerModel()), settings.annotationCacheEntries()),
        settings);
  }
}
