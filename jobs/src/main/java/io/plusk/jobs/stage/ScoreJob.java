package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.config.PluskConfig.ScoringSettings;
import io.plusk.common.schema.Tables;
import io.plusk.common.scoring.ScoreFormula;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Stage;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Columns;
import java.time.LocalDate;
import io.plusk.jobs.io.Frames;
import io.plusk.jobs.io.Warehouse;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 4: the day's evidence per user and topic ({@code user_topic_daily}), the +K decisions
 * ({@code plusk_accepted}, {@code plusk_rejected}), and the expertise scores over the sliding window with
 * exponential decay ({@code topic_expertise}), removals applied. The arithmetic is {@link ScoreFormula}.
 */
public final class ScoreJob implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreJob.class);
  private static final UserDefinedFunction POST_EVIDENCE =
      udf((UDF4<Double, Double, Long, Double, Double>) (confidence, engagement, engagers, breadth) ->
          ScoreFormula.postEvidence(confidence, engagement, engagers, breadth), DataTypes.DoubleType);
  static final UserDefinedFunction DECAY =
      udf((UDF2<Integer, Double, Double>) (age, halfLife) -> ScoreFormula.decay(age, halfLife),
          DataTypes.DoubleType);
  private static final UserDefinedFunction NORMALIZE =
      udf((UDF2<Double, Double, Double>) ScoreFormula::normalize, DataTypes.DoubleType);

  @Override
  public String name() {
    return "score";
  }

  @Override
  public StageResult execute(JobContext ctx) {
    ScoringSettings scoring = ctx.config().scoring();
    LocalDate date = ctx.date();
    LocalDate windowStart = date.minusDays(scoring.windowDays() - 1L);
    var wh = ctx.warehouse();
    StageResult result = new StageResult(name());

    Dataset<Row> daily = userTopicDaily(wh.read(Tables.ENGAGED_POSTS, date), wh.read(Tables.POST_TOPICS, date),
        scoring.evidenceLimit(), scoring.breadthShare());
    result.count("user_topic_daily.written", wh.write(daily, Tables.USER_TOPIC_DAILY, date));

    Dataset<Row> topicKeys = TopicFrames.keys(ctx.spark(), ctx.ontology());
    // Who is known, protected and called what over the window: carried from the night before, not re-read.
    result.count("known_users.written", wh.write(
        CarriedWindowState.carriedTo(KnownUsers.STATE, wh, date, scoring.windowDays()), Tables.KNOWN_USERS, date));
    Dataset<Row> known = wh.read(Tables.KNOWN_USERS, date);
    Dataset<Row> knownUsers = KnownUsers.seen(known);
    Dataset<Row> events = wh.read(Tables.PLUSK_EVENTS, date);
    // Earlier runs' accepted +K: the repeat window, and back to the oldest day a late +K of tonight's is dated.
    LocalDate repeatFrom = date.minusDays(ctx.config().plusk().repeatWindowDays() - 1L);
    Row oldest = events.agg(org.apache.spark.sql.functions.min(to_date(col("ts")))).first();
    // An accepted +K dated day X was accepted by the run of X at the latest, or of the day before (future skew):
    // one read back to the earlier of that day and the repeat window serves both rules.
    LocalDate acceptedFrom = oldest.isNullAt(0) ? repeatFrom
        : java.util.Collections.min(java.util.List.of(repeatFrom, oldest.getDate(0).toLocalDate().minusDays(1)));
    Dataset<Row> acceptedEarlier = wh.read(Tables.PLUSK_ACCEPTED, acceptedFrom, date.minusDays(1));
    Dataset<Row> optedOut = OptOuts.asOf(wh, date).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> decisions = PlusKRules.decide(events, acceptedEarlier.where(col("dt").geq(repeatFrom.toString())),
            acceptedEarlier, knownUsers, optedOut, topicKeys, ctx.config().plusk())
        .persist(StorageLevel.MEMORY_AND_DISK());
    var pluskSettings = ctx.config().plusk();
    // The window's evidence, carried from the night before: yesterday's state and two dates of daily rows, not 90.
    result.count("user_topic_window.written", wh.write(EvidenceWindow.carriedTo(wh, date, scoring),
        Tables.USER_TOPIC_WINDOW, date));
    Dataset<Row> evidenceWindow = wh.read(Tables.USER_TOPIC_WINDOW, date);
    Dataset<Row> listed = EvidenceWindow.listed(evidenceWindow).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> giverScores = wh.read(Tables.TOPIC_EXPERTISE, date.minusDays(1))
        .where(col("removed").equalTo(false)).select("user_id", "topic_id", "score");
    Dataset<Row> recent = wh.read(Tables.PLUSK_ACCEPTED, date.minusDays(pluskSettings.ringWindowDays() - 1L),
        date.minusDays(1)).select("giver_id", "receiver_id");
    Dataset<Row> weighted = PlusKRules.weigh(decisions.where(col("reason").isNull()), listed, giverScores, recent,
        pluskSettings).persist(StorageLevel.MEMORY_AND_DISK());
    long accepted = wh.write(weighted, Tables.PLUSK_ACCEPTED, date);
    // Counts of a small table in one pass each: every Spark job costs a fixed half second on a quiet night.
    Row kinds = weighted.agg(count(when(col("receiver_listed").equalTo(false), lit(1))),
        count(when(col("mutual"), lit(1)))).first();
    result.count("plusk.accepted_unassigned_topic", kinds.getLong(0))
        .count("plusk.accepted_mutual", kinds.getLong(1));
    weighted.unpersist();
    long rejected = wh.write(decisions.where(col("reason").isNotNull()), Tables.PLUSK_REJECTED, date);
    result.count("plusk.accepted", accepted).count("plusk.rejected", rejected);
    for (Row r : decisions.where(col("reason").isNotNull()).groupBy("reason").count().orderBy("reason")
        .collectAsList()) {
      result.count("plusk.rejected." + r.getString(0), r.getLong(1));
    }
    decisions.unpersist();

    Dataset<Row> removed = removedAsOf(wh, topicKeys, date).persist(StorageLevel.MEMORY_AND_DISK());
    result.count("removals.hidden_now", removed.count());
    // Removals that change nothing today are kept (a topic assigned later stays hidden) and counted, not dropped.
    Dataset<Row> today = wh.read(Tables.REMOVAL_EVENTS, date);
    Dataset<Row> todayKnownTopic = today.join(topicKeys, lower(trim(col("topic"))).equalTo(col("topic_key")));
    Row todayCounts = today
        .join(knownUsers.withColumn("_known_user", lit(true)), Columns.using("user_id"), "left")
        .join(todayKnownTopic.join(listed.withColumn("_listed", lit(true)), Columns.using("user_id", "topic_id"),
                "left").groupBy("source_file", "line_no").agg(max(coalesce(col("_listed"), lit(false)))
                .as("_listed")),
            Columns.using("source_file", "line_no"), "left")
        .agg(count(lit(1)), count(when(col("_listed").isNull(), lit(1))),
            count(when(col("_known_user").isNull(), lit(1))), count(when(col("_listed").equalTo(false), lit(1))))
        .first();
    result.count("removals.today", todayCounts.getLong(0))
        .count("removals.unknown_topic", todayCounts.getLong(1))
        .count("removals.unknown_user", todayCounts.getLong(2))
        .count("removals.topic_not_listed", todayCounts.getLong(3));
    listed.unpersist();
    result.count("link_usage.written",
        wh.write(CarriedWindowState.carriedTo(LinkUsage.STATE, wh, date, scoring.windowDays()), Tables.LINK_USAGE,
            date));
    Dataset<Row> feedback = linkFeedback(wh.read(Tables.LINK_USAGE, date), removed, ctx.config().linkFeedback());
    long feedbackRows = wh.write(feedback, Tables.LINK_FEEDBACK, date);
    result.count("link_feedback.written", feedbackRows)
        .count("link_feedback.down_weighted", wh.read(Tables.LINK_FEEDBACK, date).where(col("weight").lt(1.0)).count());

    Dataset<Row> names = KnownUsers.screenNames(known);
    // An account that is protected now: what it posted while public stops counting too; nor does anything of
    // someone who opted out, or any +K they gave.
    Dataset<Row> textWindow = evidenceWindow
        .join(KnownUsers.protectedNow(known), Columns.using("user_id"), "left_anti")
        .join(optedOut, Columns.using("user_id"), "left_anti");
    Dataset<Row> pluskWindow = wh.read(Tables.PLUSK_ACCEPTED, windowStart, date)
        .join(optedOut.withColumnRenamed("user_id", "giver_id"), Columns.using("giver_id"), "left_anti")
        .join(optedOut.withColumnRenamed("user_id", "receiver_id"), Columns.using("receiver_id"), "left_anti");
    long written;
    try (Expertise expertise = topicExpertise(textWindow, pluskWindow, removed, names,
        TopicFrames.topics(ctx.spark(), ctx.ontology()), date, scoring)) {
      written = wh.write(expertise.rows(), Tables.TOPIC_EXPERTISE, date);
    }
    removed.unpersist();
    optedOut.unpersist();
    Row published = wh.read(Tables.TOPIC_EXPERTISE, date)
        .agg(count(when(col("removed"), lit(1))), countDistinct("user_id"), countDistinct("topic_id")).first();
    return result.count("topic_expertise.written", written)
        .count("topic_expertise.removed", published.getLong(0))
        .count("topic_expertise.users", published.getLong(1))
        .count("topic_expertise.topics", published.getLong(2));
  }

  /** Evidence of one day per user and topic: sum over the user's engaged posts of the post evidence. */
  public static Dataset<Row> userTopicDaily(Dataset<Row> engaged, Dataset<Row> links, int evidenceLimit,
                                            double breadthShare) {
    Dataset<Row> evidence = links.select("post_id", "user_id", "topic_id", "confidence", "matched_text",
            "context_terms")
        .join(engaged.select("post_id", "engagement_weight", "engagement_count", "engagers"), "post_id")
        .withColumn("evidence", POST_EVIDENCE.apply(col("confidence"), col("engagement_weight"), col("engagers"),
            lit(breadthShare)));
    // Every (evidence, post) of the user and topic, heaviest first: the sum is taken in that order, so the evidence
    // is the same to the last bit however the rows were partitioned (a rerun, a date rewritten after a deletion).
    Column heaviestFirst = functions.sort_array(collect_list(struct(col("evidence").as("weight"), col("post_id"))),
        false);
    return evidence.groupBy("user_id", "topic_id")
        // Distinct posts from that list, not countDistinct: beside other aggregates that would expand every row
        // into one copy per distinct column and aggregate twice.
        .agg(functions.size(array_distinct(functions.transform(heaviestFirst, x -> x.getField("post_id"))))
                .cast("long").as("posts"),
            sum("engagement_count").as("engagement_count"),
            sum("engagers").as("engagers"),
            functions.aggregate(heaviestFirst, lit(0.0), (total, x) -> total.plus(x.getField("weight")))
                .as("evidence"),
            topEvidence(heaviestFirst, evidenceLimit).as("evidence_posts"),
            heaviestTerms(collect_list(struct(col("evidence").as("weight"), col("post_id").as("key"),
                expr("array_union(array(lower(matched_text)), context_terms)").as("terms"))), 2 * evidenceLimit)
                .as("evidence_terms"));
  }

  /**
   * The first n distinct terms of (weight, key, terms) structs, heaviest first: which terms are kept must not
   * depend on the order rows reach the aggregation, which changes with partitioning.
   */
  private static Column heaviestTerms(Column weightKeyTermsStructs, int n) {
    return expr("slice(array_distinct(flatten(transform(sort_array(" + weightKeyTermsStructs.expr().sql()
        + ", false), x -> x.terms))), 1, " + n + ")");
  }

  /** The first n of (weight, post_id) structs sorted heaviest first, as (post_id, weight). */
  private static Column topEvidence(Column heaviestFirst, int n) {
    return functions.transform(functions.slice(heaviestFirst, 1, n),
        x -> struct(x.getField("post_id").as("post_id"), functions.round(x.getField("weight"), 4).as("weight")));
  }

  /** The topics users have removed and not restored by the end of the date: (user_id, topic_id, removed). */
  public static Dataset<Row> removedAsOf(Warehouse wh, Dataset<Row> topicKeys, LocalDate date) {
    return removedTopics(LatestEventState.REMOVALS.asOf(wh, date), topicKeys);
  }

  /** The latest remove or restore per user and topic decides; the topic may be named by id, slug or name. */
  public static Dataset<Row> removedTopics(Dataset<Row> removals, Dataset<Row> topicKeys) {
    return Frames.firstPerGroup(removals.join(topicKeys, lower(trim(col("topic"))).equalTo(col("topic_key"))),
            new String[] {"user_id", "topic_id"}, col("ts").desc(), col("dt").desc(), col("line_no").desc())
        .where(col("action").equalTo("remove"))
        .select(col("user_id"), col("topic_id"), lit(true).as("removed"));
  }

  /**
   * Removals as feedback for the linker: for each (matched text, topic) of a direct link in the window, how many of
   * the users who had it now have that topic removed, and the confidence multiplier that follows. {@code usage} is
   * one row per person, lower-cased matched text and topic ({@code link_usage}, or {@link LinkUsage#directLinks}).
   */
  public static Dataset<Row> linkFeedback(Dataset<Row> usage, Dataset<Row> removed,
                                          io.plusk.common.config.PluskConfig.LinkFeedbackSettings s) {
    Dataset<Row> had = usage.select("user_id", "matched_text", "topic_id")
        .join(removed, Columns.using("user_id", "topic_id"), "left");
    Column rate = col("removals").divide(col("users_with_link"));
    // One row per (user, matched text, topic) here: the users are counted without a distinct.
    return had.groupBy("matched_text", "topic_id")
        .agg(count(lit(1)).as("users_with_link"), count(when(col("removed"), lit(1))).as("removals"))
        .where(col("removals").gt(0))
        .withColumn("removal_rate", expr("round(removals / users_with_link, 4)"))
        .withColumn("weight", when(col("removals").geq(s.minRemovals()).and(rate.geq(s.minRemovalRate())),
            functions.greatest(lit(s.minWeight()), lit(1.0).minus(rate))).otherwise(lit(1.0)));
  }

  /**
   * Scores over the window: decayed text evidence ({@code evidenceWindow}, rows of {@code user_topic_window}) plus
   * decayed +K, normalised to 0-100 and ranked per topic.
   */
  public static Expertise topicExpertise(Dataset<Row> evidenceWindow, Dataset<Row> pluskWindow, Dataset<Row> removed,
                                         Dataset<Row> screenNames, Dataset<Row> topics, LocalDate date,
                                         ScoringSettings s) {
    Column age = datediff(lit(date.toString()).cast("date"), to_date(col("dt")));
    Column decay = DECAY.apply(age, lit(s.halfLifeDays()));

    // +K keeps a topic on the list longer: its text evidence decays more slowly.
    Dataset<Row> vouched = pluskWindow.select(col("receiver_id").as("user_id"), col("topic_id")).distinct()
        .withColumn("vouched", lit(true));
    Dataset<Row> text = EvidenceWindow.textEvidence(evidenceWindow, vouched, date, s);

    // The n-th +K from the same giver counts 1/n: many givers weigh more than one giver repeating.
    Dataset<Row> plusk = pluskWindow.withColumn("decay", decay)
        .withColumn("nth", row_number().over(Window.partitionBy("receiver_id", "topic_id", "giver_id").orderBy("ts")))
        .groupBy(col("receiver_id").as("user_id"), col("topic_id"))
        .agg(sum(col("weight").multiply(col("decay")).divide(col("nth"))).as("plusk_raw"), count(lit(1)).as("plusk_count"),
            sort_array(collect_set("giver_id")).as("plusk_givers"));

    Column emptyStrings = array().cast("array<string>");
    Dataset<Row> combined = text.join(plusk, Columns.using("user_id", "topic_id"), "full_outer")
        .select(col("user_id"), col("topic_id"),
            coalesce(col("text_raw"), lit(0.0)).plus(coalesce(col("plusk_raw"), lit(0.0)).multiply(s.plusKWeight()))
                .as("raw_evidence"),
            coalesce(col("engaged_posts"), lit(0L)).as("engaged_posts"),
            coalesce(col("engagement_count"), lit(0L)).as("engagement_count"),
            coalesce(col("plusk_count"), lit(0L)).as("plusk_count"),
            coalesce(col("plusk_givers"), emptyStrings).as("plusk_givers"),
            coalesce(col("evidence_post_ids"), emptyStrings).as("evidence_post_ids"),
            coalesce(col("evidence_terms"), emptyStrings).as("evidence_terms"))
        .where(col("raw_evidence").geq(s.minRawEvidence()))
        .join(removed, Columns.using("user_id", "topic_id"), "left")
        .withColumn("removed", coalesce(col("removed"), lit(false)))
        // Read for the maxima, the ranks' slicing and the rows: worked out once.
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Filled before its readers: the maxima's broadcast and the slicing's counts run as concurrent jobs, and each
    // would compute the partitions not cached yet (Spark logs "Block ... already exists": the work done twice).
    long combinedRows = combined.count();
    LOG.info("score: {} user-topic rows over the window", combinedRows);

    Column listed = col("removed").equalTo(false);
    Dataset<Row> normalised = TopicRanks.withTopicMaxima(combined, listed)
        .withColumn("score", NORMALIZE.apply(col("raw_evidence"), coalesce(col("max_listed"), col("max_all"))))
        .drop("max_listed", "max_all");
    Dataset<Row> scored = TopicRanks.withRankInTopic(normalised, listed,
            new Column[] {col("score").desc(), col("raw_evidence").desc(), col("user_id")}, "rank_in_topic",
            s.rankSliceRows())
        .join(topics, "topic_id");
    // What a person is most expert in (Klout's profile view): below the super-topics, by raw evidence, everyday
    // conversation topics weighed down so that they never outrank a subject the person keeps posting about.
    Column rankable = listed.and(col("topic_level").geq(2));
    Column userWeight = col("raw_evidence").multiply(when(col("topic_kind").equalTo("everyday"),
        lit(s.everydayTopicWeight())).otherwise(lit(1.0)));
    // A person has at most a few hundred topics: a window per user holds no hot key.
    Dataset<Row> rows = scored
        .withColumn("_u", row_number().over(Window.partitionBy(col("user_id"), rankable)
            .orderBy(userWeight.desc(), col("score").desc(), col("topic_id"))))
        .withColumn("rank_in_user", when(rankable, col("_u")).cast("int"))
        .drop("_u")
        .withColumn("raw_evidence", expr("round(raw_evidence, 4)"))
        .join(screenNames, Columns.using("user_id"), "left");
    return new Expertise(rows, combined);
  }

  /** topic_expertise rows, and what they keep in memory until written: close after writing them. */
  public record Expertise(Dataset<Row> rows, Dataset<Row> cached) implements AutoCloseable {
    @Override
    public void close() {
      cached.unpersist();
    }
  }
}
