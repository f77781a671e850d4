package io.plusk.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.testing.ConsoleCapture;
import io.plusk.jobs.testing.RepoRoot;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's table of options by command is what the command line accepts, and nothing else is accepted. */
class CliOptionsTest {
  private static final Pattern ROW = Pattern.compile("^\\| ((?:`[a-z -]+`(?:, )?)+) \\| (.*) \\|$");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** Each command of the README's table with the options its row names. */
  private static Map<String, TreeSet<String>> readmeTable() throws Exception {
    String text = Files.readString(RepoRoot.find().resolve("README.md"));
    String table = text.substring(text.indexOf("| command | options |"));
    table = table.substring(0, table.indexOf("\n\n"));
    Map<String, TreeSet<String>> out = new LinkedHashMap<>();
    for (String line : table.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      TreeSet<String> options = new TreeSet<>();
      Matcher code = CODE.matcher(row.group(2));
      while (code.find()) {
        options.add(code.group(1).split(" ")[0]);
      }
      Matcher commands = CODE.matcher(row.group(1));
      while (commands.find()) {
        out.put(commands.group(1), options);
      }
    }
    return out;
  }

  private static TreeSet<String> optionsOf(CommandLine command) {
    TreeSet<String> out = new TreeSet<>();
    command.getCommandSpec().options().forEach(o -> out.add(o.longestName()));
    out.remove("--help");
    out.remove("--version");
    return out;
  }

  @Test
  void everyCommandTakesExactlyTheOptionsTheReadmeLists() throws Exception {
    Map<String, TreeSet<String>> readme = readmeTable();
    CommandLine cli = PluskCli.commandLine();
    Map<String, TreeSet<String>> actual = new LinkedHashMap<>();
    cli.getSubcommands().forEach((name, sub) -> {
      if (sub.getSubcommands().isEmpty() && !name.equals("help")) {
        actual.put(name, optionsOf(sub));
      }
      sub.getSubcommands().forEach((subName, subSub) -> actual.put(name + " " + subName, optionsOf(subSub)));
    });
    assertThat(readme).isEqualTo(actual);
  }

  @Test
  void anOptionACommandDoesNotTakeIsAUsageError() {
    for (String[] args : new String[][] {
        {"sql", "--date", "2026-11-25", "SELECT 1"},
        {"status", "--input", "data-samples"},
        {"backfill", "--date", "2026-11-25", "--from", "2026-11-23", "--to", "2026-11-24"},
        {"explain", "--input", "data-samples", "--user", "x"},
        {"evaluate", "--warehouse", "wh", "--gold", "g.jsonl"},
        {"unlock"}}) {
      int[] code = new int[1];
      String err = ConsoleCapture.stderrOf(() -> code[0] = PluskCli.execute(args));
      assertThat(code[0]).as(String.join(" ", args) + ": " + err).isEqualTo(2);
      assertThat(err).as(String.join(" ", args)).containsAnyOf("Unknown option", "Missing required option");
    }
  }
}
