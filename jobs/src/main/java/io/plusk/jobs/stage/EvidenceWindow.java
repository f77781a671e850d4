package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.config.PluskConfig.ScoringSettings;
import io.plusk.common.schema.Tables;
import io.plusk.common.scoring.EvidencePools;
import io.plusk.common.scoring.EvidencePools.PostEntry;
import io.plusk.common.scoring.EvidencePools.TermsEntry;
import io.plusk.common.scoring.ScoreFormula;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The scoring window's text evidence per person and topic ({@code user_topic_window}), carried night to night so that
 * a night reads yesterday's state and two dates of {@code user_topic_daily} instead of every date of the window.
 *
 * <p>Decay is exponential, so the window's decayed sums are yesterday's times one night's decay, plus tonight's
 * evidence, minus what the date leaving the window added: kept for the standard half-life and for the slower one of a
 * vouched topic, since a +K can arrive or leave any night. Posts and engagement are whole numbers added and taken
 * off. The evidence lists come from pools that keep every entry that can still be listed ({@link EvidencePools}), so
 * they are exactly the window's own lists. Without a usable state (none, older than the window, written for a
 * shorter one, or one a date of whose window was written again after it) the state is worked out from the window's
 * daily rows, the same arithmetic over more rows; the sums
 * then agree with the carried ones to rounding (about 1e-12 relative), the lists and counts exactly.
 */
public final class EvidenceWindow {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceWindow.class);
  private static final String DT = Tables.PARTITION_COLUMN;
  private static final String TABLE = Tables.USER_TOPIC_WINDOW;

  private EvidenceWindow() {}

  /** The state at the end of {@code date}: yesterday's (or the last usable one's) and the dates since. */
  static Dataset<Row> carriedTo(Warehouse wh, LocalDate date, ScoringSettings s) {
    LocalDate windowStart = date.minusDays(s.windowDays() - 1L);
    CarriedWindowState.Usable usable = CarriedWindowState.usableBefore(TABLE, wh, date, windowStart);
    LocalDate rewritten = usable == null ? null : rewrittenAfter(wh, usable);
    if (rewritten != null) {
      // The state summed that date's rows as they were: taking off the new ones would leave the difference
      // in the sums for good.
      LOG.info("state={} date={} carried_from=none (user_topic_daily of {} was written after the state of {}: "
          + "worked out from the window)", TABLE, date, rewritten, usable.date());
      usable = null;
    }
    if (usable == null) {
      return merged(ofDays(wh.read(Tables.USER_TOPIC_DAILY, windowStart, date), date, s, 1), date, s);
    }
    LocalDate previous = usable.date();
    Dataset<Row> contributions = ofState(wh.read(TABLE, previous), previous, date, s)
        .unionByName(ofDays(wh.read(Tables.USER_TOPIC_DAILY, previous.plusDays(1), date), date, s, 1));
    if (usable.windowStart().isBefore(windowStart)) {
      // What the state summed that tonight's window no longer holds.
      contributions = contributions.unionByName(ofDays(wh.read(Tables.USER_TOPIC_DAILY, usable.windowStart(),
          windowStart.minusDays(1)), date, s, -1));
    }
    return merged(contributions, date, s);
  }

  /**
   * A date of the state's window whose daily rows were written after the state (a rerun or backfill of that date
   * alone), or null.
   */
  private static LocalDate rewrittenAfter(Warehouse wh, CarriedWindowState.Usable state) {
    long stateWritten = wh.completedAt(TABLE, state.date());
    for (LocalDate d = state.windowStart(); !d.isAfter(state.date()); d = d.plusDays(1)) {
      if (wh.completedAt(Tables.USER_TOPIC_DAILY, d) > stateWritten) {
        return d;
      }
    }
    return null;
  }

  /** The state worked out from daily rows alone (those of the window ending at {@code date} count). */
  public static Dataset<Row> fromDaily(Dataset<Row> daily, LocalDate date, ScoringSettings s) {
    LocalDate windowStart = date.minusDays(s.windowDays() - 1L);
    return merged(ofDays(daily.where(col(DT).geq(windowStart.toString()).and(col(DT).leq(date.toString()))), date,
        s, 1), date, s);
  }

  /** The (user, topic) pairs with positive text evidence on some date of the window. */
  static Dataset<Row> listed(Dataset<Row> window) {
    return window.where(col("last_listed_dt").isNotNull()).select("user_id", "topic_id");
  }

  /**
   * The text side of tonight's scores: decayed evidence (with the slower half-life where {@code vouched} holds the
   * pair), posts, engagement, and the heaviest posts and terms: {@code user_id, topic_id, text_raw, engaged_posts,
   * engagement_count, evidence_post_ids, evidence_terms}.
   */
  static Dataset<Row> textEvidence(Dataset<Row> window, Dataset<Row> vouched, LocalDate date, ScoringSettings s) {
    long day = date.toEpochDay();
    int n = s.evidenceLimit();
    double halfLife = s.halfLifeDays();
    double vouchedHalfLife = vouchedHalfLife(s);
    UserDefinedFunction topPosts = udf((UDF2<Seq<Row>, Boolean, Seq<String>>) (pool, v) -> JavaConverters
        .asScalaBuffer(EvidencePools.topPosts(posts(pool), day, v ? vouchedHalfLife : halfLife, n)),
        DataTypes.createArrayType(DataTypes.StringType, false));
    UserDefinedFunction topTerms = udf((UDF2<Seq<Row>, Boolean, Seq<String>>) (pool, v) -> JavaConverters
        .asScalaBuffer(EvidencePools.topTerms(terms(pool), day, v ? vouchedHalfLife : halfLife, 2 * n)),
        DataTypes.createArrayType(DataTypes.StringType, false));
    Column isVouched = coalesce(col("vouched"), lit(false));
    // One entry needs no ordering: listed without the function call.
    return window.join(vouched, Columns.using("user_id", "topic_id"), "left")
        .select(col("user_id"), col("topic_id"),
            when(isVouched, col("text_evidence_vouched")).otherwise(col("text_evidence")).as("text_raw"),
            col("posts").as("engaged_posts"), col("engagement_count"),
            when(size(col("post_pool")).leq(1), transform(col("post_pool"), x -> x.getField("post_id")))
                .otherwise(topPosts.apply(col("post_pool"), isVouched)).as("evidence_post_ids"),
            when(size(col("term_pool")).equalTo(0), array().cast("array<string>"))
                .when(size(col("term_pool")).equalTo(1),
                    slice(array_distinct(col("term_pool").getItem(0).getField("terms")), 1, 2 * n))
                .otherwise(topTerms.apply(col("term_pool"), isVouched)).as("evidence_terms"));
  }

  /** A date's daily rows as what they add to (sign 1) or take off (sign -1) the window's state. */
  private static Dataset<Row> ofDays(Dataset<Row> daily, LocalDate date, ScoringSettings s, int sign) {
    Column age = datediff(lit(date.toString()).cast("date"), to_date(col(DT)));
    Column epochDay = datediff(to_date(col(DT)), lit("1970-01-01").cast("date"));
    boolean adds = sign > 0;
    return daily.select(col("user_id"), col("topic_id"),
        col("evidence").multiply(ScoreJob.DECAY.apply(age, lit(s.halfLifeDays()))).multiply(sign)
            .as("text_evidence"),
        col("evidence").multiply(ScoreJob.DECAY.apply(age, lit(vouchedHalfLife(s)))).multiply(sign)
            .as("text_evidence_vouched"),
        col("posts").multiply(sign).as("posts"), col("engagement_count").multiply(sign).as("engagement_count"),
        (adds ? when(col("evidence").gt(0), col(DT)) : lit(null)).cast("string").as("last_listed_dt"),
        adds ? transform(col("evidence_posts"), x -> struct(x.getField("post_id").as("post_id"),
                x.getField("weight").as("weight"), epochDay.as("epoch_day"))).as("post_pool")
            : array().cast(DataTypes.createArrayType(Tables.POOLED_POST, false)).as("post_pool"),
        adds ? array(struct(epochDay.as("epoch_day"), col("evidence").as("weight"),
                col("evidence_terms").as("terms"))).as("term_pool")
            : array().cast(DataTypes.createArrayType(Tables.POOLED_TERMS, false)).as("term_pool"));
  }

  /** A state row as what it brings to a later date: its sums decayed by the nights in between. */
  private static Dataset<Row> ofState(Dataset<Row> state, LocalDate previous, LocalDate date, ScoringSettings s) {
    long nights = date.toEpochDay() - previous.toEpochDay();
    double keep = ScoreFormula.decay(nights, s.halfLifeDays());
    double keepVouched = ScoreFormula.decay(nights, vouchedHalfLife(s));
    return state.select(col("user_id"), col("topic_id"), col("text_evidence").multiply(keep).as("text_evidence"),
        col("text_evidence_vouched").multiply(keepVouched).as("text_evidence_vouched"), col("posts"),
        col("engagement_count"), col("last_listed_dt"), col("post_pool"), col("term_pool"));
  }

  /** One row per pair still in the window: sums added up, listing date kept if in the window, pools pruned. */
  private static Dataset<Row> merged(Dataset<Row> contributions, LocalDate date, ScoringSettings s) {
    LocalDate windowStart = date.minusDays(s.windowDays() - 1L);
    long startDay = windowStart.toEpochDay();
    int n = s.evidenceLimit();
    double[] halfLives = {s.halfLifeDays(), vouchedHalfLife(s)};
    UserDefinedFunction prunePosts = udf((UDF1<Seq<Row>, Seq<Row>>) pool -> {
      List<Row> rows = new ArrayList<>();
      for (PostEntry e : EvidencePools.prunePosts(posts(pool), startDay, n, halfLives)) {
        rows.add(RowFactory.create(e.postId(), e.weight(), (int) e.day()));
      }
      return JavaConverters.asScalaBuffer(rows);
    }, DataTypes.createArrayType(Tables.POOLED_POST, false));
    UserDefinedFunction pruneTerms = udf((UDF1<Seq<Row>, Seq<Row>>) pool -> {
      List<Row> rows = new ArrayList<>();
      for (TermsEntry e : EvidencePools.pruneTerms(terms(pool), startDay, 2 * n, halfLives)) {
        rows.add(RowFactory.create((int) e.day(), e.weight(), JavaConverters.asScalaBuffer(e.terms())));
      }
      return JavaConverters.asScalaBuffer(rows);
    }, DataTypes.createArrayType(Tables.POOLED_TERMS, false));
    return contributions.groupBy("user_id", "topic_id")
        .agg(sum("text_evidence").as("text_evidence"), sum("text_evidence_vouched").as("text_evidence_vouched"),
            sum("posts").as("posts"), sum("engagement_count").as("engagement_count"),
            max("last_listed_dt").as("last_listed_dt"), flatten(collect_list("post_pool")).as("post_pool"),
            flatten(collect_list("term_pool")).as("term_pool"))
        // Every date of the pair left the window.
        .where(col("posts").gt(0))
        .withColumn("last_listed_dt", when(col("last_listed_dt").geq(windowStart.toString()),
            col("last_listed_dt")))
        // A pool of a few distinct posts (or one row of terms) can lose only what left the window: pruned without
        // the function call, which most pairs of a day need not pay for.
        .withColumn("post_pool", when(size(col("post_pool")).leq(n).and(size(col("post_pool")).equalTo(
                size(array_distinct(transform(col("post_pool"), x -> x.getField("post_id")))))),
            array_sort(inWindow(col("post_pool"), startDay))).otherwise(prunePosts.apply(col("post_pool"))))
        .withColumn("term_pool", when(size(col("term_pool")).leq(1), inWindow(col("term_pool"), startDay))
            .otherwise(pruneTerms.apply(col("term_pool"))))
        .withColumn(CarriedWindowState.WINDOW_DAYS, lit(s.windowDays()));
  }

  /** The slower half-life of a topic with +K in the window. */
  private static double vouchedHalfLife(ScoringSettings s) {
    return s.halfLifeDays() * s.plusKHalfLifeMultiplier();
  }

  private static Column inWindow(Column pool, long startDay) {
    return filter(pool, x -> x.getField("epoch_day").geq(startDay));
  }

  private static List<PostEntry> posts(Seq<Row> pool) {
    List<PostEntry> out = new ArrayList<>(pool.size());
    for (Row r : JavaConverters.seqAsJavaList(pool)) {
      out.add(new PostEntry(r.getString(0), r.getDouble(1), r.getInt(2)));
    }
    return out;
  }

  private static List<TermsEntry> terms(Seq<Row> pool) {
    List<TermsEntry> out = new ArrayList<>(pool.size());
    for (Row r : JavaConverters.seqAsJavaList(pool)) {
      out.add(new TermsEntry(r.getInt(0), r.getDouble(1), JavaConverters.seqAsJavaList(r.<String>getSeq(2))));
    }
    return out;
  }
}
