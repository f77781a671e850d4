package io.plusk.jobs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a markdown file documents together with their output: a {@code sql} block (run as {@code plusk sql}),
 * or a {@code bash} block running one {@code scripts/plusk ...} command, directly followed by a plain fenced block
 * with what it prints ({@code sql} blocks for DuckDB or spark-sql are {@link #sqlBlocks}). In that output
 * {@code .../warehouse} stands for the warehouse folder, whatever it is.
 */
public final class DocumentedCommands {
  /** One documented command line (without {@code scripts/plusk}), where it is, and the output shown for it. */
  public record Example(String where, List<String> arguments, String shownOutput) {
    /** The printed text as the docs would show it: the warehouse folder written as {@code .../warehouse}. */
    public String asDocumented(String printed, String warehouse) {
      return printed.replace(warehouse, ".../warehouse").stripTrailing();
    }
  }

  /** Where a documented query runs, told by its text: DuckDB reads files, spark-sql declares its views. */
  public enum Engine { PLUSK_SQL, DUCKDB, SPARK_SQL }

  /** A {@code sql} block, whether or not the docs show its output. */
  public record Query(String where, String text) {
    public Engine engine() {
      return engineOf(text);
    }

    /** The statements, with the docs' relative {@code warehouse/} folder replaced by the given one. */
    public List<String> statements(String warehouse) {
      return java.util.Arrays.stream(text.replace("'warehouse/", "'" + warehouse + "/").split(";"))
          .map(String::strip).filter(q -> !q.isEmpty()).toList();
    }
  }

  private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]*)\\n(.*?)^```\\n", Pattern.DOTALL);
  private static final String LAUNCHER = "scripts/plusk";

  private DocumentedCommands() {}

  public static List<Example> in(Path markdown) throws IOException {
    String text = Files.readString(markdown);
    List<Example> out = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    List<String> pending = null;
    int pendingEnd = -1;
    int pendingLine = 0;
    while (fence.find()) {
      String info = fence.group(1);
      String body = fence.group(2);
      boolean adjacent = pending != null && text.substring(pendingEnd, fence.start()).isBlank();
      if (info.isEmpty() && adjacent) {
        out.add(new Example(markdown.getFileName() + ":" + pendingLine, pending, body.stripTrailing()));
        pending = null;
        continue;
      }
      pending = switch (info) {
        case "sql" -> engineOf(body) == Engine.PLUSK_SQL
            ? List.of("sql", body.replaceAll("\\s+", " ").strip()) : null;
        case "bash" -> pluskCommand(body, markdown, lineOf(text, fence.start()));
        default -> null;
      };
      pendingEnd = fence.end();
      pendingLine = lineOf(text, fence.start());
    }
    return out;
  }

  /** Every {@code sql} block of the file. */
  public static List<Query> sqlBlocks(Path markdown) throws IOException {
    String text = Files.readString(markdown);
    List<Query> out = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    while (fence.find()) {
      if (fence.group(1).equals("sql")) {
        out.add(new Query(markdown.getFileName() + ":" + lineOf(text, fence.start()), fence.group(2)));
      }
    }
    return out;
  }

  private static Engine engineOf(String query) {
    if (query.contains("read_parquet(")) {
      return Engine.DUCKDB;
    }
    return query.contains("CREATE TEMPORARY VIEW") ? Engine.SPARK_SQL : Engine.PLUSK_SQL;
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The arguments of a block that is one {@code scripts/plusk} command (continued lines joined), else null. */
  private static List<String> pluskCommand(String block, Path markdown, int line) {
    String command = block.replace("\\\n", " ").strip();
    if (!command.startsWith(LAUNCHER + " ") || command.indexOf(LAUNCHER, 1) >= 0) {
      return null;
    }
    List<String> words = shellWords(command, markdown + ":" + line);
    List<String> arguments = words.subList(1, words.size());
    // An SQL text reads as one line, as the docs fold it.
    return arguments.get(0).equals("sql")
        ? arguments.stream().map(a -> a.replaceAll("\\s+", " ").strip()).toList()
        : List.copyOf(arguments);
  }

  /** Splits a command line as bash would for plain words, '...' and "..." (no expansions: the docs use none). */
  static List<String> shellWords(String line, String where) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(where + ": unclosed " + quote + " in: " + line);
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
