package io.plusk.common.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.linking.TopicLinker;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.common.testing.SharedData;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.plusk.common.config.PluskConfig.LinkingSettings;
import org.junit.jupiter.api.Test;

/**
 * Fails when linking quality on the TweetTopic dev set (../shared) drops below the level reached when this floor
 * was set (docs/topic-quality.md). Raise the floor when quality improves; never lower it to make a change pass.
 * The figures of the docs' current row must be the measured ones, so the docs say what the linker does.
 */
class DevSetRegressionTest {
  static final double MACRO_F1_FLOOR = 0.49;
  static final double COVERAGE_FLOOR = 0.75;
  /** Entity dev set: share of tweets whose subject's topic is linked (docs/topic-quality.md). */
  static final double SUBJECT_RECALL_FLOOR = 0.95;
  static final double SUBJECT_PRECISION_FLOOR = 0.90;

  private static final LinkingSettings SETTINGS = PluskConfig.defaults().linking();
  private static final TopicLinker LINKER = new TopicLinker(OntologyFormat.readDefault(),
      new CoreNlpAnnotator(SETTINGS.annotators(), SETTINGS.nerModel()), SETTINGS);

  private static List<GoldExample> read(String relative) throws Exception {
    List<String> lines = Files.readAllLines(SharedData.path(relative), StandardCharsets.UTF_8);
    List<GoldExample> gold = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        gold.add(GoldExample.parse(lines.get(i), i + 1));
      }
    }
    return gold;
  }

  @Test
  void entityDevSetSubjectsAreLinked() throws Exception {
    List<GoldExample> gold = read("entity-dev/semeval2016-subjects-dev.jsonl");
    assertThat(gold).hasSize(4990);
    Set<String> subjects = new TreeSet<>();
    gold.forEach(g -> subjects.addAll(g.labels()));
    EvaluationReport report = new Evaluator(LINKER, LabelMapping.slugs()).evaluate(gold, subjects, true);
    assertThat(report.subjectRecall()).as(report.toTable()).isGreaterThanOrEqualTo(SUBJECT_RECALL_FLOOR);
    assertThat(report.microPrecision()).as(report.toTable()).isGreaterThanOrEqualTo(SUBJECT_PRECISION_FLOOR);
    List<String> documented = documentedFigures();
    assertThat(List.of(figure(report.subjectRecall()), figure(report.microPrecision())))
        .as("entity dev figures in docs/topic-quality.md's current row").isEqualTo(documented.subList(4, 6));
  }

  /** The current ("now", in bold) row of docs/topic-quality.md's figures: its cells after the first, as shown. */
  private static List<String> documentedFigures() throws Exception {
    String row = Files.readAllLines(SharedData.repoRoot().resolve("docs/topic-quality.md")).stream()
        .filter(l -> l.startsWith("| **now")).findFirst()
        .orElseThrow(() -> new AssertionError("docs/topic-quality.md has no current row (| **now ...)"));
    List<String> cells = new ArrayList<>();
    for (String cell : row.split("\\|")) {
      cells.add(cell.replace("**", "").strip());
    }
    // the row's name, macro F1, "P / R / F1", coverage, subject recall, micro precision
    return cells.subList(1, cells.size());
  }

  private static String figure(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  @Test
  void devSetMacroF1StaysAboveTheFloor() throws Exception {
    List<GoldExample> gold = read("tweettopic-dev/dev.jsonl");
    assertThat(gold).hasSize(200);
    var ontology = OntologyFormat.readDefault();
    LabelMapping mapping;
    try (var in = new InputStreamReader(getClass().getClassLoader()
        .getResourceAsStream("plusk/tweettopic-mapping.tsv"), StandardCharsets.UTF_8)) {
      mapping = LabelMapping.read(in, "tweettopic-mapping.tsv");
    }
    assertThat(mapping.unmapped(ontology)).isEmpty();
    EvaluationReport report = new Evaluator(LINKER, mapping)
        .evaluate(gold, new LinkedHashSet<>(GoldExample.TWEETTOPIC_LABELS));
    assertThat(report.macroF1()).as(report.toTable()).isGreaterThanOrEqualTo(MACRO_F1_FLOOR);
    assertThat(report.coverage()).as(report.toTable()).isGreaterThanOrEqualTo(COVERAGE_FLOOR);
    List<String> documented = documentedFigures();
    assertThat(List.of(figure(report.macroF1()), figure(report.microPrecision()) + " / "
            + figure(report.microRecall()) + " / " + figure(report.microF1()), figure(report.coverage())))
        .as("TweetTopic dev figures in docs/topic-quality.md's current row").isEqualTo(documented.subList(1, 4));
  }

  @Test
  void slugGoldIsScoredOnTopicsAndTheirAncestors() {
    List<GoldExample> gold = List.of(
        GoldExample.parse("{\"id\":1,\"text\":\"Twins walk-off homer in the 9th at Target Field\","
            + "\"topics\":[\"minnesota-twins\",\"baseball\"]}", 1),
        GoldExample.parse("{\"id\":2,\"text\":\"My twins slept through the night\",\"topics\":[\"twins-and-multiples\"]}", 2));
    EvaluationReport r = new Evaluator(LINKER, LabelMapping.slugs())
        .evaluate(gold, new LinkedHashSet<>(List.of("minnesota-twins", "baseball", "twins-and-multiples")), true);
    assertThat(r.subjectRecall()).isEqualTo(1.0);
    assertThat(r.macroF1()).isEqualTo(1.0);
    assertThat(r.coverage()).isEqualTo(1.0);
  }
}
