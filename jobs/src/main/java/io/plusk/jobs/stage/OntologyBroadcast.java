package io.plusk.jobs.stage;

import io.plusk.common.ontology.Ontology;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The ontology shipped to the executors once per Spark application, not once per night: estimating the size of
 * an 8,000-topic ontology and serialising it costs the driver about half a second, and a catch-up or backfill
 * links many dates with the same ontology.
 */
final class OntologyBroadcast {
  private record Shared(SparkContext context, Ontology ontology, Broadcast<Ontology> broadcast) {}

  private static Shared last;

  private OntologyBroadcast() {}

  static synchronized Broadcast<Ontology> of(SparkContext context, Ontology ontology) {
    if (last == null || last.context() != context || last.ontology() != ontology || context.isStopped()) {
      last = new Shared(context, ontology, JavaSparkContext.fromSparkContext(context).broadcast(ontology));
    }
    return last.broadcast();
  }
}
