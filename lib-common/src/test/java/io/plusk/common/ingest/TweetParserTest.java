package io.plusk.common.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plusk.common.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TweetParserTest {
  private static final TweetParser PARSER = new TweetParser(10_000);
  private static final String V1 = "twitter-api/v1/twitterdev_tweet_parser/";

  private static List<String> lines(Path file) throws IOException {
    try (Stream<String> s = Files.lines(file)) {
      return s.filter(l -> !l.isBlank()).toList();
    }
  }

  @Test
  void everyOriginalFormatExampleParses() throws Exception {
    List<String> lines = lines(SharedData.path(V1 + "original_format_examples.json"));
    assertThat(lines).hasSizeGreaterThanOrEqualTo(25);
    for (String line : lines) {
      List<ParsedTweet> tweets = PARSER.parse(line);
      ParsedTweet outer = tweets.get(0);
      assertThat(outer.postId()).matches("[0-9]+");
      assertThat(outer.userId()).matches("[0-9]+");
      assertThat(outer.text()).isNotBlank();
      assertThat(outer.embedded()).isFalse();
      assertThat(tweets.subList(1, tweets.size())).allMatch(ParsedTweet::embedded);
    }
  }

  @Test
  void retweetsRepliesQuotesAndExtendedTextAreRead() throws Exception {
    List<ParsedTweet> all = lines(SharedData.path(V1 + "original_format_examples.json")).stream()
        .map(l -> {
          try {
            return PARSER.parse(l).get(0);
          } catch (Rejection r) {
            throw new AssertionError(r.reason() + ": " + r.detail());
          }
        }).toList();
    assertThat(all).anyMatch(t -> t.retweetOfPostId() != null && t.retweetOfUserId() != null);
    assertThat(all).anyMatch(t -> t.quoteOfPostId() != null);
    assertThat(all).anyMatch(t -> t.text().length() > 140);
    assertThat(all).anyMatch(t -> !t.hashtags().isEmpty());
    assertThat(all).anyMatch(t -> !t.mentionUserIds().isEmpty());
  }

  @Test
  void brokenAndUnsupportedPayloadsEitherParseOrCarryAReason() throws Exception {
    try (Stream<Path> files = Files.list(SharedData.path(V1 + "broken_and_unsupported_payloads"))) {
      for (Path f : files.toList()) {
        for (String line : lines(f)) {
          try {
            assertThat(PARSER.parse(line)).as(f.getFileName().toString()).isNotEmpty();
          } catch (Rejection r) {
            assertThat(r.reason()).as(f.getFileName().toString()).matches("[a-z0-9_]+");
            assertThat(r.detail()).isNotBlank();
          }
        }
      }
    }
    Path broken = SharedData.path(V1 + "broken_and_unsupported_payloads");
    assertThat(reasonOf(lines(broken.resolve("original_format_missing_user.json")).get(0)))
        .isEqualTo("missing_field");
    assertThat(reasonOf(lines(broken.resolve("activity_streams_missing_field.json")).get(0)))
        .isEqualTo("unsupported_format_activity_streams");
    // An id that lost digits as a float next to an exact id_str: id_str wins.
    assertThat(PARSER.parse(lines(broken.resolve("original_format_missing_field.json")).get(0)).get(0).postId())
        .isEqualTo("867468138991964160");
  }

  @Test
  void activityStreamsPayloadsAreQuarantinedAsUnsupported() throws Exception {
    for (String line : lines(SharedData.path(V1 + "activity_streams_examples.json"))) {
      assertThat(reasonOf(line)).isEqualTo("unsupported_format_activity_streams");
    }
  }

  @Test
  void badLinesGetPreciseReasons() {
    assertThat(reasonOf("{\"id_str\": \"1\", \"text\": \"x\"")).isEqualTo("malformed_json");
    assertThat(reasonOf("[{\"id_str\": \"1\"}]")).isEqualTo("missing_field");
    assertThat(reasonOf("[]")).isEqualTo("empty_array");
    assertThat(reasonOf("42")).isEqualTo("not_an_object");
    assertThat(reasonOf("{\"id\": 1.8622e18, \"text\": \"t\", \"created_at\": \"Tue Nov 24 10:00:00 +0000 2026\", "
        + "\"user\": {\"id_str\": \"1\"}}")).isEqualTo("id_not_exact");
    assertThat(reasonOf("{\"id_str\": \"5\", \"text\": \"t\", \"created_at\": \"yesterday\", "
        + "\"user\": {\"id_str\": \"1\"}}")).isEqualTo("bad_timestamp");
    assertThat(reasonOf("{\"id_str\": \"5\", \"created_at\": \"Tue Nov 24 10:00:00 +0000 2026\", "
        + "\"user\": {\"id_str\": \"1\"}}")).isEqualTo("missing_field");
    assertThat(reasonOf("{\"delete\": {\"status\": {\"id_str\": \"1\"}}}")).isEqualTo("not_a_status");
    assertThat(reasonOf("{\"data\": [{\"id\": \"1\"}], \"includes\": {}}")).isEqualTo("missing_field");
    assertThat(reasonOf("{\"id_str\": \"5\", \"text\": \"" + "x".repeat(20) + "\", \"created_at\": "
        + "\"Tue Nov 24 10:00:00 +0000 2026\", \"user\": {\"id_str\": \"1\"}}", 10)).isEqualTo("text_too_long");
  }

  @Test
  void legacyStatusesWithOnlyNumericIdsAreKeptDigitForDigit() throws Exception {
    ParsedTweet t = PARSER.parse("{\"id\": 24696018620, \"text\": \"old #school\", \"created_at\": "
        + "\"Wed Sep 22 01:02:03 +0000 2010\", \"user\": {\"id\": 6253282, \"screen_name\": \"api\"}}").get(0);
    assertThat(t.postId()).isEqualTo("24696018620");
    assertThat(t.userId()).isEqualTo("6253282");
    assertThat(t.createdAt()).isEqualTo(Instant.parse("2010-09-22T01:02:03Z"));
    assertThat(t.hashtags()).containsExactly("school");
  }

  @Test
  void arraysAndApiResponseObjectsOnOneLineAreAccepted() throws Exception {
    Path dir = SharedData.path("twitter-api/v1/python_twitter");
    int files = 0;
    for (String name : List.of("get_favorites.json", "get_home_timeline.json", "get_list_timeline.json",
        "get_mentions.json", "get_replies.json", "get_retweets.json", "get_search.json", "get_status.json",
        "get_statuses.1.json", "get_statuses.2.json", "get_user_timeline.json")) {
      String content = Files.readString(dir.resolve(name)).strip();
      List<ParsedTweet> tweets = PARSER.parse(content);
      assertThat(tweets).as(name).isNotEmpty();
      assertThat(tweets).allSatisfy(t -> assertThat(t.postId()).matches("[0-9]+"));
      files++;
    }
    assertThat(files).isEqualTo(11);
  }

  @Test
  void whetherTheAuthorsAccountIsProtectedIsRead() throws Exception {
    Path dir = SharedData.path("twitter-api/v1/python_twitter");
    // Real timelines: get_replies.json is a protected account's; get_list_timeline.json has only public ones.
    List<ParsedTweet> replies = PARSER.parse(Files.readString(dir.resolve("get_replies.json")).strip());
    assertThat(replies).filteredOn(t -> !t.embedded()).isNotEmpty().allMatch(ParsedTweet::authorProtected);
    assertThat(PARSER.parse(Files.readString(dir.resolve("get_list_timeline.json")).strip()))
        .noneMatch(ParsedTweet::authorProtected);
    String v2 = "{\"data\":[{\"id\":\"1\",\"author_id\":\"7\",\"text\":\"hi\","
        + "\"created_at\":\"2026-11-25T10:00:00.000Z\"},{\"id\":\"2\",\"author_id\":\"8\",\"text\":\"yo\","
        + "\"created_at\":\"2026-11-25T10:00:00.000Z\"}],\"includes\":{\"users\":[{\"id\":\"7\","
        + "\"username\":\"quiet\",\"protected\":true},{\"id\":\"8\",\"username\":\"loud\"}]}}";
    assertThat(PARSER.parse(v2)).extracting(ParsedTweet::screenName, ParsedTweet::authorProtected)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("quiet", true),
            org.assertj.core.groups.Tuple.tuple("loud", false));
  }

  @Test
  void apiV2PagesAndTweetsAreAccepted() throws Exception {
    Path v2 = SharedData.path("twitter-api/v2");
    List<ParsedTweet> page = PARSER.parse(lines(v2.resolve("two_tweets.jsonl")).get(0));
    ParsedTweet first = page.get(0);
    assertThat(first.postId()).isEqualTo("1394735776701816833");
    assertThat(first.userId()).isEqualTo("1379899464345923590");
    assertThat(first.retweetOfPostId()).isEqualTo("1391677057810288641");
    assertThat(first.hashtags()).containsExactly("POIUYTREWQ");
    assertThat(first.screenName()).isNotBlank();
    int parsed = 0;
    for (String line : lines(v2.resolve("flat.jsonl"))) {
      assertThat(PARSER.parse(line).get(0).embedded()).isFalse();
      parsed++;
    }
    assertThat(parsed).isEqualTo(100);
    for (String f : List.of("brexit.jsonl", "entities_test.jsonl", "mentions_tweet.jsonl", "quoted_edit.jsonl")) {
      assertThat(PARSER.parse(lines(v2.resolve(f)).get(0))).as(f).isNotEmpty();
    }
    int errors = 0;
    for (String line : lines(v2.resolve("streaming_output_with_error.jsonl"))) {
      try {
        assertThat(PARSER.parse(line)).isNotEmpty();
      } catch (Rejection r) {
        assertThat(r.reason()).isIn("api_error", "missing_field", "malformed_json");
        errors++;
      }
    }
    assertThat(errors).isPositive();
    assertThat(lines(v2.resolve("empty.json"))).isEmpty();
  }

  private static String reasonOf(String line) {
    return reasonOf(line, 10_000);
  }

  private static String reasonOf(String line, int maxText) {
    Rejection r = catchThrowableOfType(() -> new TweetParser(maxText).parse(line), Rejection.class);
    assertThat(r).as("expected a rejection for " + line).isNotNull();
    return r.reason();
  }

  @Test
  void eventDumpsAreValidated() throws Exception {
    assertThat(EventParsers.engagement("{\"type\":\"reply\",\"actor_id\":\"1\",\"post_id\":\"2\","
        + "\"target_user_id\":\"3\",\"ts\":\"2026-11-24T10:00:00Z\"}").postId()).isEqualTo("2");
    assertThat(EventParsers.engagement("{\"type\":\"mention\",\"actor_id\":\"1\",\"post_id\":\"\","
        + "\"target_user_id\":\"3\",\"ts\":\"2026-11-24T10:00:00+01:00\"}").ts())
        .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThatThrownBy(() -> EventParsers.engagement("{\"type\":\"poke\",\"actor_id\":\"1\",\"post_id\":\"2\","
        + "\"ts\":\"2026-11-24T10:00:00Z\"}")).hasFieldOrPropertyWithValue("reason", "unknown_type");
    assertThatThrownBy(() -> EventParsers.engagement("{\"type\":\"retweet\",\"actor_id\":\"1\","
        + "\"ts\":\"2026-11-24T10:00:00Z\"}")).hasFieldOrPropertyWithValue("reason", "missing_field");
    assertThat(EventParsers.plusK("{\"giver_id\":\"1\",\"receiver_id\":\"2\",\"topic\":\"wine\","
        + "\"ts\":\"2026-11-24T10:00:00Z\"}").topic()).isEqualTo("wine");
    assertThatThrownBy(() -> EventParsers.removal("{\"user_id\":\"1\",\"topic\":\"wine\",\"action\":\"archive\","
        + "\"ts\":\"2026-11-24T10:00:00Z\"}")).hasFieldOrPropertyWithValue("reason", "unknown_action");
    assertThat(EventParsers.user("{\"user_id\":\"1\",\"screen_name\":\"a\",\"country\":\"us\",\"followers\":3}")
        .country()).isEqualTo("US");
    assertThatThrownBy(() -> EventParsers.user("{\"user_id\":\"1\",\"country\":\"USA\"}"))
        .hasFieldOrPropertyWithValue("reason", "bad_country");
  }
}
