package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Ranks worked out in slices of a topic are the ranks of one sort of the whole topic. */
class TopicRanksTest extends SparkTestBase {
  private static final StructType ROWS = new StructType().add("topic_id", DataTypes.StringType)
      .add("user_id", DataTypes.StringType).add("raw_evidence", DataTypes.DoubleType)
      .add("removed", DataTypes.BooleanType);
  private static final Column LISTED = col("removed").equalTo(false);
  private static final Column[] ORDER = {col("raw_evidence").desc(), col("user_id")};

  /** A super-topic of 600 rows (many equal values), a topic of 40 and one of 3; every 9th row removed. */
  private static List<Row> population() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    int[] sizes = {600, 40, 3};
    for (int t = 0; t < sizes.length; t++) {
      for (int u = 0; u < sizes[t]; u++) {
        double raw = t == 0 && u % 4 == 0 ? 5.0 : Math.round(random.nextDouble() * 1000) / 10.0;
        rows.add(RowFactory.create("topic-" + t, String.format("u%04d", u), raw, u % 9 == 0));
      }
    }
    return rows;
  }

  private static Map<String, Integer> expectedRanks(List<Row> rows) {
    Map<String, Integer> ranks = new HashMap<>();
    Map<String, Integer> next = new HashMap<>();
    rows.stream().filter(r -> !r.getBoolean(3))
        .sorted(Comparator.<Row, String>comparing(r -> r.getString(0))
            .thenComparing(r -> -r.getDouble(2)).thenComparing(r -> r.getString(1)))
        .forEach(r -> ranks.put(r.getString(0) + "/" + r.getString(1), next.merge(r.getString(0), 1, Integer::sum)));
    return ranks;
  }

  @Test
  void ranksFromSlicesOfALargeTopicAreTheRanksOfOneSort() {
    List<Row> population = population();
    Dataset<Row> rows = spark.createDataFrame(population, ROWS).repartition(4);
    Map<String, Integer> actual = new HashMap<>();
    int unlisted = 0;
    for (Row r : TopicRanks.withRankInTopic(rows, LISTED, ORDER, "rank", 50).collectAsList()) {
      if (r.isNullAt(r.fieldIndex("rank"))) {
        unlisted++;
        assertThat(r.getBoolean(r.fieldIndex("removed"))).isTrue();
      } else {
        actual.put(r.getString(0) + "/" + r.getString(1), r.getInt(r.fieldIndex("rank")));
      }
    }
    assertThat(actual).isEqualTo(expectedRanks(population));
    assertThat(unlisted).isEqualTo((int) population.stream().filter(r -> r.getBoolean(3)).count());
  }

  @Test
  void aLargeTopicIsCutIntoSlicesOfAboutTheAskedSizeAndASmallOneIsNot() {
    Dataset<Row> listed = spark.createDataFrame(population(), ROWS).where(LISTED);
    List<Row> slices = TopicRanks.sliced(listed, LISTED, 50).groupBy("topic_id", "_slice").count()
        .orderBy("topic_id", "_slice").collectAsList();
    List<Long> superTopic = slices.stream().filter(r -> r.getString(0).equals("topic-0")).map(r -> r.getLong(2))
        .toList();
    // 533 listed rows of the super-topic in about 11 slices; the 134 rows of raw 5.0 stay together in one.
    assertThat(superTopic.size()).isGreaterThanOrEqualTo(8);
    assertThat(superTopic.stream().filter(n -> n > 2 * 50)).hasSizeLessThanOrEqualTo(1);
    assertThat(slices.stream().filter(r -> !r.getString(0).equals("topic-0")).map(r -> r.getInt(1)))
        .containsOnly(0);
  }
}
