package io.plusk.jobs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.cli.PluskCli;
import io.plusk.jobs.io.RunLock;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.JavaProcesses;
import io.plusk.jobs.testing.SparkTestBase;
import io.plusk.jobs.testing.TreeCopy;
import io.plusk.jobs.testing.WarehouseSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real nightly runs (separate JVMs, SIGKILL) at several points of a rerun of a published date, checks
 * readers still see the previous complete version after each, then reruns in this JVM and compares every table with
 * a clean run of the same input. The rerun's input differs from the first version's, so a mix of the two would show.
 */
class CrashRecoveryTest extends SparkTestBase {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  @TempDir static Path tmp;
  private static Path inputA;
  private static Path inputB;
  private static Map<String, List<String>> versionA;
  private static Map<String, List<String>> versionB;

  @BeforeAll
  static void cleanRuns() throws Exception {
    inputA = repoRoot().resolve("data-samples");
    inputB = tmp.resolve("input-b");
    TreeCopy.copy(inputA, inputB);
    // Version B: the same day with the last 40 tweet lines missing, so its tables differ from version A's.
    Path tweets = inputB.resolve("tweets/dt=" + D + "/part-00000.jsonl");
    List<String> lines = Files.readAllLines(tweets);
    Files.write(tweets, lines.subList(0, lines.size() - 40));
    versionA = cleanRun(inputA, tmp.resolve("clean-a"));
    versionB = cleanRun(inputB, tmp.resolve("clean-b"));
    assertThat(versionB).isNotEqualTo(versionA);
  }

  private static Map<String, List<String>> cleanRun(Path input, Path warehouse) {
    assertThat(nightly(input, warehouse)).isZero();
    return WarehouseSnapshot.of(new Warehouse(spark, warehouse.toString()), D);
  }

  private static int nightly(Path input, Path warehouse) {
    return PluskCli.execute("nightly", "--date", D.toString(), "--input", input.toString(), "--warehouse",
        warehouse.toString());
  }

  /**
   * Three kills in a row on one warehouse, each run picking up what the one before it left: killed as its first
   * stage starts, then as the last stage before the commit starts (a kill in between, in engaged, link or score,
   * leaves a staging area that is a prefix of that one and is recovered the same way), then while the tables are
   * being swapped in. Each killed run is itself the recovery of the one before (a dead run's lock, its staging
   * area), and the run after the last kill must publish exactly what a clean run publishes. One chain instead of a
   * rerun in this JVM after each kill: the same kill points and checks, two nightlies fewer in the suite.
   */
  @Test
  void aKilledRunNeverLeavesAMixedVersionAndTheRunAfterItRecovers() throws Exception {
    Path warehouse = tmp.resolve("wh-killed");
    TreeCopy.copy(tmp.resolve("clean-a"), warehouse);
    Warehouse reader = new Warehouse(spark, warehouse.toString());

    for (String beforeCommit : List.of("stage=ingest date=" + D + " status=started",
        "stage=publish date=" + D + " status=started")) {
      List<String> log = killNightlyWhenItLogs(beforeCommit, inputB, warehouse);
      assertThat(lockHeld(reader)).as("the lock of the run killed at \"%s\"", beforeCommit).isTrue();
      assertThat(reader.isPublished(D)).as("killed at \"%s\"; its log:%n%s", beforeCommit, String.join("\n", log))
          .isTrue();
      assertThat(WarehouseSnapshot.of(reader, D)).as("what readers see after the kill at \"%s\"", beforeCommit)
          .isEqualTo(versionA);
    }

    List<String> log = killNightlyWhenItLogs("table=posts status=swapped_in", inputB, warehouse);
    // The swaps may have finished before the signal landed; if not, the date must not look complete.
    if (reader.isPublished(D)) {
      assertThat(WarehouseSnapshot.of(reader, D)).as(String.join("\n", log)).isEqualTo(versionB);
    }

    assertThat(nightly(inputB, warehouse)).isZero();
    assertThat(WarehouseSnapshot.of(reader, D)).isEqualTo(versionB);
    assertThat(warehouse.resolve("_staging/dt=" + D)).doesNotExist();
    assertThat(lockHeld(reader)).isFalse();
  }

  private static boolean lockHeld(Warehouse reader) {
    return Files.exists(Path.of(RunLock.pathFor(reader, D).toString()));
  }

  /** Starts {@code plusk nightly} in its own JVM and SIGKILLs it as soon as a log line contains the kill point. */
  private static List<String> killNightlyWhenItLogs(String killPoint, Path input, Path warehouse) throws Exception {
    List<String> command = JavaProcesses.command("2g", List.of(), PluskCli.class.getName(), List.of("nightly",
        "--date", D.toString(), "--input", input.toString(), "--warehouse", warehouse.toString(), "--master",
        "local[2]"));
    List<String> log = new ArrayList<>();
    CompletableFuture<Boolean> sawKillPoint = new CompletableFuture<>();
    Process[] process = new Process[1];
    process[0] = JavaProcesses.start(command, Map.of(), log, line -> {
      if (line.contains(killPoint)) {
        process[0].destroyForcibly();
        sawKillPoint.complete(true);
        return true;
      }
      return false;
    });
    process[0].onExit().thenRun(() -> sawKillPoint.complete(false));
    boolean killed = sawKillPoint.get(180, TimeUnit.SECONDS);
    process[0].waitFor(30, TimeUnit.SECONDS);
    assertThat(killed).as("the run reached \"%s\"; its log:%n%s", killPoint, JavaProcesses.tail(log, 40)).isTrue();
    assertThat(process[0].exitValue()).as("killed by SIGKILL").isEqualTo(137);
    synchronized (log) {
      return List.copyOf(log);
    }
  }
}
