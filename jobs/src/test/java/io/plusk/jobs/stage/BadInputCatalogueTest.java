package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.cli.PluskCli;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.ConsoleCapture;
import io.plusk.jobs.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of docs/reliability.md, one case each: a day of dumps holding every kind of bad input
 * goes through a real nightly run, and each case checks its own outcome (a quarantine row with file, line, reason
 * and raw text; an accepted record; or a count in the run summary). Corrupt gzip files, which stop a file
 * part-way, have their own tests below.
 */
class BadInputCatalogueTest extends SparkTestBase {
  private static final LocalDate DAY1 = LocalDate.parse("2026-11-23");
  private static final LocalDate DAY2 = LocalDate.parse("2026-11-24");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONF = """
      plusk.ingest { max-quarantine-share = 1.0, max-text-chars = 500, max-record-chars = 4000 }
      """;

  @TempDir static Path tmp;
  private static Warehouse warehouse;
  private static JsonNode summary;
  private static final Map<String, Case> CASES = new LinkedHashMap<>();
  private static final Map<String, Map<String, Integer>> nextLine = new LinkedHashMap<>();

  /** Where a case's record is and what must become of it. */
  record Case(String id, String kind, String file, long lineNo, byte[] raw, Outcome outcome) {
    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * Quarantined with a reason, accepted as the given post ids, counted under a run-summary key, or kept as a
   * compliance notice of its kind.
   */
  record Outcome(String reason, List<String> postIds, String countKey, long count, String notice) {
    static Outcome quarantined(String reason) {
      return new Outcome(reason, List.of(), null, 0, null);
    }

    static Outcome accepted(String... postIds) {
      return new Outcome(null, List.of(postIds), null, 0, null);
    }

    static Outcome counted(String key, long count) {
      return new Outcome(null, List.of(), key, count, null);
    }

    static Outcome noticed(String notice) {
      return new Outcome(null, List.of(), null, 0, notice);
    }
  }

  static String tweet(String id, String user, String text) {
    return String.format("{\"id_str\": \"%s\", \"created_at\": \"Tue Nov 24 10:00:00 +0000 2026\", \"text\": \"%s\", "
        + "\"user\": {\"id_str\": \"%s\", \"screen_name\": \"user_%s\"}, \"lang\": \"en\"}", id, text, user, user);
  }

  private static void add(String id, String kind, String file, String line, Outcome outcome) {
    add(id, kind, file, line.getBytes(StandardCharsets.UTF_8), outcome);
  }

  /** Appends the record to its file (a multi-line record takes several lines) and remembers where it starts. */
  private static void add(String id, String kind, String file, byte[] raw, Outcome outcome) {
    int start = nextLine.computeIfAbsent(kind, k -> new LinkedHashMap<>()).getOrDefault(file, 1);
    int lines = 1;
    for (byte b : raw) {
      lines += b == '\n' ? 1 : 0;
    }
    nextLine.get(kind).put(file, start + lines);
    CASES.put(id, new Case(id, kind, file, start, raw, outcome));
  }

  private static void writeDay(Path input, LocalDate day, String kind, String file, byte[] content)
      throws Exception {
    Path dir = input.resolve(kind).resolve("dt=" + day);
    Files.createDirectories(dir);
    try (OutputStream out = Files.newOutputStream(dir.resolve(file), java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND)) {
      out.write(content);
    }
  }

  @BeforeAll
  static void runTheCatalogueDay() throws Exception {
    String t = "catalogue.jsonl";
    // Day 2's engaged post and its reply, so the day has ordinary data too.
    add("valid_status", "tweets", t, tweet("100", "1", "Twins walk-off in the 9th #mnTwins"),
        Outcome.accepted("100"));
    add("reply_engages_its_post", "tweets", t, tweet("101", "2", "what a game").replace("\"lang\"",
        "\"in_reply_to_status_id_str\": \"100\", \"in_reply_to_user_id_str\": \"1\", \"lang\""),
        Outcome.counted("engaged.engaged_posts.written", 1));
    add("truncated_json", "tweets", t, "{\"id_str\": \"102\", \"text\": \"cut off", Outcome.quarantined(
        "malformed_json"));
    add("trailing_garbage", "tweets", t, tweet("103", "1", "x") + " }}", Outcome.quarantined("malformed_json"));
    add("json_array_of_statuses", "tweets", t, "[" + tweet("104", "3", "a") + ", " + tweet("105", "3", "b") + "]",
        Outcome.accepted("104", "105"));
    add("api_response_object", "tweets", t, "{\"statuses\": [" + tweet("106", "3", "c")
        + "], \"search_metadata\": {\"count\": 1}}", Outcome.accepted("106"));
    add("response_object_without_statuses", "tweets", t, "{\"search_metadata\": {\"count\": 0}}",
        Outcome.quarantined("api_response_object"));
    add("empty_json_array", "tweets", t, "[]", Outcome.quarantined("empty_array"));
    add("json_scalar", "tweets", t, "\"just a string\"", Outcome.quarantined("not_an_object"));
    add("wrong_type", "tweets", t, tweet("107", "1", "x").replace("\"text\": \"x\"", "\"text\": 42"),
        Outcome.quarantined("wrong_type"));
    add("missing_required_field", "tweets", t, "{\"id_str\": \"108\", \"created_at\": "
        + "\"Tue Nov 24 10:00:00 +0000 2026\", \"text\": \"no author\"}", Outcome.quarantined("missing_field"));
    add("float_rounded_id", "tweets", t, "{\"id\": 1.8622e18, \"created_at\": \"Tue Nov 24 10:00:00 +0000 2026\", "
        + "\"text\": \"t\", \"user\": {\"id_str\": \"1\"}}", Outcome.quarantined("id_not_exact"));
    add("id_with_impossible_characters", "tweets", t, tweet("10 9; drop", "1", "x"), Outcome.quarantined("bad_id"));
    add("unparseable_timestamp", "tweets", t, tweet("110", "1", "x").replace("Tue Nov 24 10:00:00 +0000 2026",
        "yesterday at noon"), Outcome.quarantined("bad_timestamp"));
    add("timestamp_in_the_future", "tweets", t, tweet("111", "1", "x").replace("Tue Nov 24 10:00:00 +0000 2026",
        "Mon Nov 24 10:00:00 +0000 2031"), Outcome.quarantined("future_timestamp"));
    add("very_long_text", "tweets", t, tweet("112", "1", "long ".repeat(200)), Outcome.quarantined("text_too_long"));
    add("record_over_the_size_limit", "tweets", t, tweet("113", "1", "x") .replace("\"lang\": \"en\"",
        "\"padding\": \"" + "p".repeat(5000) + "\", \"lang\": \"en\""), Outcome.quarantined("line_too_long"));
    add("raw_control_characters", "tweets", t, tweet("114", "1", "bell\u0007 inside"),
        Outcome.quarantined("control_characters"));
    add("escaped_control_characters", "tweets", t, tweet("115", "1", "tab\\u0009 and nul\\u0000 escaped"),
        Outcome.accepted("115"));
    add("legacy_status_without_id_str", "tweets", t, "{\"id\": 24696018620, \"text\": \"old #school\", "
        + "\"created_at\": \"Tue Nov 24 09:02:03 +0000 2026\", \"user\": {\"id\": 6253282, \"screen_name\": \"api\"}}",
        Outcome.accepted("24696018620"));
    add("api_v2_page", "tweets", t, "{\"data\": [{\"id\": \"116\", \"text\": \"v2 page\", \"author_id\": \"4\", "
        + "\"created_at\": \"2026-11-24T11:00:00.000Z\"}], \"includes\": {\"users\": [{\"id\": \"4\", "
        + "\"username\": \"vee_two\"}]}}", Outcome.accepted("116"));
    add("api_v2_tweet_object", "tweets", t, "{\"id\": \"117\", \"text\": \"v2 tweet\", \"author_id\": \"4\", "
        + "\"created_at\": \"2026-11-24T11:05:00.000Z\"}", Outcome.accepted("117"));
    add("retweet_of_an_unknown_post", "tweets", t, "{\"id\": \"118\", \"text\": \"RT @gone: lost\", "
        + "\"author_id\": \"4\", \"created_at\": \"2026-11-24T11:10:00.000Z\", \"referenced_tweets\": "
        + "[{\"type\": \"retweeted\", \"id\": \"403\"}]}", Outcome.counted("engaged.events_unmatched", 2));
    add("activity_streams_payload", "tweets", t, "{\"id\": \"tag:search.twitter.com,2005:119\", \"verb\": "
        + "\"post\", \"actor\": {\"id\": \"id:twitter.com:1\"}, \"body\": \"hello\"}",
        Outcome.quarantined("unsupported_format_activity_streams"));
    add("streaming_control_message", "tweets", t, "{\"delete\": {\"status\": {\"id_str\": \"1\"}}}",
        Outcome.noticed("status_deletion"));
    add("stream_scrub_geo_notice", "tweets", t, "{\"scrub_geo\": {\"user_id_str\": \"1\", "
        + "\"up_to_status_id_str\": \"100\"}}", Outcome.noticed("scrub_geo"));
    add("stream_withheld_notice", "tweets", t, "{\"status_withheld\": {\"id_str\": \"104\", \"user_id_str\": "
        + "\"3\", \"withheld_in_countries\": [\"DE\"]}}", Outcome.noticed("status_withheld"));
    add("withheld_notice_with_a_country_name", "tweets", t, "{\"user_withheld\": {\"id_str\": \"3\", "
        + "\"withheld_in_countries\": [\"Germany\"]}}", Outcome.quarantined("bad_country"));
    add("direct_message_deletion_notice", "tweets", t, "{\"delete\": {\"direct_message\": {\"id\": 1, "
        + "\"user_id\": 234}}}", Outcome.quarantined("unsupported_notice"));
    add("status_deleted_the_same_night", "tweets", t, tweet("130", "8", "regret this one"),
        Outcome.counted("ingest.tweets.deleted_statuses", 1));
    add("api_error_response", "tweets", t, "{\"errors\": [{\"code\": 88, \"message\": \"Rate limit exceeded\"}]}",
        Outcome.quarantined("api_error"));
    add("duplicate_post_id_within_the_day", "tweets", t, tweet("100", "1", "Twins walk-off in the 9th #mnTwins"),
        Outcome.counted("ingest.tweets.duplicate_statuses", 1));
    add("duplicate_post_id_from_an_earlier_day", "tweets", t, tweet("900", "5", "delivered again"),
        Outcome.counted("ingest.tweets.redelivered_statuses", 1));
    add("pretty_printed_multi_line_document", "tweets", "pretty.json", """
        {
          "id_str": "120",
          "created_at": "Tue Nov 24 12:00:00 +0000 2026",
          "text": "pretty { printed } [ json ]",
          "user": {"id_str": "6", "screen_name": "jq_user"}
        }""", Outcome.accepted("120"));
    add("cut_short_multi_line_document", "tweets", "pretty.json", "{\n  \"id_str\": \"121\",",
        Outcome.quarantined("malformed_json"));
    add("status_after_a_cut_short_document", "tweets", "pretty.json", tweet("122", "6", "back on track"),
        Outcome.accepted("122"));
    add("byte_order_mark", "tweets", "bom.jsonl", "\uFEFF" + tweet("123", "7", "bom first"), Outcome.accepted(
        "123"));
    add("crlf_line_ends", "tweets", "crlf.jsonl", tweet("124", "7", "windows") + "\r\n" + tweet("125", "7", "ends"),
        Outcome.accepted("124", "125"));
    byte[] latin1 = tweet("126", "7", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
    add("non_utf8_bytes", "tweets", "latin1.jsonl", latin1, Outcome.quarantined("invalid_utf8"));
    add("empty_file", "tweets", "empty.jsonl", new byte[0], Outcome.counted("ingest.tweets.empty_files", 1));

    String e = "events.jsonl";
    add("engagement_on_an_unknown_post", "engagements", e, "{\"type\": \"reply\", \"actor_id\": \"2\", "
        + "\"post_id\": \"404\", \"ts\": \"2026-11-24T12:00:00Z\"}", Outcome.counted("engaged.events_unmatched", 2));
    add("engagement_of_an_unknown_type", "engagements", e, "{\"type\": \"poke\", \"actor_id\": \"2\", "
        + "\"post_id\": \"100\", \"ts\": \"2026-11-24T12:00:00Z\"}", Outcome.quarantined("unknown_type"));
    add("engagement_redelivered_from_an_earlier_day", "engagements", e, "{\"type\": \"like\", \"actor_id\": \"2\", "
        + "\"post_id\": \"900\", \"ts\": \"2026-11-23T12:00:00Z\"}",
        Outcome.counted("ingest.engagement_events.redelivered", 1));
    add("json_array_in_an_event_dump", "engagements", e, "[{\"type\": \"like\"}]", Outcome.quarantined("json_array"));
    add("plusk_for_an_unknown_topic", "plusk", e, "{\"giver_id\": \"2\", \"receiver_id\": \"1\", \"topic\": "
        + "\"underwater-basket-weaving\", \"ts\": \"2026-11-24T12:00:00Z\"}",
        Outcome.counted("score.plusk.rejected.unknown_topic", 1));
    add("plusk_for_an_unknown_user", "plusk", e, "{\"giver_id\": \"2\", \"receiver_id\": \"999\", \"topic\": "
        + "\"baseball\", \"ts\": \"2026-11-24T12:01:00Z\"}", Outcome.counted("score.plusk.rejected.unknown_receiver",
        1));
    add("plusk_with_a_missing_field", "plusk", e, "{\"giver_id\": \"2\", \"topic\": \"baseball\", \"ts\": "
        + "\"2026-11-24T12:02:00Z\"}", Outcome.quarantined("missing_field"));
    add("removal_of_an_unknown_topic", "removals", e, "{\"user_id\": \"1\", \"topic\": \"no-such-topic\", "
        + "\"action\": \"remove\", \"ts\": \"2026-11-24T12:00:00Z\"}",
        Outcome.counted("score.removals.unknown_topic", 1));
    add("removal_by_an_unknown_user", "removals", e, "{\"user_id\": \"777\", \"topic\": \"baseball\", "
        + "\"action\": \"remove\", \"ts\": \"2026-11-24T12:00:00Z\"}", Outcome.counted("score.removals.unknown_user",
        1));
    add("removal_with_an_unknown_action", "removals", e, "{\"user_id\": \"1\", \"topic\": \"baseball\", "
        + "\"action\": \"delete\", \"ts\": \"2026-11-24T12:00:00Z\"}", Outcome.quarantined("unknown_action"));
    add("opt_out_with_an_unknown_action", "optouts", e, "{\"user_id\": \"1\", \"action\": \"unsubscribe\", "
        + "\"ts\": \"2026-11-24T12:00:00Z\"}", Outcome.quarantined("unknown_action"));
    add("opt_out_without_a_user", "optouts", e, "{\"action\": \"opt_out\", \"ts\": \"2026-11-24T12:00:00Z\"}",
        Outcome.quarantined("missing_field"));
    add("compliance_file_deletion", "deletions", e, "{\"id\": \"130\", \"action\": \"delete\", "
        + "\"redacted_at\": \"2026-11-24T13:00:00.000Z\", \"reason\": \"deleted\"}",
        Outcome.noticed("status_deletion"));
    add("compliance_file_with_an_unknown_action", "deletions", e, "{\"id\": \"131\", \"action\": \"scrub\"}",
        Outcome.quarantined("unknown_action"));
    add("deletion_without_a_post_id", "deletions", e, "{\"user_id\": \"8\", \"ts\": \"2026-11-24T13:00:00Z\"}",
        Outcome.quarantined("missing_field"));
    add("scrub_geo_in_the_deletions_dump", "deletions", e, "{\"scrub_geo\": {\"user_id_str\": \"8\", "
        + "\"up_to_status_id_str\": \"130\"}}", Outcome.quarantined("not_a_deletion"));
    add("user_with_a_bad_country", "users", e, "{\"user_id\": \"1\", \"screen_name\": \"a\", \"country\": \"USA\"}",
        Outcome.quarantined("bad_country"));

    Path input = tmp.resolve("input");
    writeDay(input, DAY1, "tweets", "day1.jsonl", (tweet("900", "5", "first delivery").replace("Tue Nov 24",
        "Mon Nov 23") + "\n").getBytes(StandardCharsets.UTF_8));
    writeDay(input, DAY1, "engagements", "day1.jsonl", ("{\"type\": \"like\", \"actor_id\": \"2\", \"post_id\": "
        + "\"900\", \"ts\": \"2026-11-23T12:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
    for (Case c : CASES.values()) {
      byte[] withEnd = c.raw().length == 0 ? c.raw() : concat(c.raw(), "\n".getBytes(StandardCharsets.UTF_8));
      writeDay(input, DAY2, c.kind(), c.file(), withEnd);
    }
    Path conf = Files.writeString(tmp.resolve("catalogue.conf"), CONF);
    String wh = tmp.resolve("wh").toString();
    for (LocalDate day : List.of(DAY1, DAY2)) {
      assertThat(PluskCli.execute("nightly", "--date", day.toString(), "--input", input.toString(), "--warehouse",
          wh, "--conf", conf.toString())).as("nightly %s", day).isZero();
    }
    warehouse = new Warehouse(spark, wh);
    summary = JSON.readTree(warehouse.readText(warehouse.runFolder(DAY2) + "/run_summary.json"));
  }

  static Stream<Case> catalogue() {
    return CASES.values().stream();
  }

  @Test
  void theCatalogueHasAtLeast25KindsAndEveryReasonIsDocumented() throws Exception {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(25);
    String doc = Files.readString(repoRoot().resolve("docs/reliability.md"));
    for (Case c : CASES.values()) {
      assertThat(doc).as("docs/reliability.md lists case %s", c.id()).contains("`" + c.id() + "`");
      if (c.outcome().reason() != null) {
        assertThat(doc).as("docs/reliability.md explains reason %s", c.outcome().reason())
            .contains("| " + c.outcome().reason() + " |");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void eachKindOfBadInputEndsWhereTheCatalogueSays(Case c) {
    Outcome o = c.outcome();
    if (o.reason() != null) {
      List<Row> rows = warehouse.read(Tables.QUARANTINE, DAY2)
          .where(col("kind").equalTo(c.kind()).and(col("line_no").equalTo(c.lineNo()))
              .and(col("source_file").endsWith("/" + c.file())))
          .collectAsList();
      assertThat(rows).as("quarantine row of %s", c.id()).hasSize(1);
      Row q = rows.get(0);
      assertThat(q.getString(q.fieldIndex("reason"))).isEqualTo(o.reason());
      assertThat(q.getString(q.fieldIndex("detail"))).isNotBlank();
      String raw = q.getString(q.fieldIndex("raw"));
      String expectedRaw = new String(c.raw(), StandardCharsets.UTF_8).strip();
      if (o.reason().equals("line_too_long")) {
        assertThat(expectedRaw).startsWith(raw);
      } else {
        assertThat(raw).isEqualTo(expectedRaw);
      }
    }
    for (String id : o.postIds()) {
      assertThat(warehouse.read(Tables.POSTS, DAY2).where(col("post_id").equalTo(id)).count())
          .as("post %s of %s", id, c.id()).isEqualTo(1);
    }
    if (o.notice() != null) {
      List<Row> rows = warehouse.read(Tables.COMPLIANCE_EVENTS, DAY2)
          .where(col("line_no").equalTo(c.lineNo()).and(col("source_file").endsWith(c.kind() + "/dt=" + DAY2 + "/"
              + c.file())))
          .collectAsList();
      assertThat(rows).as("compliance notice of %s", c.id()).hasSize(1);
      assertThat(rows.get(0).getString(rows.get(0).fieldIndex("notice"))).isEqualTo(o.notice());
      assertThat(rows.get(0).getString(rows.get(0).fieldIndex("origin"))).isEqualTo(c.kind());
    }
    if (o.countKey() != null) {
      String[] parts = o.countKey().split("\\.", 2);
      assertThat(summary.at("/stages/" + parts[0] + "/counts/" + parts[1].replace("/", "~1")).asLong(-1))
          .as("%s in the run summary", o.countKey()).isEqualTo(o.count());
    }
  }

  @Test
  void aStatusDeletedTheSameNightIsNeverAPost() {
    assertThat(warehouse.read(Tables.POSTS, DAY2).where(col("post_id").equalTo("130")).count()).isZero();
    assertThat(summary.at("/stages/ingest/counts/compliance.status_deletion").asLong()).isEqualTo(2);
  }

  @Test
  void everyRecordIsAccountedFor() {
    JsonNode ingest = summary.at("/stages/ingest/counts");
    for (String kind : List.of("tweets", "engagements", "plusk", "removals", "users", "optouts", "deletions")) {
      long quarantined = warehouse.read(Tables.QUARANTINE, DAY2).where(col("kind").equalTo(kind)).count();
      assertThat(ingest.get(kind + ".quarantined").asLong()).as(kind).isEqualTo(quarantined);
    }
    long tweetCases = CASES.values().stream().filter(c -> c.kind().equals("tweets") && c.raw().length > 0).count();
    // Two CRLF lines are one case; every other tweets case is one record.
    assertThat(ingest.get("tweets.lines").asLong()).isEqualTo(tweetCases + 1);
  }

  @Test
  void aCorruptGzipFailsTheRunNamingTheFileAndPublishesNothing() throws Exception {
    Path input = tmp.resolve("gzip-input");
    byte[] gz = gzip((tweet("300", "1", "first") + "\n" + tweet("301", "1", "second") + "\n").repeat(200));
    writeDay(input, DAY2, "tweets", "good.jsonl", (tweet("302", "1", "fine") + "\n").getBytes(StandardCharsets.UTF_8));
    writeDay(input, DAY2, "tweets", "broken.jsonl.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
    String wh = tmp.resolve("gzip-wh").toString();
    int[] exit = new int[1];
    String err = ConsoleCapture.stderrOf(() -> exit[0] = PluskCli.execute("nightly", "--date", DAY2.toString(),
        "--input", input.toString(), "--warehouse", wh));
    assertThat(exit[0]).isEqualTo(3);
    assertThat(err).contains("Unreadable tweets file").contains("broken.jsonl.gz");
    Warehouse w = new Warehouse(spark, wh);
    assertThat(w.isPublished(DAY2)).isFalse();
    assertThat(w.dates(Tables.POSTS)).isEmpty();
  }

  @Test
  void withTheGateOffACorruptGzipKeepsTheRecordsBeforeTheBreakAndQuarantinesTheRest() throws Exception {
    Path input = tmp.resolve("gzip-lenient-input");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      lines.append(tweet(String.valueOf(5000 + i), "1", "line " + i + " of a long file")).append('\n');
    }
    byte[] gz = gzip(lines.toString());
    writeDay(input, DAY2, "tweets", "broken.jsonl.gz", java.util.Arrays.copyOf(gz, gz.length * 2 / 3));
    Path conf = Files.writeString(tmp.resolve("lenient.conf"), "plusk.ingest.fail-on-unreadable-file = false\n");
    String wh = tmp.resolve("gzip-lenient-wh").toString();
    assertThat(PluskCli.execute("ingest", "--date", DAY2.toString(), "--input", input.toString(), "--warehouse", wh,
        "--conf", conf.toString())).isZero();
    Warehouse w = new Warehouse(spark, wh);
    List<Row> q = w.read(Tables.QUARANTINE, DAY2).collectAsList();
    assertThat(q).hasSize(1);
    assertThat(q.get(0).getString(q.get(0).fieldIndex("reason"))).isEqualTo("unreadable_file");
    long kept = w.read(Tables.POSTS, DAY2).count();
    assertThat(kept).isBetween(100L, 1999L);
    // The break is reported right after the last line read (a partial last line may be quarantined before it).
    assertThat(q.get(0).getLong(q.get(0).fieldIndex("line_no"))).isBetween(kept + 1, kept + 2);
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
