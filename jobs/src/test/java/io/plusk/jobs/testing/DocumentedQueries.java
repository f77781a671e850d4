package io.plusk.jobs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queries a markdown file documents together with their output: a {@code sql} block, or a {@code bash} block
 * running {@code scripts/plusk sql "..."}, directly followed by a plain fenced block with the printed table.
 */
public final class DocumentedQueries {
  /** One documented query, where it is, and the output the document shows for it. */
  public record Example(String where, String query, String shownOutput) {}

  private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]*)\\n(.*?)^```\\n", Pattern.DOTALL);
  private static final Pattern PLUSK_SQL = Pattern.compile("scripts/plusk sql \"(.*?)\"", Pattern.DOTALL);

  private DocumentedQueries() {}

  public static List<Example> in(Path markdown) throws IOException {
    String text = Files.readString(markdown);
    List<Example> out = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    String pendingQuery = null;
    int pendingEnd = -1;
    int pendingLine = 0;
    while (fence.find()) {
      String info = fence.group(1);
      String body = fence.group(2);
      boolean adjacent = pendingQuery != null && text.substring(pendingEnd, fence.start()).isBlank();
      if (info.isEmpty() && adjacent) {
        out.add(new Example(markdown.getFileName() + ":" + pendingLine, pendingQuery, body.stripTrailing()));
        pendingQuery = null;
        continue;
      }
      pendingQuery = null;
      String query = null;
      if (info.equals("sql")) {
        query = body;
      } else if (info.equals("bash")) {
        Matcher sql = PLUSK_SQL.matcher(body);
        query = sql.find() ? sql.group(1) : null;
      }
      if (query != null) {
        pendingQuery = query.replaceAll("\\s+", " ").strip();
        pendingEnd = fence.end();
        pendingLine = (int) text.substring(0, fence.start()).chars().filter(c -> c == '\n').count() + 1;
      }
    }
    return out;
  }
}
