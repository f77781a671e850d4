package io.plusk.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {
  @Test
  void rendersEveryPartAndEscapesUserText() {
    String html = RunReport.render("2026-11-25", "2026-11-24",
        List.of(new RunReport.Bar("posts", 200), new RunReport.Bar("engaged posts", 50)),
        List.of(new RunReport.Bar("tweets: malformed_json", 3)),
        List.of(new RunReport.Bar("Wine", 4)),
        List.of(new RunReport.TopicTop("Wine", 4, List.of(new RunReport.Expert(1, "<script>x</script>", 100.0)))),
        List.of(new RunReport.Change("@new_user", "Wine", null, 55.0), new RunReport.Change("user 42", "Wine", 40.0, null)),
        Map.of("config hash", "abc"));
    assertThat(html).contains("<svg", "width=\"560\"", "width=\"140\"", "tweets: malformed_json",
        "&lt;script&gt;x&lt;/script&gt;", ">new<", ">dropped<", "Changes among each topic's top 10 since 2026-11-24",
        "@new_user", "user 42")
        .doesNotContain("<script>");
  }

  @Test
  void saysWhenThereIsNothingToCompare() {
    String html = RunReport.render("2026-11-23", null, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
    assertThat(html).contains("Nothing quarantined.", "No earlier published day to compare with.");
  }
}
