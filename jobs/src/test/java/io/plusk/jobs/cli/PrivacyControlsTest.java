package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.stage.PublishJob;
import io.plusk.jobs.testing.ConsoleCapture;
import io.plusk.jobs.testing.SparkTestBase;
import io.plusk.jobs.testing.TreeCopy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nightlies on the three sample days, with people who said what may be done with their data: @vino_veritas
 * is protected on the last day (the statuses say so); @cellar_notes opts out on the second day and back in on the
 * last; on the last day, @orchard_ella deletes an engaged post of the first day (the platform's compliance file says
 * so) and @mn_dugout_dan one of the second day (a delete notice in the stream). A second warehouse runs the same
 * nights on the same dumps without the two posts, as if they had never been posted; last, @cellar_notes is erased
 * from that warehouse's history with {@code plusk forget}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyControlsTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.parse("2026-11-23");
  private static final LocalDate D2 = LocalDate.parse("2026-11-24");
  private static final LocalDate D3 = LocalDate.parse("2026-11-25");
  private static final String CELLAR = "2903999095";
  private static final String CELLAR_HANDLE = "cellar_notes";
  private static final String VINO = "2903199276";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  /**
   * Engaged through replies only (no retweet or quote embeds them again), by authors who give no +K: the giver
   * weight of +K is read from the night before's published expertise, which a deletion does not score again.
   */
  private static final String ORCHARD_POST = "2124790556390446129";
  private static final String ORCHARD = "2907998190";
  private static final String DUGOUT_POST = "2125141619636196793";
  private static final String DUGOUT = "2901599638";
  private static final String WITHHELD_POST = "2125558114024583038";
  private static Warehouse wh;
  private static Warehouse neverPosted;
  private static String protectedId;

  @BeforeAll
  static void nightsWithAProtectedAccountAndAnOptOut() throws Exception {
    Path samples = repoRoot().resolve("data-samples");
    Path input = tmp.resolve("input");
    TreeCopy.copy(samples, input);
    Path tweets = input.resolve("tweets/dt=" + D3 + "/part-00000.jsonl");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(tweets)) {
      JsonNode status = JSON.readTree(line);
      if ("vino_veritas".equals(status.path("user").path("screen_name").asText())) {
        ((ObjectNode) status.get("user")).put("protected", true);
        protectedId = status.get("user").get("id_str").asText();
        line = JSON.writeValueAsString(status);
      }
      lines.add(line);
    }
    assertThat(protectedId).as("the samples have statuses of @vino_veritas on %s", D3).isNotNull();
    Files.write(tweets, lines);
    Files.createDirectories(input.resolve("optouts/dt=" + D2));
    Files.writeString(input.resolve("optouts/dt=" + D2 + "/part-00000.jsonl"),
        "{\"user_id\": \"" + CELLAR + "\", \"action\": \"opt_out\", \"ts\": \"2026-11-24T07:00:00Z\"}\n");
    Files.createDirectories(input.resolve("optouts/dt=" + D3));
    Files.writeString(input.resolve("optouts/dt=" + D3 + "/part-00000.jsonl"),
        "{\"user_id\": \"" + CELLAR + "\", \"action\": \"opt-in\", \"ts\": \"2026-11-25T07:00:00Z\"}\n");

    Path asIfNeverPosted = tmp.resolve("input-never-posted");
    TreeCopy.copy(input, asIfNeverPosted);
    withoutPost(asIfNeverPosted.resolve("tweets/dt=" + D1 + "/part-00000.jsonl"), ORCHARD_POST);
    withoutPost(asIfNeverPosted.resolve("tweets/dt=" + D2 + "/part-00000.jsonl.gz"), DUGOUT_POST);

    Files.createDirectories(input.resolve("deletions/dt=" + D3));
    Files.writeString(input.resolve("deletions/dt=" + D3 + "/part-00000.jsonl"), "{\"post_id\": \"" + ORCHARD_POST
        + "\", \"user_id\": \"" + ORCHARD + "\", \"ts\": \"2026-11-25T06:00:00Z\"}\n");
    Files.writeString(tweets, "{\"delete\":{\"status\":{\"id\":" + DUGOUT_POST + ",\"id_str\":\"" + DUGOUT_POST
        + "\",\"user_id\":" + DUGOUT + ",\"user_id_str\":\"" + DUGOUT + "\"},\"timestamp_ms\":\"1764057600000\"}}\n",
        StandardOpenOption.APPEND);
    // The platform withholds @cellar_notes in Italy, and one of @mn_dugout_dan's posts of the day in the US.
    Files.writeString(tweets, "{\"user_withheld\":{\"id\":" + CELLAR + ",\"withheld_in_countries\":[\"IT\"],"
        + "\"timestamp_ms\":\"1764057600000\"}}\n{\"status_withheld\":{\"id\":" + WITHHELD_POST + ",\"user_id\":"
        + DUGOUT + ",\"withheld_in_countries\":[\"US\"],\"timestamp_ms\":\"1764057600000\"}}\n",
        StandardOpenOption.APPEND);

    wh = nightlies(input, tmp.resolve("wh"));
    neverPosted = nightlies(asIfNeverPosted, tmp.resolve("wh-never-posted"));
  }

  private static Warehouse nightlies(Path input, Path warehouse) {
    assertThat(PluskCli.execute("nightly", "--input", input.toString(), "--warehouse", warehouse.toString()))
        .isZero();
    return new Warehouse(spark, warehouse.toString());
  }

  /** The line's status id; null for the lines the samples break on purpose. */
  private static String topLevelId(String line) {
    try {
      return JSON.readTree(line).path("id_str").asText(null);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static void withoutPost(Path dump, String postId) throws IOException {
    boolean gzip = dump.toString().endsWith(".gz");
    List<String> kept = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(gzip
        ? new GZIPInputStream(Files.newInputStream(dump)) : Files.newInputStream(dump), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!postId.equals(topLevelId(line))) {
          kept.add(line);
        }
      }
    }
    try (Writer out = new OutputStreamWriter(gzip ? new GZIPOutputStream(Files.newOutputStream(dump))
        : Files.newOutputStream(dump), StandardCharsets.UTF_8)) {
      for (String line : kept) {
        out.write(line + "\n");
      }
    }
  }

  @Test
  @Order(1)
  void aProtectedAccountsPostsAreKeptButNeverBecomeEvidence() throws Exception {
    List<Row> posts = wh.read(Tables.POSTS, D3).where(col("user_id").equalTo(protectedId)
        .and(col("is_embedded").equalTo(false))).collectAsList();
    assertThat(posts).isNotEmpty().allMatch(r -> r.getBoolean(r.fieldIndex("is_protected")));
    // Others engaged with those posts (so they would have counted), but none is an engaged post.
    List<String> postIds = posts.stream().map(r -> r.getString(r.fieldIndex("post_id"))).toList();
    assertThat(wh.read(Tables.ENGAGEMENT_EVENTS, D3).where(col("post_id").isin(postIds.toArray())).count())
        .isPositive();
    assertThat(wh.read(Tables.ENGAGED_POSTS, D3).where(col("user_id").equalTo(protectedId)).count()).isZero();
    assertThat(wh.read(Tables.POST_TOPICS, D3).where(col("user_id").equalTo(protectedId)).count()).isZero();
    // What they posted on the two days before, while public, stops counting too.
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D2).where(col("user_id").equalTo(protectedId)
        .and(col("engaged_posts").gt(0))).count()).isPositive();
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).where(col("user_id").equalTo(protectedId)
        .and(col("engaged_posts").gt(0))).count()).isZero();
    // Their own retweets and quotes are not public either: no engagement event comes from them.
    assertThat(wh.read(Tables.ENGAGEMENT_EVENTS, D3).where(col("actor_id").equalTo(protectedId)
        .and(col("origin").notEqual("event"))).count()).isZero();

    JsonNode summary = JSON.readTree(wh.readText(wh.runFolder(D3) + "/" + PublishJob.SUMMARY_FILE));
    // Counted: every post of theirs in the look-back (the three sample days), none of which could earn.
    long inLookback = wh.read(Tables.POSTS, D3.minusDays(2), D3).where(col("user_id").equalTo(protectedId)
        .and(col("is_embedded").equalTo(false))).select("post_id").distinct().count();
    assertThat(inLookback).isGreaterThan(postIds.size());
    assertThat(summary.at("/stages/engaged/counts/posts_of_protected_accounts").asLong()).isEqualTo(inLookback);
  }

  @Test
  @Order(2)
  void someoneWhoOptedOutIsInNoOutputOfTheNightUntilTheyOptIn() throws Exception {
    assertThat(wh.read(Tables.OPT_OUT_EVENTS, D2).count()).isEqualTo(1);
    // Opted out on D2: no engaged post, link or expertise row of theirs, no +K they gave counted for anyone (they
    // vouched for @vino_veritas in wine on the first day), not in the report, not picked for a perk.
    assertThat(wh.read(Tables.ENGAGED_POSTS, D2).where(col("user_id").equalTo(CELLAR)).count()).isZero();
    assertThat(wh.read(Tables.POST_TOPICS, D2).where(col("user_id").equalTo(CELLAR)).count()).isZero();
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D2).where(col("user_id").equalTo(CELLAR)).count()).isZero();
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D2).where(array_contains(col("plusk_givers"), CELLAR)).count())
        .isZero();
    assertThat(wh.readText(wh.runFolder(D2) + "/" + PublishJob.REPORT_FILE)).doesNotContain("cellar_notes");
    JsonNode summary = JSON.readTree(wh.readText(wh.runFolder(D2) + "/" + PublishJob.SUMMARY_FILE));
    assertThat(summary.at("/stages/engaged/counts/posts_of_opted_out_users").asLong()).isPositive();
    String perks = ConsoleCapture.stdoutOf(() -> PluskCli.execute("perks", "select", "--warehouse",
        wh.root(), "--campaign", "wine-it", "--topic", "wine", "--date", D2.toString(), "--cooldown-days", "0"));
    assertThat(perks).doesNotContain("cellar_notes");

    // Back in on D3: their expertise and the +K they gave count again.
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).where(col("user_id").equalTo(CELLAR)).count()).isPositive();
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).where(array_contains(col("plusk_givers"), CELLAR)).count())
        .isPositive();
  }

  @Test
  @Order(3)
  void deletedPostsStopCountingTheNextNightAsIfTheyHadNeverBeenPosted() throws Exception {
    // The night's notices rewrote the two dates the posts were published under (all there is before the night).
    JsonNode summary = JSON.readTree(wh.readText(wh.runFolder(D3) + "/" + PublishJob.SUMMARY_FILE));
    assertThat(summary.at("/stages/ingest/counts/deletions.earlier_dates_rewritten").asLong()).isEqualTo(2);
    assertThat(summary.at("/stages/ingest/counts/deletions.earlier_posts_found").asLong()).isEqualTo(2);
    assertThat(summary.at("/stages/ingest/counts/compliance.status_deletion").asLong()).isEqualTo(2);
    // The stream's notices: the deletion, and two withheld notices (below).
    assertThat(summary.at("/stages/ingest/counts/tweets.compliance_notices").asLong()).isEqualTo(3);
    for (LocalDate d : List.of(D1, D2)) {
      JsonNode rewritten = JSON.readTree(wh.readText(wh.runFolder(d) + "/" + PublishJob.SUMMARY_FILE));
      assertThat(rewritten.path("rewrites")).as("rewrites of %s", d).hasSize(1);
      // Each post was engaged and linked before: the comparison below would pass on nothing otherwise.
      assertThat(rewritten.at("/rewrites/0/tables/engaged_posts/after").asLong())
          .isEqualTo(rewritten.at("/rewrites/0/tables/engaged_posts/before").asLong() - 1);
      assertThat(rewritten.at("/rewrites/0/tables/post_topics/after").asLong())
          .isLessThan(rewritten.at("/rewrites/0/tables/post_topics/before").asLong());
      assertThat(rewritten.at("/rewrites/0/tables/posts/after").asLong())
          .isEqualTo(rewritten.at("/rewrites/0/tables/posts/before").asLong() - 1)
          .isEqualTo(rewritten.at("/tables/posts").asLong())
          .isEqualTo(wh.read(Tables.POSTS, d).count());
    }
    // The notices are kept, not quarantined.
    assertThat(wh.read(Tables.COMPLIANCE_EVENTS, D3).where(col("notice").equalTo("status_deletion")).count())
        .isEqualTo(2);
    assertThat(wh.read(Tables.QUARANTINE, D3).where(col("raw").contains(DUGOUT_POST)).count()).isZero();

    // The dates the posts were published under now hold what they would have held had the posts never been posted,
    // and the expertise published after the deletions is exactly the one of a world without them.
    assertThat(wh.read(Tables.POSTS, D1).where(col("post_id").equalTo(ORCHARD_POST)).count()).isZero();
    assertThat(wh.read(Tables.POSTS, D2).where(col("post_id").equalTo(DUGOUT_POST)).count()).isZero();
    for (String table : List.of(Tables.POSTS, Tables.ENGAGEMENT_EVENTS, Tables.ENGAGED_POSTS, Tables.POST_TOPICS,
        Tables.USER_TOPIC_DAILY, Tables.PLUSK_ACCEPTED, Tables.LINK_FEEDBACK, Tables.LINK_USAGE, Tables.KNOWN_USERS,
        Tables.USER_TOPIC_WINDOW, Tables.TOPIC_EXPERTISE)) {
      assertSameRows(table, D1);
      assertSameRows(table, D2);
    }
    for (String table : List.of(Tables.USER_TOPIC_DAILY, Tables.PLUSK_ACCEPTED, Tables.LINK_USAGE,
        Tables.KNOWN_USERS, Tables.USER_TOPIC_WINDOW, Tables.TOPIC_EXPERTISE)) {
      assertSameRows(table, D3);
    }
    assertThat(summary.at("/stages/ingest/counts/deletions.earlier_dates_with_deleted_posts").asLong())
        .isEqualTo(2);
    assertThat(summary.at("/stages/ingest/counts/deletions.people_with_changed_evidence").asLong()).isPositive();
  }

  @Test
  @Order(4)
  void perksFollowTheCountriesWhereThePlatformWithholdsAnAccountOrAPost() throws Exception {
    assertThat(wh.read(Tables.COMPLIANCE_EVENTS, D3).where(col("notice").isin("user_withheld", "status_withheld"))
        .count()).isEqualTo(2);
    // Listed, and picked before the notices: an Italian wine expert, and the US baseball expert whose evidence
    // holds the withheld post.
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).where(col("user_id").equalTo(CELLAR)
        .and(col("topic_slug").equalTo("wine"))).count()).isEqualTo(1);
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).where(col("user_id").equalTo(DUGOUT)
        .and(col("topic_slug").equalTo("baseball")).and(array_contains(col("evidence_post_ids"), WITHHELD_POST)))
        .count()).isEqualTo(1);

    String wineAnywhere = perks("wine-anywhere", "wine");
    assertThat(wineAnywhere).doesNotContain("cellar_notes").contains("withheld there");
    String baseballInUs = perks("baseball-us", "baseball", "--country", "US");
    assertThat(baseballInUs).doesNotContain("mn_dugout_dan").contains("orange_and_black").contains("withheld there");
  }

  @Test
  @Order(10)
  void forgetLeavesNoTraceOfThePersonInAnyFileOfTheWarehouse() throws Exception {
    String perks = ConsoleCapture.stdoutOf(() -> PluskCli.execute("perks", "select", "--warehouse",
        neverPosted.root(), "--campaign", "wine-it", "--topic", "wine", "--country", "IT", "--date", D3.toString()));
    // Everything below would pass on nothing if they had left no trace to begin with: they posted on the first and
    // last days, were replied to, gave +K to @vino_veritas in wine and were just picked for a perk.
    assertThat(perks).contains(CELLAR_HANDLE);
    assertThat(neverPosted.read(Tables.POSTS, D1, D3).where(array_contains(col("mention_user_ids"), CELLAR))
        .count()).isPositive();
    assertThat(giversOfVino()).anyMatch(g -> g.contains(CELLAR));
    long othersBefore = neverPosted.read(Tables.TOPIC_EXPERTISE, D3).where(col("user_id").notEqual(CELLAR)).count();

    String forgot = ConsoleCapture.stdoutOf(() -> PluskCli.execute("forget", "--warehouse", neverPosted.root(),
        "--user", CELLAR));
    assertThat(forgot).contains("Forgot 1 user on 3 published dates").contains("posts").contains("perk_recipients");
    assertThat(traces(tmp.resolve("wh-never-posted"))).isEmpty();
    // Others keep their expertise, without what the forgotten gave them (a few lose rows their engagement made).
    assertThat(giversOfVino()).isNotEmpty().noneMatch(g -> g.contains(CELLAR));
    assertThat(neverPosted.read(Tables.TOPIC_EXPERTISE, D3).count()).isBetween(othersBefore * 9 / 10, othersBefore);
  }

  @Test
  @Order(11)
  void forgettingAgainChangesNothingAndAMalformedIdIsRefused() {
    List<String> before = sortedRows(neverPosted, Tables.TOPIC_EXPERTISE, D3);
    String again = ConsoleCapture.stdoutOf(() -> PluskCli.execute("forget", "--warehouse", neverPosted.root(),
        "--user", CELLAR));
    assertThat(again).contains("Forgot 1 user on 0 published dates").contains("no published date held anything")
        .doesNotContain("posts ");
    assertThat(sortedRows(neverPosted, Tables.TOPIC_EXPERTISE, D3)).isEqualTo(before);
    assertThat(PluskCli.execute("forget", "--warehouse", neverPosted.root(), "--user", "@" + CELLAR_HANDLE))
        .isEqualTo(2);
    assertThat(PluskCli.execute("forget", "--warehouse", neverPosted.root(), "--user", "12345678901234567890123"))
        .isEqualTo(2);
  }

  private static List<String> giversOfVino() {
    return neverPosted.read(Tables.TOPIC_EXPERTISE, D1).where(col("user_id").equalTo(VINO)).select("plusk_givers")
        .collectAsList().stream().map(r -> r.getList(0).toString()).toList();
  }

  private static String perks(String campaign, String topic, String... more) {
    List<String> args = new ArrayList<>(List.of("perks", "select", "--warehouse", wh.root(), "--campaign",
        campaign, "--topic", topic, "--date", D3.toString(), "--cooldown-days", "0"));
    args.addAll(List.of(more));
    return ConsoleCapture.stdoutOf(() -> PluskCli.execute(args.toArray(String[]::new)));
  }

  /**
   * The same rows, every column but where a row was read from (the dumps' paths and line numbers differ), in the
   * warehouse with the deletions and in the one without the posts.
   */
  private static void assertSameRows(String table, LocalDate date) {
    List<String> withDeletions = sortedRows(wh, table, date);
    assertThat(withDeletions).as("%s %s", table, date).isNotEmpty()
        .containsExactlyElementsOf(sortedRows(neverPosted, table, date));
  }

  private static List<String> sortedRows(Warehouse warehouse, String table, LocalDate date) {
    return warehouse.read(table, date).drop("source_file", "line_no").toJSON().collectAsList().stream().sorted()
        .toList();
  }

  /**
   * Every place the person's id or handle is found under the warehouse: each Parquet file read by DuckDB (a second
   * reader, every column of every row as text), each other file as text.
   */
  private static List<String> traces(Path warehouse) throws Exception {
    List<String> found = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(warehouse)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc")).toList();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (Path f : files) {
        if (f.toString().endsWith(".parquet")) {
          try (ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + f + "')")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                String value = rs.getString(i);
                if (value != null && holdsTrace(value)) {
                  found.add(warehouse.relativize(f) + ": " + rs.getMetaData().getColumnName(i) + " = " + value);
                }
              }
            }
          }
        } else if (holdsTrace(new String(Files.readAllBytes(f), StandardCharsets.UTF_8))) {
          found.add(warehouse.relativize(f).toString());
        }
      }
    }
    return found;
  }

  private static boolean holdsTrace(String text) {
    return text.contains(CELLAR) || text.toLowerCase(Locale.ROOT).contains(CELLAR_HANDLE);
  }
}
