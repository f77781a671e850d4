package io.plusk.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The states a killed run can leave behind, built by hand, and what the next run of the date makes of them. */
class DateStagingTest extends SparkTestBase {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  @TempDir Path tmp;

  private Warehouse warehouse() {
    return new Warehouse(spark, tmp.resolve("wh").toString());
  }

  /** Writes both tables of a version (the version is the user's screen name and the +K's topic). */
  private void write(Warehouse wh, String version) {
    wh.write(table(Tables.USERS, "{\"user_id\":\"1\",\"screen_name\":\"" + version + "\"}").drop("dt"),
        Tables.USERS, D);
    wh.write(table(Tables.PLUSK_EVENTS, "{\"giver_id\":\"1\",\"receiver_id\":\"2\",\"topic\":\"" + version
        + "\",\"ts\":\"2026-11-23T10:00:00Z\",\"source_file\":\"f\",\"line_no\":1}").drop("dt"),
        Tables.PLUSK_EVENTS, D);
  }

  private void publish(Warehouse wh, String version) {
    wh.begin(D);
    write(wh, version);
    wh.commit(D);
  }

  private static List<String> versions(Warehouse wh) {
    Dataset<Row> users = wh.read(Tables.USERS, D).select("screen_name");
    return users.unionAll(wh.read(Tables.PLUSK_EVENTS, D).select("topic")).collectAsList().stream()
        .map(r -> r.getString(0)).toList();
  }

  private Path stagingOfDate() {
    return tmp.resolve("wh/" + DateStaging.STAGING + "/dt=" + D);
  }

  private Path onlyRunFolder() throws Exception {
    try (Stream<Path> runs = Files.list(stagingOfDate())) {
      return runs.findFirst().orElseThrow();
    }
  }

  @Test
  void stagedTablesAreInvisibleToOtherReadersUntilCommitted() {
    Warehouse writer = warehouse();
    publish(writer, "old");
    writer.begin(D);
    write(writer, "new");
    assertThat(versions(writer)).containsExactly("new", "new");
    assertThat(versions(warehouse())).containsExactly("old", "old");
    assertThat(writer.commit(D)).containsExactly(Tables.USERS, Tables.PLUSK_EVENTS);
    assertThat(versions(warehouse())).containsExactly("new", "new");
    assertThat(stagingOfDate()).doesNotExist();
  }

  @Test
  void aRunKilledBeforeCommittingLeavesTheOldVersionAndItsStagingIsDiscarded() {
    Warehouse killed = warehouse();
    publish(killed, "old");
    killed.begin(D);
    write(killed, "new");
    // The process dies here: no commit, no abort.
    Warehouse next = warehouse();
    assertThat(versions(next)).containsExactly("old", "old");
    next.begin(D);
    assertThat(stagingOfDate()).doesNotExist();
    assertThat(versions(next)).containsExactly("old", "old");
    next.abort(D);
  }

  @Test
  void aRunKilledHalfwayThroughItsSwapsIsRolledForwardByTheNextRun() throws Exception {
    Warehouse killed = warehouse();
    publish(killed, "old");
    killed.begin(D);
    write(killed, "new");
    // What commit() had done when the process died: the table list written, users swapped in, plusk_events'
    // live folder moved aside but its staged folder not renamed in yet.
    Path run = onlyRunFolder();
    Files.writeString(run.resolve(DateStaging.COMMIT_FILE), Tables.USERS + "\n" + Tables.PLUSK_EVENTS + "\n");
    Path wh = tmp.resolve("wh");
    Files.createDirectories(run.resolve("_replaced"));
    Files.move(wh.resolve(Tables.USERS + "/dt=" + D), run.resolve("_replaced/" + Tables.USERS));
    Files.move(run.resolve(Tables.USERS), wh.resolve(Tables.USERS + "/dt=" + D));
    Files.move(wh.resolve(Tables.PLUSK_EVENTS + "/dt=" + D), run.resolve("_replaced/" + Tables.PLUSK_EVENTS));

    Warehouse next = warehouse();
    next.begin(D);
    assertThat(versions(next)).containsExactly("new", "new");
    assertThat(stagingOfDate()).doesNotExist();
    next.abort(D);
  }

  @Test
  void aFailedRunIsDiscardedAndTheLiveTablesStay() {
    Warehouse wh = warehouse();
    publish(wh, "old");
    wh.begin(D);
    write(wh, "new");
    wh.abort(D);
    assertThat(versions(wh)).containsExactly("old", "old");
    assertThat(stagingOfDate()).doesNotExist();
  }
}
