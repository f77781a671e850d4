package io.plusk.common.evaluation;

import java.util.Map;

/**
 * Precision, recall and F1 per label, micro and macro averages, and coverage. {@code subjectRecall}: for gold
 * labelled with topic slugs, the share of examples whose every gold topic is among the links (direct or rolled
 * up); null for TweetTopic gold.
 */
public record EvaluationReport(int examples, double coverage, double microPrecision, double microRecall,
                               double microF1, double macroF1, Map<String, LabelScore> labels,
                               Double subjectRecall) {
  public record LabelScore(int support, int predicted, int truePositives, double precision, double recall,
                           double f1) {}

  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-28s %7s %9s %9s %7s %7s%n", "label", "support", "predicted", "precision", "recall",
        "f1"));
    labels.forEach((label, s) -> sb.append(String.format("%-28s %7d %9d %9.3f %7.3f %7.3f%n", label, s.support(),
        s.predicted(), s.precision(), s.recall(), s.f1())));
    sb.append(String.format("%nexamples %d  coverage %.3f  micro P/R/F1 %.3f/%.3f/%.3f  macro F1 %.3f%s%n", examples,
        coverage, microPrecision, microRecall, microF1, macroF1,
        subjectRecall == null ? "" : String.format("  subject recall %.3f", subjectRecall)));
    return sb.toString();
  }
}
