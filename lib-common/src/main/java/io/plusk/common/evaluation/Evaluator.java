package io.plusk.common.evaluation;

import io.plusk.common.linking.TopicLink;
import io.plusk.common.linking.TopicLinker;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Runs the linker over gold examples and scores the mapped predictions. */
public final class Evaluator {
  private final TopicLinker linker;
  private final LabelMapping mapping;

  public Evaluator(TopicLinker linker, LabelMapping mapping) {
    this.linker = linker;
    this.mapping = mapping;
  }

  /** The labels plusk predicts for a text: the mapped labels of its direct links. */
  public Set<String> predict(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (TopicLink link : linker.link(text, List.of())) {
      if (link.viaTopicId() == null) {
        out.addAll(mapping.labels(linker.ontology(), link.topicId()));
      }
    }
    return out;
  }

  /**
   * @param labelSpace the labels to report; for TweetTopic its 19 labels, for slug gold the union of gold labels
   */
  public EvaluationReport evaluate(List<GoldExample> gold, Set<String> labelSpace) {
    return evaluate(gold, labelSpace, false);
  }

  /**
   * @param subjects gold labels are topic slugs, one subject (or a few) per example: also report the share of
   *                 examples whose every gold topic was linked
   */
  public EvaluationReport evaluate(List<GoldExample> gold, Set<String> labelSpace, boolean subjects) {
    Map<String, int[]> counts = new TreeMap<>();
    for (String l : labelSpace) {
      counts.put(l, new int[3]);
    }
    int covered = 0;
    int allFound = 0;
    for (GoldExample ex : gold) {
      Set<String> predicted = new TreeSet<>(predict(ex.text()));
      predicted.retainAll(labelSpace);
      if (!predicted.isEmpty()) {
        covered++;
      }
      if (!ex.labels().isEmpty() && predicted.containsAll(ex.labels())) {
        allFound++;
      }
      for (String l : labelSpace) {
        int[] c = counts.get(l);
        boolean g = ex.labels().contains(l);
        boolean p = predicted.contains(l);
        if (g) {
          c[0]++;
        }
        if (p) {
          c[1]++;
        }
        if (g && p) {
          c[2]++;
        }
      }
    }
    Map<String, EvaluationReport.LabelScore> labels = new TreeMap<>();
    int support = 0;
    int predictedAll = 0;
    int tpAll = 0;
    double f1Sum = 0;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      double p = c[1] == 0 ? 0 : (double) c[2] / c[1];
      double r = c[0] == 0 ? 0 : (double) c[2] / c[0];
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      labels.put(e.getKey(), new EvaluationReport.LabelScore(c[0], c[1], c[2], round(p), round(r), round(f1)));
      support += c[0];
      predictedAll += c[1];
      tpAll += c[2];
      f1Sum += f1;
    }
    double microP = predictedAll == 0 ? 0 : (double) tpAll / predictedAll;
    double microR = support == 0 ? 0 : (double) tpAll / support;
    double microF1 = microP + microR == 0 ? 0 : 2 * microP * microR / (microP + microR);
    return new EvaluationReport(gold.size(), round(gold.isEmpty() ? 0 : (double) covered / gold.size()),
        round(microP), round(microR), round(microF1), round(counts.isEmpty() ? 0 : f1Sum / counts.size()), labels,
        subjects ? round(gold.isEmpty() ? 0 : (double) allFound / gold.size()) : null);
  }

  private static double round(double d) {
    return Math.round(d * 10000.0) / 10000.0;
  }
}
