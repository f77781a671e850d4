package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.report.UserLabel;
import io.plusk.jobs.io.OntologyLoader;
import io.plusk.jobs.io.Warehouse;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** "Why am I influential about X?": a user's topics with the evidence behind each score. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Prints a user's topics on a published date with the evidence behind each score: engaged posts "
        + "(with their text), matched terms, engagement, +K givers, removals.")
public final class ExplainCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Mixin InputOptions.PublishedDate published;
  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "HANDLE", description = "Screen name (with or without @) or user id.")
  String user;

  @Option(names = "--topic", paramLabel = "T", description = "Only this topic (slug, id or display name).")
  String topic;

  @Override
  public Integer call() {
    PluskConfig config = options.config();
    Warehouse wh = options.existingWarehouse(config);
    SparkSession spark = wh.spark();
    Ontology ontology = OntologyLoader.load(spark, config.ontologyLocation());
    LocalDate date = PublishedDates.resolve(wh, published.date);
    String handle = user.startsWith("@") ? user.substring(1) : user;

    Dataset<Row> rows = wh.read(Tables.TOPIC_EXPERTISE, date)
        .where(lower(col("screen_name")).equalTo(handle.toLowerCase(Locale.ROOT)).or(col("user_id").equalTo(handle)));
    if (topic != null) {
      Topic t = UsageError.requireTopic(ontology, "--topic", topic);
      rows = rows.where(col("topic_id").equalTo(t.id()));
    }
    // The person's own ranking first (rank_in_user: what they are most expert in), super-topics and removed last.
    List<Row> list = rows.orderBy(col("removed"), col("rank_in_user").asc_nulls_last(), col("topic_level").desc(),
        col("score").desc()).collectAsList();
    PrintWriter out = spec.commandLine().getOut();
    if (list.isEmpty()) {
      LocalDate windowStart = date.minusDays(config.scoring().windowDays() - 1L);
      if (!knownUser(wh, handle, windowStart, date)) {
        throw UsageError.of("--user %s: nobody of that screen name or id posted or had a profile from %s to %s",
            user, windowStart, date);
      }
      out.printf("@%s has no listed topic%s on %s.%n", handle, topic == null ? "" : " '" + topic + "'", date);
      out.flush();
      return 0;
    }
    Map<String, String> names = new HashMap<>();
    List<String> giverIds = list.stream().flatMap(r -> r.<String>getList(r.fieldIndex("plusk_givers")).stream())
        .distinct().toList();
    // Only the givers shown are looked up: the driver never holds the window's user profiles.
    for (Row r : wh.read(Tables.USERS, date.minusDays(config.scoring().windowDays()), date)
        .where(col("user_id").isin(giverIds.toArray())).select("user_id", "screen_name").collectAsList()) {
      names.put(r.getString(0), r.getString(1));
    }
    Map<String, String> texts = new HashMap<>();
    List<String> postIds = list.stream().flatMap(r -> r.<String>getList(r.fieldIndex("evidence_post_ids")).stream())
        .distinct().toList();
    for (Row p : wh.read(Tables.POSTS, date.minusDays(config.scoring().windowDays()), date)
        .where(col("post_id").isin(postIds.toArray())).select("post_id", "text").collectAsList()) {
      texts.putIfAbsent(p.getString(0), p.getString(1));
    }
    Row first = list.get(0);
    String userId = first.getString(first.fieldIndex("user_id"));
    String label = UserLabel.of(first.getString(first.fieldIndex("screen_name")), userId);
    out.printf("%s on %s: %d topic%s%n", label.startsWith("@") ? label + " (user " + userId + ")" : label, date,
        list.size(), list.size() == 1 ? "" : "s");
    for (Row r : list) {
      boolean removed = r.getBoolean(r.fieldIndex("removed"));
      out.printf("%n%s (%s, level %d): score %.1f, %s%n", r.getString(r.fieldIndex("topic_name")),
          r.getString(r.fieldIndex("topic_slug")), r.getInt(r.fieldIndex("topic_level")),
          r.getDouble(r.fieldIndex("score")),
          removed ? "REMOVED by the user: hidden from listings and perks"
              : "rank " + r.getInt(r.fieldIndex("rank_in_topic")) + " in the topic" + (r.isNullAt(r.fieldIndex(
                  "rank_in_user")) ? "" : ", #" + r.getInt(r.fieldIndex("rank_in_user")) + " for this person"));
      out.printf("  %d engaged posts, %d engagements, raw evidence %.3f%n", r.getLong(r.fieldIndex("engaged_posts")),
          r.getLong(r.fieldIndex("engagement_count")), r.getDouble(r.fieldIndex("raw_evidence")));
      List<String> givers = r.getList(r.fieldIndex("plusk_givers"));
      if (!givers.isEmpty()) {
        out.printf("  +K from %s%n", givers.stream().map(g -> UserLabel.of(names.get(g), g)).toList());
      }
      List<String> terms = r.getList(r.fieldIndex("evidence_terms"));
      if (!terms.isEmpty()) {
        out.printf("  matched: %s%n", String.join(", ", terms));
      }
      for (String id : r.<String>getList(r.fieldIndex("evidence_post_ids"))) {
        String text = texts.getOrDefault(id, "(post not in the window)").replaceAll("\\s+", " ");
        out.printf("  post %s: %s%n", id, text.length() > 100 ? text.substring(0, 97) + "..." : text);
      }
    }
    out.flush();
    return 0;
  }

  /** Whether the warehouse knows the person in the scoring window: a profile or a post (one row is enough). */
  private static boolean knownUser(Warehouse wh, String handle, LocalDate from, LocalDate to) {
    org.apache.spark.sql.Column named = lower(col("screen_name")).equalTo(handle.toLowerCase(Locale.ROOT))
        .or(col("user_id").equalTo(handle));
    return !wh.read(Tables.USERS, from, to).where(named).limit(1).isEmpty()
        || !wh.read(Tables.POSTS, from, to).where(named).limit(1).isEmpty();
  }
}
