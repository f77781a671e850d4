package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.ConsoleCapture;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plusk forget} on the three published sample dates: @cellar_notes posted about wine on every day, was
 * engaged with and replied to, gave +K (to @vino_veritas, in wine) and was picked by a perk campaign.
 */
class ForgetTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.parse("2026-11-23");
  private static final LocalDate D3 = LocalDate.parse("2026-11-25");
  private static final String CELLAR = "2903999095";
  private static final String HANDLE = "cellar_notes";
  private static final String VINO = "2903199276";
  @TempDir static Path tmp;
  private static Warehouse wh;
  private static String firstForget;
  private static List<String> expertiseAfterFirst;
  private static List<String> pluskGiversBefore;

  @BeforeAll
  static void threePublishedDatesThenForget() throws Exception {
    Path warehouse = tmp.resolve("wh");
    assertThat(PluskCli.execute("nightly", "--input", repoRoot().resolve("data-samples").toString(),
        "--warehouse", warehouse.toString())).isZero();
    wh = new Warehouse(spark, warehouse.toString());
    String perks = ConsoleCapture.stdoutOf(() -> PluskCli.execute("perks", "select", "--warehouse", wh.root(),
        "--campaign", "wine-it", "--topic", "wine", "--country", "IT", "--date", D3.toString()));
    // Everything below would pass on nothing if they had left no trace to begin with.
    assertThat(perks).contains(HANDLE);
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).where(col("user_id").equalTo(CELLAR)).count()).isPositive();
    assertThat(wh.read(Tables.POSTS, D1, D3).where(array_contains(col("mention_user_ids"), CELLAR)).count())
        .isPositive();
    pluskGiversBefore = givers(VINO);
    assertThat(pluskGiversBefore).anyMatch(g -> g.contains(CELLAR));
    assertThat(traces(warehouse)).isNotEmpty();

    firstForget = ConsoleCapture.stdoutOf(() -> PluskCli.execute("forget", "--warehouse", wh.root(),
        "--user", CELLAR));
    expertiseAfterFirst = sortedRows(Tables.TOPIC_EXPERTISE);
  }

  @Test
  void noFileOfTheWarehouseHoldsTheirIdOrHandleAfterwards() throws Exception {
    assertThat(firstForget).contains("Forgot 1 user on 3 published dates").contains("posts")
        .contains("perk_recipients");
    assertThat(traces(tmp.resolve("wh"))).isEmpty();
  }

  @Test
  void othersKeepTheirExpertiseWithoutWhatTheForgottenGaveThem() {
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).where(col("user_id").equalTo(VINO)
        .and(col("topic_slug").equalTo("wine"))).count()).isEqualTo(1);
    assertThat(givers(VINO)).noneMatch(g -> g.contains(CELLAR));
    assertThat(wh.read(Tables.TOPIC_EXPERTISE, D3).count()).isGreaterThan(200);
  }

  @Test
  void forgettingAgainChangesNothingAndAMalformedIdIsRefused() {
    String again = ConsoleCapture.stdoutOf(() -> PluskCli.execute("forget", "--warehouse", wh.root(),
        "--user", CELLAR));
    assertThat(again).contains("Forgot 1 user on 3 published dates").doesNotContain("posts ");
    assertThat(sortedRows(Tables.TOPIC_EXPERTISE)).isEqualTo(expertiseAfterFirst);
    assertThat(PluskCli.execute("forget", "--warehouse", wh.root(), "--user", "@" + HANDLE)).isEqualTo(2);
    assertThat(PluskCli.execute("forget", "--warehouse", wh.root(), "--user", "12345678901234567890123"))
        .isEqualTo(2);
  }

  private static List<String> givers(String user) {
    return wh.read(Tables.TOPIC_EXPERTISE, D1, D3).where(col("user_id").equalTo(user))
        .select("plusk_givers").collectAsList().stream().map(r -> r.getList(0).toString()).toList();
  }

  private static List<String> sortedRows(String table) {
    return wh.read(table, D1, D3).toJSON().collectAsList().stream().sorted().toList();
  }

  /**
   * Every place the person's id or handle is found under the warehouse: each Parquet file read by DuckDB (a second
   * reader, every column of every row as text), each other file as text.
   */
  private static List<String> traces(Path warehouse) throws Exception {
    List<String> found = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(warehouse)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc")).toList();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (Path f : files) {
        if (f.toString().endsWith(".parquet")) {
          try (ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + f + "')")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                String value = rs.getString(i);
                if (value != null && holdsTrace(value)) {
                  found.add(warehouse.relativize(f) + ": " + rs.getMetaData().getColumnName(i) + " = " + value);
                }
              }
            }
          }
        } else if (holdsTrace(new String(Files.readAllBytes(f), StandardCharsets.UTF_8))) {
          found.add(warehouse.relativize(f).toString());
        }
      }
    }
    return found;
  }

  private static boolean holdsTrace(String text) {
    return text.contains(CELLAR) || text.toLowerCase(Locale.ROOT).contains(HANDLE);
  }
}
