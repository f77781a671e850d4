package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.config.PluskConfig.ScoringSettings;
import io.plusk.common.ingest.ComplianceNotice;
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
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours the platform's post deletions. A deleted post is dropped from the night's {@code posts} as it is ingested,
 * whenever its notice came (before, with or after the post: a backfill of an old day honours deletions published
 * since); and tonight's notices remove posts ingested on earlier dates of the scoring window, with every published
 * date since worked out again, so tonight's {@code topic_expertise} is as if the posts had never existed.
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
   * The rewrite of one earlier date, as its night would have made it without the deleted posts ({@link
   * DateRederivation}). Where the date held some, their rows and the engagement their retweets, replies, quotes and
   * mentions gave go (a bare mention that engaged a deleted post engages its author's post before it, which is
   * linked now). The people whose evidence of this date may change are added to {@code changed}.
   */
  private static PublishedDateRewrite rewrite(JobContext at, Dataset<Row> deleted, boolean holdsDeleted,
                                              Set<String> relinked, Set<String> changed, String reason) {
    Warehouse wh = at.warehouse();
    LocalDate d = at.date();
    DateRederivation rederivation = DateRederivation.of(at, reason).relinking(relinked);
    changed.addAll(relinked);
    if (holdsDeleted) {
      // Read before the rewrite stages the date: what the date held.
      Dataset<Row> gonePosts = wh.read(Tables.POSTS, d).join(deleted, Columns.using("post_id"), "left_semi");
      Dataset<Row> goneEvents = IngestJob.eventsFromPosts(gonePosts);
      Dataset<Row> touched = gonePosts.select("user_id")
          .unionByName(goneEvents.where(col("target_user_id").isNotNull()).select(col("target_user_id")
              .as("user_id")))
          .unionByName(wh.read(Tables.POSTS, d.minusDays(at.config().engaged().lookbackDays()), d)
              .join(goneEvents.select("post_id").distinct(), Columns.using("post_id"), "left_semi")
              .select("user_id"));
      for (Row r : touched.distinct().collectAsList()) {
        changed.add(r.getString(0));
      }
      Dataset<Row> goneEventIds = goneEvents.select("event_id");
      rederivation.input(Tables.POSTS, t -> t.join(deleted, Columns.using("post_id"), "left_anti"))
          .input(Tables.ENGAGEMENT_EVENTS, t -> t.join(goneEventIds, Columns.using("event_id"), "left_anti"));
    }
    return rederivation.rewrite();
  }

  /** One {@code post_id} column: the posts the notices delete. */
  static Dataset<Row> deletions(Dataset<Row> notices) {
    return notices.where(col("notice").equalTo(ComplianceNotice.STATUS_DELETION)).select("post_id").distinct();
  }

  /**
   * Removes tonight's deleted posts from the published dates of the scoring window before the run's date; counts
   * what it did into {@code result}. Every published date from the oldest that held a deleted post to yesterday is
   * rewritten, oldest first: each night's scores read the night before's (the weight of a +K is its giver's
   * expertise then), and people's evidence is their next posts' linking context.
   */
  static void removeFromEarlierDates(JobContext ctx, StageResult result) {
    Warehouse wh = ctx.warehouse();
    LocalDate date = ctx.date();
    ScoringSettings scoring = ctx.config().scoring();
    LocalDate from = date.minusDays(Math.max(scoring.windowDays(), ctx.config().engaged().lookbackDays()) - 1L);
    Dataset<Row> tonight = deletions(wh.read(Tables.COMPLIANCE_EVENTS, date));
    if (tonight.isEmpty()) {
      // Most nights of a dump without compliance notices: no scan of the window's posts for nothing.
      count(result, 0, 0, 0, 0);
      return;
    }
    Dataset<Row> held = wh.read(Tables.POSTS, from, date.minusDays(1)).select("dt", "post_id")
        .unionByName(wh.read(Tables.ENGAGED_POSTS, from, date.minusDays(1)).select("dt", "post_id"))
        .join(functions.broadcast(tonight), Columns.using("post_id"), "left_semi")
        .persist(StorageLevel.MEMORY_AND_DISK());
    TreeSet<LocalDate> found = new TreeSet<>();
    for (Row r : held.select("dt").distinct().collectAsList()) {
      found.add(LocalDate.parse(r.getString(0)));
    }
    long posts = held.select("post_id").distinct().count();
    held.unpersist();
    long rewritten = 0;
    List<String> skipped = new ArrayList<>();
    Set<String> changed = new TreeSet<>();
    String reason = "status deletions filed " + date;
    for (LocalDate d = found.isEmpty() ? date : found.first(); d.isBefore(date); d = d.plusDays(1)) {
      if (!wh.isPublished(d)) {
        // Its tables are not live; the date's next run ingests it with tonight's notices honoured.
        skipped.add(d.toString());
        continue;
      }
      boolean holdsDeleted = found.contains(d);
      Map<String, long[]> rows = rewrite(ctx.forDate(d), tonight, holdsDeleted, Set.copyOf(changed), changed,
          holdsDeleted ? reason : reason + " on earlier dates (scores and links that read them)")
          .run(ctx.forDate(d), Pipeline.staleAfter(ctx));
      rewritten++;
      for (Map.Entry<String, long[]> e : rows.entrySet()) {
        String name = "deletions.earlier_rows_removed." + e.getKey();
        result.count(name, result.counts().getOrDefault(name, 0L) + e.getValue()[0] - e.getValue()[1]);
      }
    }
    if (!skipped.isEmpty()) {
      LOG.warn("deletions date={} unpublished_dates_left={} (their next run honours the notices)", date, skipped);
    }
    count(result, rewritten, found.size(), posts, changed.size());
  }

  private static void count(StageResult result, long datesRewritten, long datesWithDeletedPosts, long postsFound,
                            long peopleWithChangedEvidence) {
    result.count("deletions.earlier_dates_rewritten", datesRewritten)
        .count("deletions.earlier_dates_with_deleted_posts", datesWithDeletedPosts)
        .count("deletions.earlier_posts_found", postsFound)
        .count("deletions.people_with_changed_evidence", peopleWithChangedEvidence);
  }
}
