package io.plusk.jobs.cli;

import static io.plusk.jobs.testing.ConsoleCapture.stderrOf;
import static io.plusk.jobs.testing.ConsoleCapture.stdoutOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes that schedulers rely on: 0 success, 1 failure, 2 usage error, 3 data-quality gate. */
class PluskCliTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(PluskCli.execute("nightly", "--no-such-option")).isEqualTo(2);
    assertThat(PluskCli.execute("nightly", "--date", "2026-13-45")).isEqualTo(2);
    assertThat(PluskCli.execute("no-such-command")).isEqualTo(2);
  }

  @Test
  void locationsOutsideTheAllowedRootsOrWithCredentialsAreUsageErrors() throws Exception {
    Path conf = Files.writeString(tmp.resolve("confined.conf"),
        "plusk.security.allowed-roots = [\"" + tmp.resolve("allowed") + "\"]\n");
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("status", "--conf", conf.toString(),
        "--warehouse", tmp.resolve("allowed/../elsewhere").toString())));
    assertThat(code[0]).isEqualTo("2");
    assertThat(err).contains(tmp.resolve("elsewhere") + " is outside the allowed roots");
    err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("status", "--warehouse",
        "s3a://AKIAEXAMPLE:TopSecret@bucket/wh")));
    assertThat(code[0]).isEqualTo("2");
    assertThat(err).contains("credential provider").doesNotContain("TopSecret");
  }

  @Test
  void sqlRunsQueriesOnlyAndRefusesStatementsThatWrite() {
    String wh = tmp.resolve("wh").toString();
    assertThat(PluskCli.execute("sql", "--warehouse", wh, "SELECT 1 AS one")).isZero();
    for (String write : new String[] {"CREATE TABLE t USING parquet LOCATION '/tmp/x' AS SELECT 1",
        "INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT 1", "DROP VIEW IF EXISTS posts", "SET spark.sql.x = 1",
        "WITH x AS (SELECT 1 AS a) INSERT OVERWRITE DIRECTORY '/tmp/x' USING parquet SELECT * FROM x"}) {
      String[] code = new String[1];
      String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("sql", "--warehouse", wh, write)));
      assertThat(code[0]).as(write).isEqualTo("2");
      assertThat(err).as(write).contains("runs queries only");
    }
  }

  /** Every way to mistype a command exits 2 and says which option and what it accepts. */
  @Test
  void usageErrorsExitWithTwoAndNameTheOption() {
    String wh = tmp.resolve("wh").toString();
    String[][] perks = {
        {"--limit", "-5", "--limit must be at least 1, got -5"},
        {"--min-score", "150", "--min-score must be in 0..100, got 150.0"},
        {"--cooldown-days", "-1", "--cooldown-days must be 0 or more, got -1"},
        {"--country", "USA", "--country 'USA' is not an ISO-3166 alpha-2 code"}};
    for (String[] bad : perks) {
      assertUsageError(bad[2], "perks", "select", "--warehouse", wh, "--campaign", "c", "--topic", "wine", bad[0],
          bad[1]);
    }
    assertUsageError("--campaign 'bad name!' must be", "perks", "select", "--warehouse", wh, "--campaign",
        "bad name!", "--topic", "wine");
    assertUsageError("--to 2026-11-24 is before --from 2026-11-25", "backfill", "--warehouse", wh, "--from",
        "2026-11-25", "--to", "2026-11-24");
    assertUsageError("not a query", "sql", "--warehouse", wh, "SELEC 1");
    assertUsageError("wrong --warehouse", "sql", "--warehouse", wh, "SELECT * FROM topic_expertise");
    assertUsageError("--limit must be at least 1", "topics", "find", "--limit", "0", "twins");
    assertUsageError("--warehouse " + tmp.resolve("nowhere") + " does not exist", "topics", "find", "--warehouse",
        tmp.resolve("nowhere").toString(), "twins");
  }

  private static void assertUsageError(String message, String... args) {
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute(args)));
    assertThat(code[0]).as(String.join(" ", args)).isEqualTo("2");
    assertThat(err).as(String.join(" ", args)).contains(message);
  }

  @Test
  void helpAndVersionExitWithZero() {
    assertThat(PluskCli.execute("--help")).isZero();
    assertThat(PluskCli.execute("nightly", "--help")).isZero();
    assertThat(PluskCli.execute("--version")).isZero();
  }

  @Test
  void aMissingRequiredDumpExitsWithThreeAndSaysWhichFolder() throws Exception {
    Files.createDirectories(tmp.resolve("in/engagements/dt=2026-11-25"));
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("nightly", "--date", "2026-11-25",
        "--input", tmp.resolve("in").toString(), "--warehouse", tmp.resolve("wh").toString())));
    assertThat(code[0]).isEqualTo("3");
    assertThat(err).contains("Required dump 'tweets' is missing").contains("tweets/dt=2026-11-25");
    assertThat(Files.exists(tmp.resolve("wh/_runs/dt=2026-11-25/_SUCCESS"))).isFalse();
  }

  @Test
  void backfillRunsInOrderAndStopsAtTheFirstFailure() throws Exception {
    Path in = tmp.resolve("in");
    Path samples = repoRoot().resolve("data-samples");
    // Input for 2026-11-23 only: the next date has no tweets dump, so the backfill must stop there with exit 3.
    for (String kind : new String[] {"tweets", "engagements", "plusk", "removals", "users"}) {
      Path src = samples.resolve(kind).resolve("dt=2026-11-23");
      Path dst = Files.createDirectories(in.resolve(kind).resolve("dt=2026-11-23"));
      try (var files = Files.list(src)) {
        for (Path f : files.toList()) {
          Files.copy(f, dst.resolve(f.getFileName()));
        }
      }
    }
    int code = PluskCli.execute("backfill", "--from", "2026-11-23", "--to", "2026-11-25", "--input", in.toString(),
        "--warehouse", tmp.resolve("wh").toString());
    assertThat(code).isEqualTo(3);
    assertThat(tmp.resolve("wh/_runs/dt=2026-11-23/_SUCCESS")).exists();
    assertThat(tmp.resolve("wh/_runs/dt=2026-11-24")).doesNotExist();
    assertThat(tmp.resolve("wh/posts/dt=2026-11-25")).doesNotExist();
  }

  @Test
  void anUnreadableConfigFileExitsWithOne() {
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("nightly", "--conf",
        tmp.resolve("missing.conf").toString())));
    assertThat(code[0]).isEqualTo("1");
    assertThat(err).contains("Config file does not exist");
  }

  @Test
  void aHeldLockStopsASecondRunAndADeadRunsLockIsCleared() throws Exception {
    Path wh = tmp.resolve("wh");
    Files.createDirectories(wh.resolve("_locks"));
    Path lock = wh.resolve("_locks/dt=2026-11-25.lock");
    String host = java.net.InetAddress.getLocalHost().getHostName();
    // Held by this very (alive) JVM, as if another run were writing the date.
    Files.writeString(lock, "{\"host\":\"" + host + "\",\"pid\":" + ProcessHandle.current().pid()
        + ",\"started_at\":\"2026-11-27T00:00:00Z\"}");
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("publish", "--date", "2026-11-25",
        "--warehouse", wh.toString())));
    assertThat(code[0]).isEqualTo("1");
    assertThat(err).contains("is locked by pid " + ProcessHandle.current().pid()).contains("plusk unlock");
    assertThat(lock).exists();
    // status shows the lock and that its run is alive; unlock refuses to remove it without --force.
    String status = stdoutOf(() -> PluskCli.execute("status", "--warehouse", wh.toString()));
    assertThat(status).contains("2026-11-25  pid " + ProcessHandle.current().pid() + " on " + host)
        .contains("(alive)");
    err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("unlock", "--date", "2026-11-25",
        "--warehouse", wh.toString())));
    assertThat(code[0]).isEqualTo("2");
    assertThat(err).contains("alive on this host").contains("--force");
    assertThat(lock).exists();
    String holderLock = Files.readString(lock);
    err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("unlock", "--date", "2026-11-25", "--force",
        "--warehouse", wh.toString())));
    assertThat(code[0]).isEqualTo("0");
    assertThat(err).contains("warning: removing the lock");
    assertThat(lock).doesNotExist();
    Files.writeString(lock, holderLock);

    // A pid that no longer exists on this host: the lock is stale and cleared; the run goes on (and fails later
    // for its own reason: there are no tables).
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(lock, "{\"host\":\"" + host + "\",\"pid\":" + gone.pid()
        + ",\"started_at\":\"2026-11-27T00:00:00Z\"}");
    err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("publish", "--date", "2026-11-25",
        "--warehouse", wh.toString())));
    assertThat(err).contains("has no complete partition").doesNotContain("is locked");
    assertThat(lock).doesNotExist();

    Files.writeString(lock, "{\"host\":\"elsewhere\",\"pid\":1,\"started_at\":\"2026-11-01T00:00:00Z\"}");
    err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("unlock", "--date", "2026-11-25",
        "--warehouse", wh.toString())));
    assertThat(code[0]).as(err).isEqualTo("0");
    assertThat(lock).doesNotExist();
  }

  @Test
  void aMissingWarehouseOrFileIsAUsageErrorThatSaysSo() {
    String missing = tmp.resolve("no-such-warehouse").toString();
    for (String[] args : new String[][] {
        {"status", "--warehouse", missing},
        {"explain", "--warehouse", missing, "--user", "someone"},
        {"perks", "select", "--warehouse", missing, "--campaign", "c", "--topic", "wine"}}) {
      String[] code = new String[1];
      String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute(args)));
      assertThat(code[0]).as(String.join(" ", args) + ": " + err).isEqualTo("2");
      assertThat(err).as(args[0]).contains("--warehouse " + missing + " does not exist")
          .doesNotContain("TABLE_OR_VIEW_NOT_FOUND");
    }
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("link", "--input",
        tmp.resolve("missing.jsonl").toString())));
    assertThat(code[0]).isEqualTo("2");
    assertThat(err).contains("missing.jsonl: no such file");
  }

  @Test
  void aStageAloneNeedsItsInputTables() {
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("publish", "--date", "2026-11-25",
        "--warehouse", tmp.resolve("empty").toString())));
    assertThat(code[0]).isEqualTo("1");
    assertThat(err).contains("has no complete partition");
  }
}
