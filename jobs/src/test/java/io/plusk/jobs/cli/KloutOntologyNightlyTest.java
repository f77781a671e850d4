package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run with Klout's ontology alone, imported by the product's own importer without the Wikipedia
 * dictionary (names and entity labels only): what a user gets from {@code import-ontology --klout-only}.
 */
class KloutOntologyNightlyTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void importsKloutAndRunsANightWithIt() throws Exception {
    Path klout = repoRoot().resolveSibling("shared").resolve("data").resolve("klout-ontology");
    if (!Files.isDirectory(klout)) {
      fail("Shared test data missing: " + klout + " (the read-only ../shared folder next to the repository)");
    }
    assertThat(PluskCli.execute("import-ontology", "--klout", klout.toString(), "--klout-only", "--no-wikidict",
        "--out", tmp.resolve("klout").toString())).isZero();
    Path conf = tmp.resolve("klout.conf");
    Files.writeString(conf, "plusk.ontology = \"" + tmp.resolve("klout") + "\"\n");

    LocalDate day = LocalDate.parse("2026-11-23");
    assertThat(PluskCli.execute("nightly", "--date", day.toString(), "--conf", conf.toString(), "--input",
        repoRoot().resolve("data-samples").toString(), "--warehouse", tmp.resolve("wh").toString())).isZero();

    var summary = new ObjectMapper().readTree(tmp.resolve("wh/_runs/dt=" + day + "/run_summary.json").toFile());
    assertThat(summary.get("ontology").get("topics").asInt()).isGreaterThan(8000);
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    List<Row> twins = wh.read(Tables.TOPIC_EXPERTISE, day)
        .where(col("topic_slug").equalTo("minnesota-twins").and(col("removed").equalTo(false)))
        .orderBy("rank_in_topic").collectAsList();
    assertThat(twins).isNotEmpty();
    assertThat(twins.get(0).getString(twins.get(0).fieldIndex("screen_name"))).isEqualTo("mn_dugout_dan");
    assertThat(twins).noneMatch(r -> "jenna_twinmama".equals(r.getString(r.fieldIndex("screen_name"))));
    // Klout topic ids overflow a signed long: they must survive as exact strings.
    assertThat(twins.get(0).getString(twins.get(0).fieldIndex("topic_id"))).isEqualTo("7602087025245615979");
  }
}
