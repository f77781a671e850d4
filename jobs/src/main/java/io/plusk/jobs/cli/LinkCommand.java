package io.plusk.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plusk.common.linking.TopicLink;
import io.plusk.common.linking.TopicLinker;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Ad-hoc linking: what topics a text gets, and why. No Spark. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = {"With --text or --input: prints the topics of texts with their evidence (confidence, method, "
        + "matched text, context words), no Spark.",
        "Otherwise: runs only the link stage for one date (engaged_posts must exist for that date)."})
public final class LinkCommand implements Callable<Integer> {
  @Mixin LinkerOptions linkerOptions;
  @Spec CommandSpec spec;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Stage mode: the day (default: latest).")
  java.time.LocalDate date;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "Stage mode: warehouse root (default ./warehouse).")
  String warehouse;

  @Option(names = "--conf", paramLabel = "FILE", description = "HOCON overrides of conf/application.conf.")
  Path conf;

  @Option(names = "--master", paramLabel = "URL", description = "Stage mode: Spark master.")
  String master;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  static final class Source {
    @Option(names = "--text", description = "A text to link.")
    String text;

    @Option(names = "--input", paramLabel = "FILE.jsonl",
        description = "Texts to link: one JSON object per line with a \"text\" field (and optionally \"id\").")
    Path input;
  }

  @Option(names = "--all", description = "Also print the rolled-up ancestors.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    CommonOptions options = new CommonOptions();
    options.warehouse = warehouse;
    options.conf = conf;
    options.master = master;
    if (source == null) {
      return new PluskCli.StageCommand("link", options, date, spec).call();
    }
    TopicLinker linker = linkerOptions.linker(options.config());
    PrintWriter out = spec.commandLine().getOut();
    if (source.text != null) {
      print(out, null, source.text, linker);
    } else {
      ObjectMapper json = new ObjectMapper();
      if (!Files.isRegularFile(source.input)) {
        throw UsageError.of("--input %s: no such file (link --input reads texts, one JSON object per line)",
            source.input);
      }
      try (BufferedReader in = Files.newBufferedReader(source.input, StandardCharsets.UTF_8)) {
        String line;
        int no = 0;
        while ((line = in.readLine()) != null) {
          no++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          print(out, n.hasNonNull("id") ? n.get("id").asText() : String.valueOf(no), n.path("text").asText(), linker);
        }
      }
    }
    out.flush();
    return 0;
  }

  private void print(PrintWriter out, String id, String text, TopicLinker linker) {
    Ontology o = linker.ontology();
    out.println((id == null ? "" : id + ": ") + text);
    List<TopicLink> links = linker.link(text, List.of());
    if (links.isEmpty()) {
      out.println("  (no topic)");
    }
    for (TopicLink l : links) {
      if (l.viaTopicId() != null && !all) {
        continue;
      }
      Topic t = o.byId(l.topicId()).orElseThrow();
      out.printf("  %-28s %.2f  %-9s %-22s %s%n", t.slug(), l.confidence(), l.method(), "\"" + l.matchedText() + "\"",
          l.viaTopicId() != null ? "via " + o.byId(l.viaTopicId()).map(Topic::slug).orElse("?")
              : l.contextTerms().isEmpty() ? "" : "context " + l.contextTerms());
    }
  }
}
