package io.plusk.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a documented command with its output, so that none of the docs' examples escapes the check. */
class DocumentedCommandsTest {
  @TempDir Path tmp;

  @Test
  void findsSqlAndPluskBlocksFollowedByTheirOutput() throws Exception {
    Path md = tmp.resolve("doc.md");
    Files.writeString(md, String.join("\n",
        "Intro", "", "```sql", "SELECT 1", "  AS n", "```", "", "```", "|n|", "```",
        "", "```bash", "scripts/plusk perks select --campaign c --topic \"Food and Drink\" \\", "  --limit 5", "```",
        "", "```", "Campaign c", "```",
        "", "```bash", "scripts/plusk sql \"SELECT a,", "  b FROM t\"", "```", "", "```", "|a|b|", "```",
        "", "```bash", "scripts/plusk status", "```", "Text between: not its output.", "```", "no", "```",
        "", "```bash", "scripts/plusk status", "scripts/plusk sql 'SELECT 1'", "```", "", "```", "two commands", "```",
        "", "```bash", "scripts/build-ontology", "```", "", "```", "not plusk", "```", ""));
    List<DocumentedCommands.Example> found = DocumentedCommands.in(md);
    assertThat(found).extracting(DocumentedCommands.Example::arguments).containsExactly(
        List.of("sql", "SELECT 1 AS n"),
        List.of("perks", "select", "--campaign", "c", "--topic", "Food and Drink", "--limit", "5"),
        List.of("sql", "SELECT a, b FROM t"));
    assertThat(found).extracting(DocumentedCommands.Example::shownOutput).containsExactly("|n|", "Campaign c",
        "|a|b|");
    assertThat(found.get(1).where()).isEqualTo("doc.md:12");
  }

  @Test
  void theWarehouseFolderIsShownAsItsPlaceholder() {
    var example = new DocumentedCommands.Example("x", List.of("topics", "find", "x"), "in .../warehouse");
    assertThat(example.asDocumented("in /tmp/abc/wh\n\n", "/tmp/abc/wh")).isEqualTo(example.shownOutput());
  }

  @Test
  void anUnclosedQuoteIsNamedWithItsPlace() {
    assertThatThrownBy(() -> DocumentedCommands.shellWords("scripts/plusk sql \"SELECT", "doc.md:3"))
        .hasMessageContaining("doc.md:3").hasMessageContaining("unclosed \"");
  }
}
