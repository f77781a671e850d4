package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.stage.PublishJob;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nightly on the samples where one account's statuses say it is protected: its posts are kept (and
 * accounted for) but earn no engagement, get no links and give no expertise, and its replies credit no one.
 */
class ProtectedAccountsTest extends SparkTestBase {
  private static final LocalDate D = LocalDate.parse("2026-11-25");
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void aProtectedAccountsPostsAreKeptButNeverBecomeEvidence() throws Exception {
    Path input = tmp.resolve("input");
    try (Stream<Path> files = Files.walk(repoRoot().resolve("data-samples"))) {
      for (Path p : files.toList()) {
        Path target = input.resolve(repoRoot().resolve("data-samples").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Path tweets = input.resolve("tweets/dt=" + D + "/part-00000.jsonl");
    List<String> lines = new ArrayList<>();
    String protectedId = null;
    for (String line : Files.readAllLines(tweets)) {
      JsonNode status = JSON.readTree(line);
      if ("vino_veritas".equals(status.path("user").path("screen_name").asText())) {
        ((ObjectNode) status.get("user")).put("protected", true);
        protectedId = status.get("user").get("id_str").asText();
        line = JSON.writeValueAsString(status);
      }
      lines.add(line);
    }
    assertThat(protectedId).as("the samples have statuses of @vino_veritas on %s", D).isNotNull();
    Files.write(tweets, lines);

    Path warehouse = tmp.resolve("wh");
    assertThat(PluskCli.execute("nightly", "--date", D.toString(), "--input", input.toString(), "--warehouse",
        warehouse.toString())).isZero();
    Warehouse wh = new Warehouse(spark, warehouse.toString());

    List<Row> posts = wh.read(Tables.POSTS, D).where(col("user_id").equalTo(protectedId)
        .and(col("is_embedded").equalTo(false))).collectAsList();
    assertThat(posts).isNotEmpty().allMatch(r -> r.getBoolean(r.fieldIndex("is_protected")));
    // Others engaged with those posts (so they would have counted), but none is an engaged post.
    List<String> postIds = posts.stream().map(r -> r.getString(r.fieldIndex("post_id"))).toList();
    assertThat(wh.read(Tables.ENGAGEMENT_EVENTS, D).where(col("post_id").isin(postIds.toArray())).count())
        .isPositive();
    assertThat(wh.read(Tables.ENGAGED_POSTS, D).where(col("user_id").equalTo(protectedId)).count()).isZero();
    assertThat(wh.read(Tables.POST_TOPICS, D).where(col("user_id").equalTo(protectedId)).count()).isZero();
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D).where(col("user_id").equalTo(protectedId)
        .and(col("engaged_posts").gt(0))).count()).isZero();
    // Their own retweets, replies and quotes are not public either: no engagement event comes from them.
    assertThat(wh.read(Tables.ENGAGEMENT_EVENTS, D).where(col("actor_id").equalTo(protectedId)
        .and(col("origin").notEqual("event"))).count()).isZero();

    JsonNode summary = JSON.readTree(wh.readText(wh.runFolder(D) + "/" + PublishJob.SUMMARY_FILE));
    assertThat(summary.at("/stages/engaged/counts/posts_of_protected_accounts").asLong())
        .isEqualTo(postIds.size());
  }
}
