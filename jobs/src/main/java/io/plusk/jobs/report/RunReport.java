package io.plusk.jobs.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run report, {@code report.html}: one self-contained page (inline CSS and SVG, nothing fetched at view time)
 * with the funnel, quarantine reasons, topics by number of experts, the top experts of the biggest topics and what
 * changed since the previous published day.
 */
public final class RunReport {
  /** A bar of a chart. */
  public record Bar(String label, long value) {}

  /** An expert line of a topic. */
  /** {@code user}: as {@link UserLabel} shows a person. */
  public record Expert(int rank, String user, double score) {}

  /** One topic with its top experts. */
  public record TopicTop(String name, long experts, List<Expert> top) {}

  /** A user and topic whose listing changed since the previous day; {@code before} or {@code after} may be null. */
  public record Change(String user, String topic, Double before, Double after) {}

  private RunReport() {}

  public static String render(String date, String previousDate, List<Bar> funnel, List<Bar> quarantine,
                              List<Bar> topicsByExperts, List<TopicTop> biggest, List<Change> changes,
                              Map<String, String> facts) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>plusk run report ")
        .append(esc(date)).append("</title>\n<style>")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#222;max-width:1000px}")
        .append("h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}")
        .append("table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eee}")
        .append(".facts td:first-child{color:#666}.up{color:#1a7f37}.down{color:#b42318}.grid{display:flex;flex-wrap:wrap;gap:1.5rem}")
        .append("</style></head><body>\n");
    h.append("<h1>plusk run report: ").append(esc(date)).append("</h1>\n<table class=\"facts\">");
    facts.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>"));
    h.append("</table>\n");

    h.append("<h2>Funnel</h2>\n").append(barChart(funnel, "#2f6fde"));
    h.append("<h2>Quarantine reasons</h2>\n");
    h.append(quarantine.isEmpty() ? "<p>Nothing quarantined.</p>\n" : barChart(quarantine, "#d97706"));
    h.append("<h2>Topics by number of experts</h2>\n").append(barChart(topicsByExperts, "#16a34a"));

    h.append("<h2>Top experts of the biggest topics</h2>\n<div class=\"grid\">");
    for (TopicTop t : biggest) {
      h.append("<div><h3>").append(esc(t.name())).append(" <small>(").append(t.experts())
          .append(" experts)</small></h3><table><tr><th>#</th><th>user</th><th>score</th></tr>");
      for (Expert e : t.top()) {
        h.append("<tr><td>").append(e.rank()).append("</td><td>").append(esc(e.user())).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.1f", e.score())).append("</td></tr>");
      }
      h.append("</table></div>");
    }
    h.append("</div>\n");

    h.append("<h2>Changes among each topic's top 10 since ")
        .append(previousDate == null ? "the previous day" : esc(previousDate)).append("</h2>\n");
    if (previousDate == null) {
      h.append("<p>No earlier published day to compare with.</p>\n");
    } else if (changes.isEmpty()) {
      h.append("<p>No listing changed.</p>\n");
    } else {
      h.append("<table><tr><th>user</th><th>topic</th><th>before</th><th>now</th><th></th></tr>");
      for (Change c : changes) {
        String what = c.before() == null ? "<span class=\"up\">new</span>"
            : c.after() == null ? "<span class=\"down\">dropped</span>"
            : c.after() >= c.before() ? "<span class=\"up\">&#9650;</span>" : "<span class=\"down\">&#9660;</span>";
        h.append("<tr><td>").append(esc(c.user())).append("</td><td>").append(esc(c.topic()))
            .append("</td><td>").append(c.before() == null ? "" : String.format(Locale.ROOT, "%.1f", c.before()))
            .append("</td><td>").append(c.after() == null ? "" : String.format(Locale.ROOT, "%.1f", c.after()))
            .append("</td><td>").append(what).append("</td></tr>");
      }
      h.append("</table>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  /** A horizontal bar chart as inline SVG. */
  static String barChart(List<Bar> bars, String color) {
    int labelWidth = 260;
    int chartWidth = 560;
    int row = 24;
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "role=\"img\" font-family=\"sans-serif\" font-size=\"13\">", labelWidth + chartWidth + 80, row * bars.size() + 8));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = i * row + 4;
      int w = (int) Math.round((double) chartWidth * b.value() / max);
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 8,
          y + 15, esc(b.label())));
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>",
          labelWidth, y + 2, Math.max(1, w), color));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d</text>", labelWidth + w + 6, y + 15,
          b.value()));
    }
    return s.append("</svg>\n").toString();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
