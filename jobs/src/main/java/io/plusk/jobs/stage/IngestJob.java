package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha1;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.config.PluskConfig.IngestSettings;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.DataQualityException;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Stage;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.RawLines;
import io.plusk.jobs.io.SplitLineNumbers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.plusk.jobs.io.Frames;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage 1: parses the day's dumps into typed tables ({@code posts}, {@code engagement_events},
 * {@code plusk_events}, {@code removal_events}, {@code users}); every line that cannot be used goes to
 * {@code quarantine} with its file, line number, reason and raw text. Retweets, replies, quotes and @mentions found
 * in the tweets become engagement events. Checks that every line is accounted for and applies the data-quality
 * gate before writing anything.
 */
public final class IngestJob implements Stage {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestJob.class);
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public StageResult execute(JobContext ctx) {
    SparkSession spark = ctx.spark();
    IngestSettings settings = ctx.config().ingest();
    Instant latestAllowed = ctx.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
        .plusSeconds(3600L * settings.maxFutureSkewHours());
    StageResult result = new StageResult(name());

    Map<DumpKind, Dataset<Row>> accepted = new EnumMap<>(DumpKind.class);
    Map<DumpKind, Long> acceptedLineCount = new EnumMap<>(DumpKind.class);
    Map<String, Long> expectedQuarantine = new java.util.TreeMap<>();
    List<Dataset<Row>> quarantined = new ArrayList<>();
    List<JavaRDD<ParsedLine>> cached = new ArrayList<>();
    List<Dataset<Row>> cachedFrames = new ArrayList<>();
    Map<DumpKind, Long> tableRows = new EnumMap<>(DumpKind.class);
    Map<DumpKind, Long> linesWithRows = new EnumMap<>(DumpKind.class);
    Dataset<Row> streamNotices = null;
    long noticeLines = 0;
    try {
      for (DumpKind kind : DumpKind.values()) {
        String folder = RawLines.dayFolder(ctx.inputRoot(), kind.folder, ctx.date());
        boolean present = RawLines.folderExists(spark, folder);
        if (!present && ctx.config().requiredKinds().contains(kind.folder)) {
          throw new DataQualityException(String.format(
              "Required dump '%s' is missing for %s: no folder %s", kind.folder, ctx.date(), folder));
        }
        RawLines.DayFiles dayFiles = RawLines.files(spark, folder);
        List<String> files = dayFiles.paths();
        DumpKind.LineParser parser = kind.parser(settings.maxTextChars(), latestAllowed);
        long splitBytes = RawLines.splitBytes(spark, dayFiles, settings.splitBytes());
        Set<String> wholeFiles = Set.of();
        JavaRDD<ParsedLine> parsed;
        List<SplitTally> tallies;
        SplitLineNumbers numbers;
        while (true) {
          parsed = RawLines.read(spark, files, settings.maxRecordChars(), splitBytes, wholeFiles)
              .map(parser::parse).persist(StorageLevel.MEMORY_AND_DISK());
          // One pass over the parsed records gives every figure of the kind and each split's line count.
          tallies = parsed.mapPartitions(SplitTally::of).collect();
          numbers = SplitLineNumbers.of(tallies.stream().map(SplitTally::end).toList());
          Set<String> across = numbers.filesWithDocumentsAcrossSplits();
          if (across.isEmpty()) {
            break;
          }
          // Rare (pretty-printed documents in a large file): those files again, each as one task.
          LOG.warn("ingest date={} kind={} files_read_whole={} reason=pretty-printed document across a split end",
              ctx.date(), kind.folder, across);
          parsed.unpersist();
          wholeFiles = across;
        }
        cached.add(parsed);
        long lines = tallies.stream().mapToLong(SplitTally::records).sum();
        long rejected = tallies.stream().mapToLong(SplitTally::rejected).sum();
        expectedQuarantine.put(kind.folder, rejected);
        acceptedLineCount.put(kind, lines - rejected);
        tableRows.put(kind, tallies.stream().mapToLong(SplitTally::rows).sum());
        linesWithRows.put(kind, tallies.stream().mapToLong(SplitTally::linesWithRows).sum());
        SplitLineNumbers lineNumbers = numbers;
        if (kind == DumpKind.TWEETS) {
          noticeLines = tallies.stream().mapToLong(SplitTally::notices).sum();
          int noticeLineNo = DumpKind.noticeLineNoField();
          streamNotices = spark.createDataFrame(
              parsed.flatMap(p -> p.notices(lineNumbers, noticeLineNo).iterator()), Tables.COMPLIANCE_EVENTS_SCHEMA);
        }
        Set<String> withRecords = new java.util.HashSet<>();
        tallies.stream().filter(t -> t.records() > 0).forEach(t -> withRecords.add(t.end().file()));
        List<String> emptyFiles = files.stream().filter(f -> !withRecords.contains(f)).toList();
        emptyFiles.forEach(f -> LOG.warn("ingest date={} kind={} empty_file={}", ctx.date(), kind.folder, f));
        result.count(kind.folder + ".files", files.size())
            .count(kind.folder + ".splits", tallies.size())
            .count(kind.folder + ".files_read_whole", wholeFiles.size())
            .count(kind.folder + ".empty_files", emptyFiles.size())
            .count(kind.folder + ".lines", lines)
            .count(kind.folder + ".quarantined", rejected);
        List<String> unreadable = tallies.stream().flatMap(t -> t.unreadable().stream())
            .map(p -> p.line().file() + " (" + p.detail(lineNumbers) + ")")
            .toList();
        checkGate(ctx, kind, lines, rejected, unreadable, files.size());
        int lineNoField = kind.lineNoField();
        accepted.put(kind, spark.createDataFrame(parsed.flatMap(p -> p.rows(lineNumbers, lineNoField).iterator()),
            kind.schema()));
        String kindName = kind.folder;
        quarantined.add(spark.createDataFrame(parsed.filter(ParsedLine::isRejected)
            .map(p -> p.quarantineRow(kindName, lineNumbers)), Tables.QUARANTINE_SCHEMA));
      }

      // Notices first: tonight's deletions are honoured by tonight's posts already.
      Dataset<Row> notices = accepted.get(DumpKind.DELETIONS).unionByName(streamNotices);
      long noticeCount = ctx.warehouse().write(notices, Tables.COMPLIANCE_EVENTS, ctx.date());
      result.count("tweets.compliance_notices", noticeLines).count("compliance_events.written", noticeCount);
      // Counted from the parsed records (cached), not by reading the written table back.
      for (Row r : notices.groupBy("notice").count().orderBy("notice").collectAsList()) {
        result.count("compliance." + r.getString(0), r.getLong(1));
      }
      Dataset<Row> deleted = PostDeletions.deletedSince(ctx.warehouse(),
          ctx.date().minusDays(settings.redeliveryWindowDays()));

      // Each status tagged once with whether an earlier day has it and whether it is deleted: the figures and the
      // rows written come from the same frames, not from a second join of the day's statuses.
      Dataset<Row> statuses = accepted.get(DumpKind.TWEETS)
          .join(earlierIds(ctx, Tables.POSTS, "post_id", col("is_embedded").equalTo(false))
              .withColumn("_earlier", lit(true)), Columns.using("post_id"), "left")
          .persist(StorageLevel.MEMORY_AND_DISK());
      cachedFrames.add(statuses);
      Column isFresh = col("_earlier").isNull();
      Row statusFigures = statuses.agg(count(lit(1)), count(when(isFresh, lit(1)))).first();
      long statusCount = statusFigures.getLong(0);
      long freshCount = statusFigures.getLong(1);
      Dataset<Row> freshPosts = dedupePosts(statuses.where(isFresh).drop("_earlier"))
          .join(deleted.withColumn("_deleted", lit(true)), Columns.using("post_id"), "left")
          .persist(StorageLevel.MEMORY_AND_DISK());
      cachedFrames.add(freshPosts);
      Row postFigures = freshPosts.agg(count(lit(1)), count(col("_deleted"))).first();
      long deletedPosts = postFigures.getLong(1);
      long distinctPosts = postFigures.getLong(0) - deletedPosts;
      // Read only by the figures and freshPosts, both computed now: a day's statuses with their text are not kept
      // while the rest of the stage runs.
      statuses.unpersist();
      Dataset<Row> posts = freshPosts.where(col("_deleted").isNull()).drop("_deleted");
      long postCount = ctx.warehouse().write(posts, Tables.POSTS, ctx.date());
      // Accounting, from the parse's own tally and the rows the write counted: every accepted line left a
      // compliance notice or at least one status, every status was tagged, every distinct post id not deleted is
      // in the table once, the rest are counted duplicates.
      long tweetsLinesWithRows = linesWithRows.get(DumpKind.TWEETS);
      long parsedStatuses = tableRows.get(DumpKind.TWEETS);
      if (postCount != distinctPosts || statusCount != parsedStatuses
          || tweetsLinesWithRows + noticeLines != acceptedLineCount.get(DumpKind.TWEETS)) {
        throw new IllegalStateException(String.format("Accounting broken for tweets: %d accepted lines, %d lines "
                + "with a status, %d notices, %d statuses parsed, %d tagged, %d distinct post ids not deleted, "
                + "%d posts written", acceptedLineCount.get(DumpKind.TWEETS), tweetsLinesWithRows, noticeLines,
            parsedStatuses, statusCount, distinctPosts, postCount));
      }
      result.count("tweets.statuses", statusCount)
          .count("tweets.redelivered_statuses", statusCount - freshCount)
          .count("posts.written", postCount)
          .count("tweets.deleted_statuses", deletedPosts)
          .count("tweets.duplicate_statuses", freshCount - postCount - deletedPosts);

      Dataset<Row> events = eventsFromPosts(posts).unionByName(accepted.get(DumpKind.ENGAGEMENTS))
          .join(earlierIds(ctx, Tables.ENGAGEMENT_EVENTS, "event_id", lit(true)).withColumn("_earlier", lit(true)),
              Columns.using("event_id"), "left")
          .persist(StorageLevel.MEMORY_AND_DISK());
      cachedFrames.add(events);
      Row eventFigures = events.agg(count(lit(1)), count(when(isFresh, lit(1)))).first();
      long eventRows = eventFigures.getLong(0);
      long freshEventRows = eventFigures.getLong(1);
      long eventCount = ctx.warehouse().write(events.where(isFresh).drop("_earlier").dropDuplicates("event_id"),
          Tables.ENGAGEMENT_EVENTS, ctx.date());
      events.unpersist();
      result.count("engagement_events.written", eventCount)
          .count("engagement_events.redelivered", eventRows - freshEventRows)
          .count("engagement_events.duplicates", freshEventRows - eventCount);

      result.count("plusk_events.written",
          ctx.warehouse().write(accepted.get(DumpKind.PLUSK), Tables.PLUSK_EVENTS, ctx.date()));
      result.count("removal_events.written",
          ctx.warehouse().write(accepted.get(DumpKind.REMOVALS), Tables.REMOVAL_EVENTS, ctx.date()));
      result.count("users.written", ctx.warehouse().write(newestProfiles(accepted.get(DumpKind.USERS)),
          Tables.USERS, ctx.date()));
      result.count("opt_out_events.written",
          ctx.warehouse().write(accepted.get(DumpKind.OPT_OUTS), Tables.OPT_OUT_EVENTS, ctx.date()));
      for (LatestEventState state : LatestEventState.values()) {
        result.count(state.table() + ".written",
            ctx.warehouse().write(state.carriedTo(ctx.warehouse(), ctx.date()), state.table(), ctx.date()));
      }

      Dataset<Row> quarantine = quarantined.stream().reduce(Dataset::unionByName).orElseThrow();
      long quarantineRows = ctx.warehouse().write(quarantine, Tables.QUARANTINE, ctx.date());
      result.count("quarantine.written", quarantineRows);
      long expectedRows = expectedQuarantine.values().stream().mapToLong(Long::longValue).sum();
      if (quarantineRows != expectedRows) {
        throw new IllegalStateException("Accounting broken: quarantined lines per kind " + expectedQuarantine
            + " (" + expectedRows + " in all) but " + quarantineRows + " quarantine rows were written");
      }
      PostDeletions.removeFromEarlierDates(ctx, result);
      return result;
    } finally {
      cached.forEach(JavaRDD::unpersist);
      cachedFrames.forEach(Dataset::unpersist);
    }
  }

  /**
   * One profile per user, the same on every run: the newest by {@code updated_at} where the dump says, else the
   * last written (the later file, then the later line). Country is a perk filter, so an arbitrary pick would let a
   * rerun select other people. The provenance columns stay: writing conforms the rows to the users table.
   */
  static Dataset<Row> newestProfiles(Dataset<Row> profiles) {
    return Frames.firstPerGroup(profiles, new String[] {"user_id"}, col("updated_at").desc_nulls_last(),
            col("source_file").desc(), col("line_no").desc());
  }

  /**
   * Ids already ingested on the days before the run date within the redelivery window, so a dump delivered twice
   * (or overlapping days) is not counted twice.
   */
  private static Dataset<Row> earlierIds(JobContext ctx, String table, String idColumn, Column which) {
    int days = ctx.config().ingest().redeliveryWindowDays();
    return ctx.warehouse().read(table, ctx.date().minusDays(days), ctx.date().minusDays(1)).where(which)
        .select(idColumn).distinct();
  }

  /**
   * What one split gave: records, quarantined records, notices, table rows and the records that gave at least one,
   * the records where reading broke off, and its end (where its line count is).
   */
  record SplitTally(long records, long rejected, long notices, long rows, long linesWithRows,
                    List<ParsedLine> unreadable, RawLines.SplitEnd end) implements java.io.Serializable {
    static java.util.Iterator<SplitTally> of(java.util.Iterator<ParsedLine> lines) {
      long records = 0;
      long rejected = 0;
      long notices = 0;
      long rows = 0;
      long linesWithRows = 0;
      List<ParsedLine> unreadable = new ArrayList<>();
      RawLines.SplitEnd end = null;
      while (lines.hasNext()) {
        ParsedLine p = lines.next();
        if (p.isSplitEnd()) {
          end = p.line().end();
          continue;
        }
        records++;
        notices += p.isNotice() ? 1 : 0;
        rows += p.parsedRows().size();
        linesWithRows += p.parsedRows().isEmpty() ? 0 : 1;
        if (p.isRejected()) {
          rejected++;
          if (RawLines.UNREADABLE_FILE.equals(p.reason())) {
            unreadable.add(p);
          }
        }
      }
      if (end == null) {
        throw new IllegalStateException("A split of the dump was read without its end: its line count is unknown");
      }
      return List.of(new SplitTally(records, rejected, notices, rows, linesWithRows, unreadable, end)).iterator();
    }
  }

  /**
   * The data-quality gate of one dump kind: a required kind without records, a file that could not be read to its
   * end, or too large a quarantined share fails the run before anything is published.
   */
  private static void checkGate(JobContext ctx, DumpKind kind, long lines, long rejected, List<String> unreadable,
                                int fileCount) {
    IngestSettings settings = ctx.config().ingest();
    if (lines == 0 && ctx.config().requiredKinds().contains(kind.folder)) {
      throw new DataQualityException(String.format("Required dump '%s' has no records for %s (%d files, all "
          + "empty)", kind.folder, ctx.date(), fileCount));
    }
    if (settings.failOnUnreadableFile() && !unreadable.isEmpty()) {
      throw new DataQualityException(String.format("Unreadable %s file(s) for %s: %s", kind.folder, ctx.date(),
          String.join("; ", unreadable)));
    }
    if (lines >= settings.gateMinLines() && rejected > settings.maxQuarantineShare() * lines) {
      throw new DataQualityException(String.format(
          "Data-quality gate: %d of %d %s lines (%.1f%%) quarantined for %s, over the limit of %.1f%%",
          rejected, lines, kind.folder, 100.0 * rejected / lines, ctx.date(),
          100.0 * settings.maxQuarantineShare()));
    }
  }

  /**
   * One row per post id: the author's own status wins over a copy embedded in a retweet or quote, then the first
   * seen.
   */
  public static Dataset<Row> dedupePosts(Dataset<Row> statuses) {
    return Frames.firstPerGroup(statuses, new String[] {"post_id"}, col("is_embedded").asc(),
        col("source_file").asc(), col("line_no").asc());
  }

  /**
   * Engagement carried by the day's own statuses: a retweet, reply or quote engages the post it points at; an
   * @mention of someone other than the author and the replied-to user engages that user (the engaged stage finds
   * which post). Retweets carry the original's mentions, so they add none.
   */
  public static Dataset<Row> eventsFromPosts(Dataset<Row> posts) {
    // A protected account's retweets, replies and quotes are not public: they credit no one.
    Dataset<Row> own = posts.where(col("is_embedded").equalTo(false)
        .and(coalesce(col("is_protected"), lit(false)).equalTo(false)));
    // One pass over the posts, each giving its events as an array: a union of one select per kind made four
    // partitions of unequal size per posts partition, read beside the engagement dump's splits.
    Column none = lit(null).cast("string");
    Column pointed = array(
        when(col("retweet_of_post_id").isNotNull(),
            engagement(lit("retweet"), col("retweet_of_post_id"), none)),
        when(col("reply_to_post_id").isNotNull(),
            engagement(lit("reply"), col("reply_to_post_id"), col("reply_to_user_id"))),
        when(col("quote_of_post_id").isNotNull(), engagement(lit("quote"), col("quote_of_post_id"), none)));
    Column mentioned = functions.transform(functions.filter(col("mention_user_ids"),
            m -> m.notEqual(col("user_id"))
                .and(col("reply_to_user_id").isNull().or(m.notEqual(col("reply_to_user_id"))))
                .and(col("retweet_of_post_id").isNull())),
        m -> engagement(lit("mention"), none, m));
    Dataset<Row> all = own
        .select(col("user_id").as("actor_id"), col("created_at").as("ts"), col("post_id").as("via"),
            col("source_file"), col("line_no"),
            explode(functions.concat(functions.filter(pointed, Column::isNotNull), mentioned)).as("e"))
        .select(col("e.type").as("type"), col("actor_id"), col("e.post_id").as("post_id"),
            col("e.target_user_id").as("target_user_id"), col("ts"), col("via"), col("source_file"),
            col("line_no"));
    Column id = sha1(concat_ws("|", col("type"), col("actor_id"), coalesce(col("post_id"), lit("")),
        coalesce(col("target_user_id"), lit("")), col("via")));
    return all.withColumn("event_id", id).withColumn("origin", lit("tweet")).drop("via");
  }

  private static Column engagement(Column type, Column postId, Column targetUserId) {
    return struct(type.as("type"), postId.as("post_id"), targetUserId.as("target_user_id"));
  }
}
