package io.plusk.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.DataQualityException;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.SparkTestBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.parse("2026-11-25");

  @TempDir Path tmp;

  private static String tweet(String id, String user, String text, String extra) {
    return String.format("{\"id_str\":\"%s\",\"created_at\":\"Wed Nov 25 10:00:00 +0000 2026\",\"text\":\"%s\","
        + "\"user\":{\"id_str\":\"%s\",\"screen_name\":\"u%s\"},\"entities\":{\"hashtags\":[],"
        + "\"user_mentions\":[]}%s}", id, text, user, user, extra);
  }

  private Path day(String kind) throws IOException {
    return Files.createDirectories(tmp.resolve("in").resolve(kind).resolve("dt=" + DAY));
  }

  private JobContext context() {
    PluskConfig config = PluskConfig.defaults();
    return new JobContext(spark, config, ONTOLOGY, tmp.resolve("in").toString(),
        new Warehouse(spark, tmp.resolve("wh").toString()), DAY);
  }

  @Test
  void parsesQuarantinesWithLineNumbersAndAccountsForEveryLine() throws IOException {
    String original = tweet("100", "1", "Twins win at Target Field", "");
    String retweet = tweet("101", "2", "RT @u1: Twins win at Target Field", ",\"retweeted_status\":" + original);
    String reply = tweet("102", "3", "@u1 great game", ",\"in_reply_to_status_id_str\":\"100\","
        + "\"in_reply_to_user_id_str\":\"1\",\"entities\":{\"hashtags\":[],\"user_mentions\":[{\"id_str\":\"1\","
        + "\"screen_name\":\"u1\"},{\"id_str\":\"4\",\"screen_name\":\"u4\"}]}");
    // Line 1 has a byte-order mark; CRLF line ends; line 3 is truncated; line 5 is blank; line 6 repeats line 2.
    String tweets = "\uFEFF" + original + "\r\n" + retweet + "\r\n" + reply.substring(0, 40) + "\r\n" + reply
        + "\r\n\r\n" + retweet + "\r\n";
    Files.writeString(day("tweets").resolve("a.jsonl"), tweets, StandardCharsets.UTF_8);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(day("tweets").resolve("b.json.gz")))) {
      gz.write((tweet("103", "5", "Apple pie with orchard apples", "") + "\n{\"id\": 1.5e17}\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(day("engagements").resolve("e.jsonl"),
        "{\"type\":\"like\",\"actor_id\":\"9\",\"post_id\":\"100\",\"ts\":\"2026-11-25T11:00:00Z\"}\n"
            + "{\"type\":\"like\",\"actor_id\":\"9\",\"post_id\":\"100\",\"ts\":\"2026-11-25T11:00:00Z\"}\n"
            + "{\"type\":\"like\",\"actor_id\":\"9\",\"post_id\":\"100\",\"ts\":\"2027-01-01T00:00:00Z\"}\n");

    StageResult r = new IngestJob().run(context());

    assertThat(r.get("tweets.lines")).isEqualTo(7);
    assertThat(r.get("tweets.quarantined")).isEqualTo(2);
    // 5 good lines carry 6 statuses (the retweet embeds the original); 3 are repeats.
    assertThat(r.get("tweets.statuses")).isEqualTo(7);
    assertThat(r.get("posts.written")).isEqualTo(4);
    assertThat(r.get("tweets.duplicate_statuses")).isEqualTo(3);
    assertThat(r.get("engagements.quarantined")).isEqualTo(1);
    assertThat(r.get("engagement_events.duplicates")).isEqualTo(1);
    assertThat(r.get("plusk.files")).isZero();

    Warehouse wh = context().warehouse();
    Map<String, Row> q = wh.read(Tables.QUARANTINE, DAY).collectAsList().stream()
        .collect(Collectors.toMap(x -> x.getString(x.fieldIndex("source_file")).replaceAll(".*/", "") + ":"
            + x.getLong(x.fieldIndex("line_no")), x -> x));
    assertThat(q).containsOnlyKeys("a.jsonl:3", "b.json.gz:2", "e.jsonl:3");
    assertThat(q.get("a.jsonl:3").getString(q.get("a.jsonl:3").fieldIndex("reason"))).isEqualTo("malformed_json");
    assertThat(q.get("b.json.gz:2").getString(q.get("b.json.gz:2").fieldIndex("reason"))).isEqualTo("id_not_exact");
    assertThat(q.get("e.jsonl:3").getString(q.get("e.jsonl:3").fieldIndex("reason")))
        .isEqualTo("future_timestamp");
    assertThat(q.get("a.jsonl:3").getString(q.get("a.jsonl:3").fieldIndex("raw"))).isEqualTo(reply.substring(0, 40));

    List<Row> posts = wh.read(Tables.POSTS, DAY).collectAsList();
    Row first = posts.stream().filter(p -> p.getString(0).equals("100")).findFirst().orElseThrow();
    // The author's own status wins over the copy embedded in the retweet.
    assertThat(first.getBoolean(first.fieldIndex("is_embedded"))).isFalse();

    Map<String, Long> events = wh.read(Tables.ENGAGEMENT_EVENTS, DAY).groupBy("type").count().collectAsList()
        .stream().collect(Collectors.toMap(x -> x.getString(0), x -> x.getLong(1)));
    // retweet of 100, reply to 100, a mention of user 4 (not of the replied-to user 1), one like.
    assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.of("retweet", 1L, "reply", 1L, "mention", 1L,
        "like", 1L));
  }

  @Test
  void ofSeveralProfilesOfOneUserTheNewestWinsOnEveryRun() throws IOException {
    Files.writeString(day("tweets").resolve("a.jsonl"), tweet("100", "1", "hello", "") + "\n");
    String profile = "{\"user_id\":\"%s\",\"screen_name\":\"u%s\",\"country\":\"%s\"%s}\n";
    // User 1: no update times, so the last written wins (file b after file a); user 2: the newest updated_at wins
    // wherever it is written.
    Files.writeString(day("users").resolve("a.jsonl"), String.format(profile, "1", "1", "US", "")
        + String.format(profile, "1", "1", "GB", "")
        + String.format(profile, "2", "2", "CA", ",\"updated_at\":\"2026-11-25T10:00:00Z\""));
    Files.writeString(day("users").resolve("b.jsonl"), String.format(profile, "1", "1", "DE", "")
        + String.format(profile, "2", "2", "FR", ",\"updated_at\":\"2026-11-24T10:00:00Z\""));

    StageResult r = new IngestJob().run(context());

    assertThat(r.get("users.written")).isEqualTo(2);
    Map<String, String> countries = context().warehouse().read(Tables.USERS, DAY).collectAsList().stream()
        .collect(Collectors.toMap(x -> x.getString(x.fieldIndex("user_id")),
            x -> x.getString(x.fieldIndex("country"))));
    assertThat(countries).containsExactlyInAnyOrderEntriesOf(Map.of("1", "DE", "2", "CA"));
  }

  @Test
  void aMissingRequiredDumpFailsTheDataQualityCheckBeforeWritingAnything() {
    assertThatThrownBy(() -> new IngestJob().run(context()))
        .isInstanceOf(DataQualityException.class)
        .hasMessageContaining("Required dump 'tweets' is missing");
    assertThat(Files.exists(tmp.resolve("wh"))).isFalse();
  }

  @Test
  void tooMuchQuarantineFailsTheGate() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      sb.append(i % 2 == 0 ? tweet(String.valueOf(200 + i), "1", "ok", "") : "{broken").append('\n');
    }
    Files.writeString(day("tweets").resolve("a.jsonl"), sb.toString());
    assertThatThrownBy(() -> new IngestJob().run(context()))
        .isInstanceOf(DataQualityException.class)
        .hasMessageContaining("15 of 30 tweets lines");
    assertThat(Files.exists(tmp.resolve("wh"))).isFalse();
  }

  @Test
  void aRequiredDumpWithOnlyEmptyFilesFailsTheGate() throws IOException {
    Files.writeString(day("tweets").resolve("empty.jsonl"), "");
    Files.writeString(day("tweets").resolve("blank.jsonl"), "\n  \n");
    assertThatThrownBy(() -> new IngestJob().run(context()))
        .isInstanceOf(DataQualityException.class)
        .hasMessageContaining("Required dump 'tweets' has no records")
        .hasMessageContaining("2 files, all empty");
    assertThat(Files.exists(tmp.resolve("wh"))).isFalse();
  }

  /**
   * A day of real sample statuses read in splits of 4K (many tasks per file) gives exactly the tables of one
   * task per file: every row, line number and quarantine reason. One file holds pretty-printed documents that cross
   * split ends, so it is read again whole; the other starts with a byte-order mark and has CRLF line ends.
   */
  @Test
  void filesReadInManySplitsGiveTheSameTablesAndLineNumbersAsOneTaskPerFile() throws IOException {
    Path samples = repoRoot().resolve("data-samples");
    List<String> statuses = Files.readAllLines(samples.resolve("tweets/dt=2026-11-23/part-00000.jsonl"));
    Files.writeString(day("tweets").resolve("a.jsonl"), "\uFEFF" + String.join("\r\n", statuses) + "\r\n");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder pretty = new StringBuilder();
    for (int i = 0; i < statuses.size(); i++) {
      String line = statuses.get(i);
      // Every tenth status pretty-printed over many lines, a broken line and a blank one now and then.
      if (i % 10 == 0 && line.startsWith("{\"")) {
        pretty.append(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(line)));
      } else if (i % 37 == 0) {
        pretty.append(line, 0, line.length() / 2).append("\n");
      } else {
        pretty.append(line).append("\n");
      }
      pretty.append(i % 23 == 0 ? "\n" : "").append("\n");
    }
    Files.writeString(day("tweets").resolve("b.jsonl"), pretty);
    Path engagements = day("engagements");
    Files.copy(samples.resolve("engagements/dt=2026-11-23/part-00000.jsonl"), engagements.resolve("e.jsonl"));

    Map<String, List<String>> oneTaskPerFile = ingest(PluskConfig.defaults(), "wh-whole");
    StageResult split = new IngestJob().run(new JobContext(spark,
        PluskConfig.defaults().with(Map.of("ingest.split-size", "4K")), ONTOLOGY, tmp.resolve("in").toString(),
        new Warehouse(spark, tmp.resolve("wh-split").toString()), DAY));

    assertThat(split.get("tweets.splits")).as("tweets splits").isGreaterThan(10);
    assertThat(split.get("tweets.files_read_whole")).isEqualTo(1);
    assertThat(split.get("engagements.splits")).isGreaterThan(1);
    assertThat(split.get("tweets.quarantined")).isPositive();
    Map<String, List<String>> splits = io.plusk.jobs.testing.WarehouseSnapshot.of(
        new Warehouse(spark, tmp.resolve("wh-split").toString()), DAY);
    assertThat(oneTaskPerFile.get(Tables.POSTS)).hasSizeGreaterThan(200);
    assertThat(io.plusk.jobs.testing.WarehouseSnapshot.differences(oneTaskPerFile, splits)).isEmpty();
  }

  private Map<String, List<String>> ingest(PluskConfig config, String warehouse) {
    Warehouse wh = new Warehouse(spark, tmp.resolve(warehouse).toString());
    new IngestJob().run(new JobContext(spark, config, ONTOLOGY, tmp.resolve("in").toString(), wh, DAY));
    return io.plusk.jobs.testing.WarehouseSnapshot.of(wh, DAY);
  }
}
