package io.plusk.jobs.stage;

import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The ontology as small frames to join with: topic attributes, and every name a dump may use for a topic. */
public final class TopicFrames {
  public static final StructType TOPICS = new StructType()
      .add("topic_id", DataTypes.StringType, false).add("topic_slug", DataTypes.StringType, false)
      .add("topic_name", DataTypes.StringType, false).add("topic_level", DataTypes.IntegerType, false)
      .add("topic_kind", DataTypes.StringType, false);
  public static final StructType KEYS = new StructType()
      .add("topic_key", DataTypes.StringType, false).add("topic_id", DataTypes.StringType, false);

  private TopicFrames() {}

  public static Dataset<Row> topics(SparkSession spark, Ontology ontology) {
    List<Row> rows = new ArrayList<>();
    for (Topic t : ontology.topics()) {
      rows.add(RowFactory.create(t.id(), t.slug(), t.name(), ontology.level(t.id()),
          t.kind().name().toLowerCase(Locale.ROOT)));
    }
    return spark.createDataFrame(rows, TOPICS);
  }

  public static final StructType COVERING = new StructType()
      .add("topic_id", DataTypes.StringType, false).add("covering_topic_id", DataTypes.StringType, false);

  /**
   * Each topic of a set (a campaign's topics with their descendants) with the topics of the same set that cover it:
   * itself and its ancestors inside the set. A removal of a covering topic reaches the topics below it within the
   * set, not above it: removing Consumer Electronics covers Apple in a Technology campaign, not in an Apple one.
   */
  public static Dataset<Row> covering(SparkSession spark, Ontology ontology, Collection<String> topicIds) {
    Set<String> inSet = new LinkedHashSet<>(topicIds);
    List<Row> rows = new ArrayList<>();
    for (String id : inSet) {
      rows.add(RowFactory.create(id, id));
      for (String ancestor : ontology.ancestors(id).keySet()) {
        if (inSet.contains(ancestor)) {
          rows.add(RowFactory.create(id, ancestor));
        }
      }
    }
    return spark.createDataFrame(rows, COVERING);
  }

  /**
   * Lower-cased id, slug and display name of each topic, and the slugs an earlier ontology used for it, for
   * {@code lower(trim(topic)) = topic_key} joins.
   */
  public static Dataset<Row> keys(SparkSession spark, Ontology ontology) {
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Topic t : ontology.topics()) {
      for (String k : List.of(t.id(), t.slug(), t.name())) {
        String key = k.strip().toLowerCase(Locale.ROOT);
        if (seen.add(key)) {
          rows.add(RowFactory.create(key, t.id()));
        }
      }
    }
    ontology.legacySlugs().forEach((old, now) -> {
      if (seen.add(old)) {
        rows.add(RowFactory.create(old, ontology.bySlug(now).orElseThrow().id()));
      }
    });
    return spark.createDataFrame(rows, KEYS);
  }
}
