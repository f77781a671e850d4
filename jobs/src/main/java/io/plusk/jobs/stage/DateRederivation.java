package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.linking.LinkFeedback;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.io.PublishedDateRewrite;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A published date worked out again after rows were taken out of its input tables (posts, events, dumps), as its
 * night would have made it without them: engaged posts from what is left, the posts of {@code relinked} people
 * linked again (their evidence of an earlier date changed, and the linker reads it as their posts' context, or
 * their posts' text did), everyone else's links kept; then the score stage for the date (daily evidence, +K
 * weighed by the expertise of the date before, link feedback, expertise). Used oldest date first, so each date
 * reads the dates before it as they now are.
 */
final class DateRederivation {
  private final JobContext at;
  private final String reason;
  private final Map<String, UnaryOperator<Dataset<Row>>> inputs = new LinkedHashMap<>();
  private Set<String> relinked = Set.of();

  private DateRederivation(JobContext at, String reason) {
    this.at = at;
    this.reason = reason;
  }

  static DateRederivation of(JobContext at, String reason) {
    return new DateRederivation(at, reason);
  }

  /** What is left of an input table (one the stages do not derive). */
  DateRederivation input(String table, UnaryOperator<Dataset<Row>> kept) {
    inputs.put(table, kept);
    return this;
  }

  /** People whose posts of the date are linked again rather than keeping their links. */
  DateRederivation relinking(Set<String> people) {
    this.relinked = Set.copyOf(people);
    return this;
  }

  /**
   * The rewrite, ready to run. The inputs' filters and the links kept are bound to what the date holds now, so
   * build it right before running it.
   */
  PublishedDateRewrite rewrite() {
    Warehouse wh = at.warehouse();
    LocalDate d = at.date();
    PublishedDateRewrite rewrite = PublishedDateRewrite.of(wh, d, reason);
    inputs.forEach(rewrite::table);
    boolean changedEngagement = inputs.containsKey(Tables.POSTS) || inputs.containsKey(Tables.ENGAGEMENT_EVENTS);
    if (changedEngagement) {
      rewrite.table(Tables.ENGAGED_POSTS, t -> EngagedJob.engagedOn(at));
    }
    Column byRelinked = relinked.isEmpty() ? functions.lit(false) : col("user_id").isin(relinked.toArray());
    boolean relinks = !relinked.isEmpty() && !wh.read(Tables.ENGAGED_POSTS, d).where(byRelinked).isEmpty();
    if (changedEngagement || relinks) {
      // Read before the rewrite stages the date: the links the date held.
      Dataset<Row> engagedBefore = wh.read(Tables.ENGAGED_POSTS, d).where(functions.not(byRelinked))
          .select("post_id");
      Dataset<Row> linksBefore = wh.read(Tables.POST_TOPICS, d).where(functions.not(byRelinked));
      LocalDate lookbackStart = d.minusDays(at.config().engaged().lookbackDays());
      LinkFeedback feedback = LinkJob.latestFeedback(at);
      rewrite.table(Tables.POST_TOPICS, t -> LinkJob.linksReusing(at, wh.read(Tables.ENGAGED_POSTS, d),
          wh.read(Tables.ENGAGED_POSTS, lookbackStart, d.minusDays(1)).select("post_id")
              .unionByName(engagedBefore).distinct(),
          wh.read(Tables.POST_TOPICS, lookbackStart, d.minusDays(1)).unionByName(linksBefore), feedback));
    }
    return rewrite.stage(new ScoreJob(), Tables.USER_TOPIC_DAILY, Tables.PLUSK_ACCEPTED, Tables.PLUSK_REJECTED,
        Tables.LINK_FEEDBACK, Tables.LINK_USAGE, Tables.KNOWN_USERS, Tables.USER_TOPIC_WINDOW,
        Tables.TOPIC_EXPERTISE);
  }
}
