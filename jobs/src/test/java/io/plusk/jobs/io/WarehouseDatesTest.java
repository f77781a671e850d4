package io.plusk.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dates a read finds: complete ones only, within the window, the same whether probed or listed. */
class WarehouseDatesTest extends SparkTestBase {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  @TempDir Path tmp;

  @Test
  void aWindowFindsTheCompleteDatesInsideItWhetherProbedOrListed() throws Exception {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    for (LocalDate d : new LocalDate[] {D.minusDays(900), D.minusDays(10), D.minusDays(3), D}) {
      wh.write(table(Tables.USERS, "{\"user_id\":\"1\",\"screen_name\":\"u" + d.getDayOfYear() + "\"}").drop("dt"),
          Tables.USERS, d);
    }
    // A date folder without Spark's marker is an interrupted write, not a date.
    Files.delete(Path.of(wh.partition(Tables.USERS, D.minusDays(3)), "_SUCCESS"));

    assertThat(wh.dates(Tables.USERS, D.minusDays(30), D)).containsExactly(D.minusDays(10), D);
    assertThat(wh.dates(Tables.USERS, D.minusDays(2000), D)).containsExactly(D.minusDays(900), D.minusDays(10), D);
    assertThat(wh.dates(Tables.USERS, D, D.minusDays(1))).isEmpty();
    assertThat(wh.read(Tables.USERS, D.minusDays(30), D).count()).isEqualTo(2);
    assertThat(wh.hasPartition(Tables.USERS, D.minusDays(3))).isFalse();
    assertThat(wh.latestBefore(Tables.USERS, D)).isEqualTo(D.minusDays(10));
    // Further back than the probed days: found by listing.
    assertThat(wh.latestBefore(Tables.USERS, D.minusDays(10))).isEqualTo(D.minusDays(900));
    assertThat(wh.latestBefore(Tables.USERS, D.minusDays(900))).isNull();
  }
}
