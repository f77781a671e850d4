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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nightlies on the three sample days, with two people who said what may be done with their data: @vino_veritas
 * is protected on the last day (the statuses say so); @cellar_notes opts out on the second day and back in on the
 * last.
 */
class PrivacyControlsTest extends SparkTestBase {
  private static final LocalDate D2 = LocalDate.parse("2026-11-24");
  private static final LocalDate D3 = LocalDate.parse("2026-11-25");
  private static final String CELLAR = "2903999095";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  private static Warehouse wh;
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

    Path warehouse = tmp.resolve("wh");
    assertThat(PluskCli.execute("nightly", "--input", input.toString(), "--warehouse", warehouse.toString()))
        .isZero();
    wh = new Warehouse(spark, warehouse.toString());
  }

  @Test
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
}
