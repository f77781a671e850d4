package io.plusk.jobs.perks;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.when;

import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.Frames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Picks perk recipients from one day's topic_expertise: listed (not removed) users in the given topics, at or over
 * a score, in the given countries, not withheld there, not picked by another campaign during the cool-down; each
 * user once, with their best topic. A user who removed a topic of the campaign is never picked through it or any
 * topic below it, even where the topic below is still listed for them (removing Consumer Electronics keeps them out
 * of a Consumer Electronics or a Technology campaign that would reach them through Apple). Every filter is a
 * column expression: no user-supplied text reaches SQL.
 */
public final class PerkSelection {
  /** What the selection is asked for; {@code countries} empty means anywhere. */
  public record Request(Collection<String> topicIds, double minScore, Collection<String> countries, int limit) {}

  /** The selected recipients, best first. */
  public static final StructType SELECTED = new StructType().add("user_id", DataTypes.StringType)
      .add("screen_name", DataTypes.StringType).add("country", DataTypes.StringType)
      .add("topic_id", DataTypes.StringType).add("topic_slug", DataTypes.StringType)
      .add("score", DataTypes.DoubleType).add("rank", DataTypes.IntegerType).add("why", DataTypes.StringType);

  /** The filters a row can pass: not removed, score, countries, withholding, cool-down. */
  private static final int PASSED_ALL = 5;

  private PerkSelection() {}

  /** The distinct keys of a frame with a true marker column, for a left join that leaves it null elsewhere. */
  private static Dataset<Row> flag(Dataset<Row> keys, String marker) {
    return keys.distinct().withColumn(marker, lit(true));
  }

  /**
   * Why listed experts of the campaign's topics were not picked, each counted once under the first filter that
   * dropped them, in the order the filters apply; {@code coolingDownCampaigns}: the campaigns that picked those in
   * the cool-down (at most a few names).
   */
  public record Skipped(long listed, long removedTopic, long belowScore, long outsideCountries, long withheld,
                        long coolingDown, List<String> coolingDownCampaigns, long beyondLimit) {}

  /** The recipients, best first, and who was skipped and why. */
  public record Result(List<Row> selected, Skipped skipped) {}

  /**
   * @param expertise topic_expertise of the date
   * @param countries (user_id, country) of the latest users snapshot
   * @param coolingDown (user_id, campaign) picked by other campaigns within the cool-down
   * @param removed (user_id, topic_id) of the topics users have removed and not restored
   * @param covering (topic_id, covering_topic_id): each campaign topic with itself and its ancestors in the campaign
   * @param withheld (user_id, post_id, withheld_country) of {@link Withholdings}
   */
  public static Result select(Dataset<Row> expertise, Dataset<Row> countries, Dataset<Row> coolingDown,
                              Dataset<Row> removed, Dataset<Row> covering, Dataset<Row> withheld,
                              Request request) {
    Dataset<Row> removedHere = flag(removed.select(col("user_id"), col("topic_id").as("covering_topic_id"))
        .join(covering, Columns.using("covering_topic_id")).select("user_id", "topic_id"), "removed_here");
    Dataset<Row> listed = expertise
        .where(col("topic_id").isin(request.topicIds().toArray()).and(col("removed").equalTo(false)))
        .join(countries, Columns.using("user_id"), "left");
    // A perk rewards what people in the campaign's countries can see (for a campaign anywhere, the recipient's own
    // country): an account withheld there is not picked, nor a topic whose evidence is a status withheld there.
    Column campaignCountries = request.countries().isEmpty() ? col("withheld_country").equalTo(col("country"))
        : col("withheld_country").isin(request.countries().toArray());
    Column withheldHere = col("withheld_country").equalTo(Withholdings.EVERY_COUNTRY).or(campaignCountries);
    Dataset<Row> withheldAccounts = flag(listed.select("user_id", "country").distinct()
        .join(withheld.where(col("post_id").isNull()).select("user_id", "withheld_country"),
            Columns.using("user_id"))
        .where(withheldHere).select("user_id"), "account_withheld");
    Dataset<Row> withheldEvidence = flag(listed.select(col("user_id"), col("topic_id"), col("country"),
            explode(col("evidence_post_ids")).as("post_id"))
        .join(withheld.where(col("post_id").isNotNull()).select("post_id", "withheld_country"),
            Columns.using("post_id"))
        .where(withheldHere).select("user_id", "topic_id"), "evidence_withheld");
    Dataset<Row> cooling = flag(coolingDown.select("user_id"), "cooling_down");
    Column inCountries = request.countries().isEmpty() ? lit(true)
        : coalesce(col("country").isin(request.countries().toArray()), lit(false));
    // How far each (user, topic) row gets through the filters, in the order they apply: one pass decides both who
    // is picked (every filter passed) and, per user, the first filter that dropped all their rows.
    Column passed = when(col("removed_here"), 0)
        .when(col("score").lt(request.minScore()), 1)
        .when(not(inCountries), 2)
        .when(col("account_withheld").or(col("evidence_withheld")), 3)
        .when(col("cooling_down"), 4)
        .otherwise(PASSED_ALL);
    Dataset<Row> judged = listed
        .join(removedHere, Columns.using("user_id", "topic_id"), "left")
        .join(withheldAccounts, Columns.using("user_id"), "left")
        .join(withheldEvidence, Columns.using("user_id", "topic_id"), "left")
        .join(cooling, Columns.using("user_id"), "left")
        .withColumn("passed", passed)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> candidates = judged.where(col("passed").equalTo(PASSED_ALL));
      Column why = concat_ws("; ",
          concat_ws(", ", slice(col("evidence_terms"), 1, 5)),
          concat_ws(" ", lit("posts"), concat_ws(",", slice(col("evidence_post_ids"), 1, 3))),
          concat_ws(" ", lit("+K"), coalesce(col("plusk_count").cast("string"), lit("0"))));
      // Top N by an ordered limit (each task keeps its best N, then they are merged), numbered here on at most N
      // rows: a rank window without a partition would sort every candidate in one task.
      List<Row> top = Frames.firstPerGroup(candidates, new String[] {"user_id"}, col("score").desc(),
              col("raw_evidence").desc(), col("topic_slug"))
          .orderBy(col("score").desc(), col("raw_evidence").desc(), col("user_id"))
          .limit(request.limit())
          .select(col("user_id"), col("screen_name"), col("country"), col("topic_id"), col("topic_slug"),
              col("score"), why.as("why"))
          .collectAsList();
      List<Row> ranked = new ArrayList<>(top.size());
      for (int i = 0; i < top.size(); i++) {
        Row r = top.get(i);
        ranked.add(new GenericRowWithSchema(new Object[] {r.get(0), r.get(1), r.get(2), r.get(3), r.get(4),
            r.get(5), i + 1, r.get(6)}, SELECTED));
      }
      Dataset<Row> furthest = judged.groupBy("user_id").agg(max("passed").as("passed"));
      // reaching[k]: how many users have a row through the first k filters.
      long[] reaching = new long[PASSED_ALL + 1];
      for (Row r : furthest.groupBy("passed").count().collectAsList()) {
        for (int k = 0; k <= r.getInt(0); k++) {
          reaching[k] += r.getLong(1);
        }
      }
      List<String> campaigns = furthest.where(col("passed").equalTo(PASSED_ALL - 1)).select("user_id")
          .join(coolingDown, Columns.using("user_id")).select("campaign").distinct().orderBy("campaign").limit(5)
          .collectAsList().stream().map(r -> r.getString(0)).toList();
      return new Result(ranked, new Skipped(reaching[0], reaching[0] - reaching[1], reaching[1] - reaching[2],
          reaching[2] - reaching[3], reaching[3] - reaching[4], reaching[4] - reaching[5], campaigns,
          reaching[5] - ranked.size()));
    } finally {
      judged.unpersist();
    }
  }
}
