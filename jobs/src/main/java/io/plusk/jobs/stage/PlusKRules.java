package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.config.PluskConfig.PlusKSettings;
import io.plusk.common.scoring.ScoreFormula;
import io.plusk.jobs.io.Columns;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The +K rules, in the order they are checked: no self +K; the topic must exist; giver and receiver must be known
 * users who have not opted out; one +K per (giver, receiver, topic) within the repeat window (earlier days' accepted +K included); at most
 * N per giver per UTC day of the +K, the first N by time, counting those earlier runs accepted for that day. Returns every event with {@code topic_id} and {@code reason}
 * (null when accepted).
 */
public final class PlusKRules {
  private PlusKRules() {}

  /**
   * Weighs accepted +K ({@link ScoreFormula#plusKWeight}): lower on a topic the receiver has no text evidence for,
   * higher from a giver who is an expert in the topic, damped when the pair vouch for each other.
   *
   * @param listed (user_id, topic_id) pairs with text evidence in the window
   * @param giverScores (user_id, topic_id, score) of the previous night
   * @param recentAccepted (giver_id, receiver_id) of earlier accepted +K in the ring window
   */
  public static Dataset<Row> weigh(Dataset<Row> accepted, Dataset<Row> listed, Dataset<Row> giverScores,
                                   Dataset<Row> recentAccepted, PlusKSettings s) {
    UserDefinedFunction weight = org.apache.spark.sql.functions.udf(
        (UDF3<Boolean, Double, Boolean, Double>) (isListed, giverScore, mutual) -> ScoreFormula.plusKWeight(
            isListed, giverScore, mutual, s.unassignedTopicWeight(), s.giverScoreBoost(), s.ringDamping()),
        DataTypes.DoubleType);
    Dataset<Row> pairs = recentAccepted.select("giver_id", "receiver_id")
        .unionByName(accepted.select("giver_id", "receiver_id"))
        .select(col("receiver_id").as("m_giver"), col("giver_id").as("m_receiver"), lit(true).as("mutual")).distinct();
    return accepted
        .join(listed.select(col("user_id").as("receiver_id"), col("topic_id"), lit(true).as("receiver_listed"))
            .distinct(), Columns.using("receiver_id", "topic_id"), "left")
        .join(giverScores.select(col("user_id").as("giver_id"), col("topic_id"), col("score").as("giver_score")),
            Columns.using("giver_id", "topic_id"), "left")
        .join(pairs, col("giver_id").equalTo(col("m_giver")).and(col("receiver_id").equalTo(col("m_receiver"))),
            "left")
        .withColumn("receiver_listed", org.apache.spark.sql.functions.coalesce(col("receiver_listed"), lit(false)))
        .withColumn("mutual", org.apache.spark.sql.functions.coalesce(col("mutual"), lit(false)))
        .withColumn("giver_score", org.apache.spark.sql.functions.coalesce(col("giver_score"), lit(0.0)))
        .withColumn("weight", weight.apply(col("receiver_listed"), col("giver_score"), col("mutual")))
        .drop("m_giver", "m_receiver");
  }

  /**
   * @param events today's plusk_events
   * @param acceptedEarlier plusk_accepted of the earlier days of the repeat window
   * @param acceptedOnEventDays plusk_accepted of earlier runs back to the oldest UTC day of today's events (a day's
   *                            +K may have been accepted by another night's run): for the daily limit
   * @param knownUsers one {@code user_id} column
   * @param optedOut one {@code user_id} column: people who asked to be left out ({@link OptOuts})
   * @param topicKeys {@link TopicFrames#keys}
   */
  public static Dataset<Row> decide(Dataset<Row> events, Dataset<Row> acceptedEarlier,
                                    Dataset<Row> acceptedOnEventDays, Dataset<Row> knownUsers,
                                    Dataset<Row> optedOut, Dataset<Row> topicKeys, PlusKSettings settings) {
    // Only tonight's givers and receivers are looked up: no distinct over everyone of the window.
    Dataset<Row> participants = events.select(col("giver_id").as("user_id"))
        .unionByName(events.select(col("receiver_id").as("user_id"))).distinct();
    Dataset<Row> users = knownUsers.select("user_id").join(participants, Columns.using("user_id"),
        "left_semi").distinct();
    Dataset<Row> out = optedOut.select("user_id").distinct();
    Dataset<Row> checked = events
        .join(out.select(col("user_id").as("out_giver")), col("giver_id").equalTo(col("out_giver")), "left")
        .join(out.select(col("user_id").as("out_receiver")), col("receiver_id").equalTo(col("out_receiver")),
            "left")
        .join(topicKeys, lower(trim(col("topic"))).equalTo(col("topic_key")), "left")
        .join(users.select(col("user_id").as("known_giver")), col("giver_id").equalTo(col("known_giver")), "left")
        .join(users.select(col("user_id").as("known_receiver")), col("receiver_id").equalTo(col("known_receiver")),
            "left")
        .join(acceptedEarlier.select(col("giver_id").as("h_giver"), col("receiver_id").as("h_receiver"),
                col("topic_id").as("h_topic")).distinct(),
            col("giver_id").equalTo(col("h_giver")).and(col("receiver_id").equalTo(col("h_receiver")))
                .and(col("topic_id").equalTo(col("h_topic"))), "left")
        .withColumn("reason",
            when(col("giver_id").equalTo(col("receiver_id")), lit("self_plusk"))
                .when(col("topic_id").isNull(), lit("unknown_topic"))
                .when(col("known_giver").isNull(), lit("unknown_giver"))
                .when(col("known_receiver").isNull(), lit("unknown_receiver"))
                .when(col("out_giver").isNotNull().or(col("out_receiver").isNotNull()), lit("opted_out"))
                .when(col("h_giver").isNotNull(), lit("repeat_within_window")))
        .drop("topic_key", "known_giver", "known_receiver", "out_giver", "out_receiver", "h_giver", "h_receiver",
            "h_topic");

    Dataset<Row> repeats = checked.withColumn("_n", row_number().over(
            Window.partitionBy(col("giver_id"), col("receiver_id"), col("topic_id"), col("reason").isNull())
                .orderBy(col("ts"), col("line_no"))))
        .withColumn("reason", when(col("reason").isNull().and(col("_n").gt(1)), lit("repeat_within_window"))
            .otherwise(col("reason")))
        .drop("_n");

    // The daily limit is per giver and UTC day of the +K, whichever run accepted it: a day's +K can arrive in two
    // dumps (timestamps into the next day are accepted, late ones too), and the earlier run's count.
    Dataset<Row> earlierPerDay = acceptedOnEventDays
        .groupBy(col("giver_id").as("d_giver"), to_date(col("ts")).as("d_day"))
        .agg(org.apache.spark.sql.functions.count(lit(1)).as("accepted_before"));
    return repeats.withColumn("_n", row_number().over(
            Window.partitionBy(col("giver_id"), to_date(col("ts")), col("reason").isNull())
                .orderBy(col("ts"), col("line_no"))))
        .join(earlierPerDay, col("giver_id").equalTo(col("d_giver")).and(to_date(col("ts")).equalTo(col("d_day"))),
            "left")
        .withColumn("reason", when(col("reason").isNull().and(col("_n").plus(
                org.apache.spark.sql.functions.coalesce(col("accepted_before"), lit(0L)))
                .gt(settings.dailyLimitPerGiver())), lit("daily_limit")).otherwise(col("reason")))
        .drop("_n", "d_giver", "d_day", "accepted_before");
  }
}
