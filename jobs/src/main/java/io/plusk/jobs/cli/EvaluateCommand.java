package io.plusk.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plusk.common.config.PluskConfig;
import io.plusk.common.evaluation.EvaluationReport;
import io.plusk.common.evaluation.Evaluator;
import io.plusk.common.evaluation.GoldExample;
import io.plusk.common.evaluation.LabelMapping;
import io.plusk.common.linking.TopicLinker;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures linking against a labelled file. No Spark. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Links every text of a gold file and prints per-label precision, recall and F1, micro and macro "
        + "F1 and coverage. Gold lines are TweetTopic rows (19 label columns; plusk topics are mapped to them with "
        + "--mapping) or {\"id\",\"text\",\"topics\":[slugs]} (compared with the linked topics and their ancestors; "
        + "the summary then adds subject recall: the share of texts whose every gold topic is linked).")
public final class EvaluateCommand implements Callable<Integer> {
  static final String DEFAULT_MAPPING = "plusk/tweettopic-mapping.tsv";

  @Mixin LinkerOptions linkerOptions;
  @Spec CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "FILE.jsonl", description = "The labelled texts.")
  Path gold;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "plusk topic slug → TweetTopic labels (default: conf/tweettopic-mapping.tsv, shipped in the jar).")
  Path mapping;

  @Option(names = "--conf", paramLabel = "FILE", description = "HOCON overrides of conf/application.conf.")
  Path conf;

  @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the report as JSON here.")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<GoldExample> examples = new ArrayList<>();
    String first = null;
    try (BufferedReader in = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (!line.isBlank()) {
          examples.add(GoldExample.parse(line, no));
          first = first == null ? line : first;
        }
      }
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("Gold file " + gold + " has no examples");
    }
    boolean tweetTopic = GoldExample.isTweetTopic(new ObjectMapper().readTree(first));

    PluskConfig config = PluskConfig.load(conf);
    TopicLinker linker = linkerOptions.linker(config);
    LabelMapping labelMapping;
    Set<String> labelSpace;
    if (tweetTopic) {
      labelMapping = readMapping();
      labelSpace = new LinkedHashSet<>(GoldExample.TWEETTOPIC_LABELS);
      List<String> unmapped = labelMapping.unmapped(linker.ontology());
      if (!unmapped.isEmpty()) {
        spec.commandLine().getErr().printf("warning: %d topics have no mapping (e.g. %s)%n", unmapped.size(),
            unmapped.subList(0, Math.min(5, unmapped.size())));
      }
    } else {
      labelMapping = LabelMapping.slugs();
      labelSpace = new TreeSet<>();
      examples.forEach(e -> labelSpace.addAll(e.labels()));
    }
    EvaluationReport report = new Evaluator(linker, labelMapping).evaluate(examples, labelSpace, !tweetTopic);
    PrintWriter pw = spec.commandLine().getOut();
    pw.print(report.toTable());
    pw.flush();
    if (out != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
    }
    return 0;
  }

  private LabelMapping readMapping() throws Exception {
    if (mapping != null) {
      try (Reader r = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
        return LabelMapping.read(r, mapping.toString());
      }
    }
    InputStream in = getClass().getClassLoader().getResourceAsStream(DEFAULT_MAPPING);
    if (in == null) {
      throw new IllegalStateException("Default mapping " + DEFAULT_MAPPING + " is not on the classpath");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return LabelMapping.read(r, "classpath:" + DEFAULT_MAPPING);
    }
  }
}
