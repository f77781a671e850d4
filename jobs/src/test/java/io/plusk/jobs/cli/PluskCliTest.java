package io.plusk.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes that schedulers rely on: 0 success, 1 failure, 2 usage error, 3 data-quality gate. */
class PluskCliTest extends SparkTestBase {
  @TempDir Path tmp;

  private static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(PluskCli.execute("nightly", "--no-such-option")).isEqualTo(2);
    assertThat(PluskCli.execute("nightly", "--date", "2026-13-45")).isEqualTo(2);
    assertThat(PluskCli.execute("no-such-command")).isEqualTo(2);
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
  void anUnreadableConfigFileExitsWithOne() {
    String[] code = new String[1];
    String err = stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("nightly", "--conf",
        tmp.resolve("missing.conf").toString())));
    assertThat(code[0]).isEqualTo("1");
    assertThat(err).contains("Config file does not exist");
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
