package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.config.PluskConfig.ScoringSettings;
import io.plusk.common.ingest.ComplianceNotice;
import io.plusk.common.linking.LinkFeedback;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Pipeline;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.PublishedDateRewrite;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours the platform's post deletions. A deleted post is dropped from the night's {@code posts} as it is ingested,
 * whenever its notice came (before, with or after the post: a backfill of an old day honours deletions published
 * since); and tonight's notices remove posts ingested on earlier dates of the scoring window from their
 * {@code posts}, {@code engaged_posts} and {@code post_topics}, with those dates' {@code user_topic_daily} worked
 * out again without them, so the next {@code topic_expertise} is as if the post had never existed.
 */
final class PostDeletions {
  private static final Logger LOG = LoggerFactory.getLogger(PostDeletions.class);
  /** Read back to the last date a notice can be filed under: a deletion of any later date counts. */
  private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

  private PostDeletions() {}

  /**
   * One {@code post_id} column: posts deleted by a notice filed on {@code from} or later, tonight's staged
   * notices included.
   */
  static Dataset<Row> deletedSince(Warehouse wh, LocalDate from) {
    return deletions(wh.read(Tables.COMPLIANCE_EVENTS, from, LAST_DATE));
  }

  /**
   * The rewrite of one earlier date without the deleted posts: their rows and the engagement their retweets,
   * replies, quotes and mentions gave go, and the date's engaged posts, links and daily evidence are worked out
   * again from what is left, as that night's stages would have (a post that kept its engagement keeps its links; a
   * bare mention that engaged a deleted post engages its author's post before it, which is linked now).
   */
  private static PublishedDateRewrite rewrite(JobContext at, Dataset<Row> deleted, String reason) {
    Warehouse wh = at.warehouse();
    LocalDate d = at.date();
    ScoringSettings scoring = at.config().scoring();
    // Read before the rewrite stages the date: what the date held.
    Dataset<Row> goneEvents = IngestJob.eventsFromPosts(wh.read(Tables.POSTS, d)
        .join(deleted, Columns.using("post_id"), "left_semi")).select("event_id");
    Dataset<Row> engagedBefore = wh.read(Tables.ENGAGED_POSTS, d).select("post_id");
    Dataset<Row> linksBefore = wh.read(Tables.POST_TOPICS, d);
    LocalDate lookbackStart = d.minusDays(at.config().engaged().lookbackDays());
    LinkFeedback feedback = LinkJob.latestFeedback(at);
    return PublishedDateRewrite.of(wh, d, reason)
        .table(Tables.POSTS, t -> t.join(deleted, Columns.using("post_id"), "left_anti"))
        .table(Tables.ENGAGEMENT_EVENTS, t -> t.join(goneEvents, Columns.using("event_id"), "left_anti"))
        .table(Tables.ENGAGED_POSTS, t -> EngagedJob.engagedOn(at))
        .table(Tables.POST_TOPICS, t -> LinkJob.linksReusing(at, wh.read(Tables.ENGAGED_POSTS, d),
            wh.read(Tables.ENGAGED_POSTS, lookbackStart, d.minusDays(1)).select("post_id")
                .unionByName(engagedBefore).distinct(),
            wh.read(Tables.POST_TOPICS, lookbackStart, d.minusDays(1)).unionByName(linksBefore), feedback))
        .table(Tables.USER_TOPIC_DAILY, t -> ScoreJob.userTopicDaily(wh.read(Tables.ENGAGED_POSTS, d),
            wh.read(Tables.POST_TOPICS, d), scoring.evidenceLimit(), scoring.breadthShare()));
  }

  /** One {@code post_id} column: the posts the notices delete. */
  static Dataset<Row> deletions(Dataset<Row> notices) {
    return notices.where(col("notice").equalTo(ComplianceNotice.STATUS_DELETION)).select("post_id").distinct();
  }

  /**
   * Removes tonight's deleted posts from the published dates of the scoring window before the run's date; counts
   * what it did into {@code result}.
   */
  static void removeFromEarlierDates(JobContext ctx, StageResult result) {
    Warehouse wh = ctx.warehouse();
    LocalDate date = ctx.date();
    ScoringSettings scoring = ctx.config().scoring();
    LocalDate from = date.minusDays(Math.max(scoring.windowDays(), ctx.config().engaged().lookbackDays()) - 1L);
    Dataset<Row> tonight = functions.broadcast(deletions(wh.read(Tables.COMPLIANCE_EVENTS, date)));
    Dataset<Row> held = wh.read(Tables.POSTS, from, date.minusDays(1)).select("dt", "post_id")
        .unionByName(wh.read(Tables.ENGAGED_POSTS, from, date.minusDays(1)).select("dt", "post_id"))
        .join(tonight, Columns.using("post_id"), "left_semi")
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    List<Row> found = held.select("dt").distinct().orderBy("dt").collectAsList();
    long posts = held.select("post_id").distinct().count();
    held.unpersist();
    long rewritten = 0;
    List<String> skipped = new ArrayList<>();
    for (Row r : found) {
      LocalDate d = LocalDate.parse(r.getString(0));
      if (!wh.isPublished(d)) {
        // Its tables are not live; the date's next run ingests it with tonight's notices honoured.
        skipped.add(d.toString());
        continue;
      }
      Map<String, long[]> rows = rewrite(ctx.forDate(d), tonight, "status deletions filed " + date)
          .run(Pipeline.staleAfter(ctx));
      rewritten++;
      for (Map.Entry<String, long[]> e : rows.entrySet()) {
        String name = "deletions.earlier_rows_removed." + e.getKey();
        result.count(name, result.counts().getOrDefault(name, 0L) + e.getValue()[0] - e.getValue()[1]);
      }
    }
    if (!skipped.isEmpty()) {
      LOG.warn("deletions date={} unpublished_dates_left={} (their next run honours the notices)", date, skipped);
    }
    result.count("deletions.earlier_dates_rewritten", rewritten).count("deletions.earlier_posts_found", posts);
  }
}
