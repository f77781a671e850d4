package io.plusk.common.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plusk.common.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceNoticesTest {
  @Test
  void realV11StreamNoticesAreReadAndItsStatusesAreNot() throws Exception {
    List<ComplianceNotice> notices = new ArrayList<>();
    int statuses = 0;
    for (String line : Files.readAllLines(SharedData.path(
        "twitter-api/v1/twitter4j_legacy/streamingapi-testcase.json"), StandardCharsets.UTF_8)) {
      ComplianceNotice n = ComplianceNotices.mayBeNotice(line) ? ComplianceNotices.inStream(line) : null;
      if (n == null) {
        statuses++;
      } else {
        notices.add(n);
      }
    }
    assertThat(notices).containsExactly(
        new ComplianceNotice(ComplianceNotice.STATUS_DELETION, "6832057002", "18378841", null, List.of(), null),
        new ComplianceNotice(ComplianceNotice.SCRUB_GEO, null, "14090452", "23260136625", List.of(), null));
    assertThat(statuses).isEqualTo(4);
  }

  @Test
  void aDirectMessageDeletionIsNotAPostDeletion() throws Exception {
    String dm = Files.readAllLines(SharedData.path("twitter-api/v1/twitter4j_legacy/streamingapi-event-testcase.json"),
        StandardCharsets.UTF_8).stream().filter(l -> l.contains("direct_message")).findFirst().orElseThrow();
    assertThatThrownBy(() -> ComplianceNotices.inStream(dm)).isInstanceOf(Rejection.class)
        .hasFieldOrPropertyWithValue("reason", "unsupported_notice");
  }

  @Test
  void theV2StreamAndTheWithheldNoticesAreRead() throws Exception {
    assertThat(ComplianceNotices.inStream("{\"data\":{\"delete\":{\"tweet\":{\"id\":\"1500\",\"author_id\":\"77\"},"
        + "\"event_at\":\"2026-11-24T08:00:00.000Z\"}}}"))
        .isEqualTo(new ComplianceNotice(ComplianceNotice.STATUS_DELETION, "1500", "77", null, List.of(),
            Instant.parse("2026-11-24T08:00:00Z")));
    assertThat(ComplianceNotices.inStream("{\"status_withheld\":{\"id\":1234567890,\"user_id\":123456,"
        + "\"withheld_in_countries\":[\"de\",\"AR\"],\"timestamp_ms\":\"1637000000000\"}}"))
        .isEqualTo(new ComplianceNotice(ComplianceNotice.STATUS_WITHHELD, "1234567890", "123456", null,
            List.of("DE", "AR"), Instant.ofEpochMilli(1637000000000L)));
    assertThat(ComplianceNotices.inStream("{\"user_withheld\":{\"id\":123456,\"withheld_in_countries\":[\"XX\"]}}"))
        .isEqualTo(new ComplianceNotice(ComplianceNotice.USER_WITHHELD, null, "123456", null, List.of("XX"), null));
    // A status is not a notice, even one that quotes a notice's name in its text.
    assertThat(ComplianceNotices.inStream("{\"id_str\":\"9\",\"text\":\"\\\"delete\\\" this\",\"user\":{}}"))
        .isNull();
  }

  @Test
  void theDeletionsDumpTakesEachDeletionFormAndNothingElse() throws Exception {
    ComplianceNotice batch = ComplianceNotices.deletion(
        "{\"id\":\"1500\",\"action\":\"delete\",\"redacted_at\":\"2026-11-24T08:00:00.000Z\",\"reason\":\"deleted\"}");
    assertThat(batch.postId()).isEqualTo("1500");
    assertThat(batch.userId()).isNull();
    assertThat(ComplianceNotices.deletion("{\"post_id\":\"1500\",\"user_id\":\"77\",\"ts\":\"2026-11-24T08:00:00Z\"}"))
        .isEqualTo(new ComplianceNotice(ComplianceNotice.STATUS_DELETION, "1500", "77", null, List.of(),
            Instant.parse("2026-11-24T08:00:00Z")));
    assertThat(ComplianceNotices.deletion("{\"delete\":{\"status\":{\"id_str\":\"1500\",\"user_id_str\":\"77\"}}}")
        .postId()).isEqualTo("1500");

    assertRejected("{\"id\":\"1500\",\"action\":\"scrub_geo\"}", "unknown_action");
    assertRejected("{\"scrub_geo\":{\"user_id\":77,\"up_to_status_id\":1500}}", "not_a_deletion");
    assertRejected("{\"user_id\":\"77\"}", "missing_field");
    assertRejected("{\"delete\":{\"status\":{\"id\":1500},\"timestamp_ms\":\"yesterday\"}}", "bad_timestamp");
    assertRejected("{\"status_withheld\":{\"id\":1500,\"withheld_in_countries\":[\"DE\"]}}", "not_a_deletion");
  }

  @Test
  void aWithheldNoticeNamesRealCountryCodes() {
    assertThatThrownBy(() -> ComplianceNotices.inStream(
        "{\"status_withheld\":{\"id\":1500,\"withheld_in_countries\":[\"Germany\"]}}"))
        .isInstanceOf(Rejection.class).hasFieldOrPropertyWithValue("reason", "bad_country");
    assertThatThrownBy(() -> ComplianceNotices.inStream("{\"user_withheld\":{\"id\":1500}}"))
        .isInstanceOf(Rejection.class).hasFieldOrPropertyWithValue("reason", "missing_field");
  }

  private static void assertRejected(String line, String reason) {
    assertThatThrownBy(() -> ComplianceNotices.deletion(line)).isInstanceOf(Rejection.class)
        .hasFieldOrPropertyWithValue("reason", reason);
  }
}
