package io.plusk.jobs.bench;

import io.plusk.common.schema.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Years of history on disk without running years of nights: every dated folder of a warehouse's first nights
 * (each table's {@code dt=} partitions with their Parquet files and markers, and the {@code _runs} folders) is
 * copied to the dates before them, going back {@code days} days, the real nights repeated in turn. The history is
 * complete as far as any reader can tell (markers, states, published dates); only its rows repeat.
 */
final class HistoryFill {
  private HistoryFill() {}

  /**
   * @param sourceDates the dates of real nights to repeat, oldest first
   * @return the date folders written
   */
  static long fill(Path warehouse, List<LocalDate> sourceDates, int days) throws IOException {
    LocalDate oldest = sourceDates.get(0);
    long written = 0;
    List<Path> tables;
    try (Stream<Path> listing = Files.list(warehouse)) {
      // Tables and published-run folders; staging, locks and perk campaigns are no history.
      tables = listing.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("_") || p.getFileName().toString().equals("_runs"))
          .sorted().toList();
    }
    for (Path table : tables) {
      for (int back = 1; back <= days; back++) {
        LocalDate source = sourceDates.get((back - 1) % sourceDates.size());
        Path from = table.resolve(Tables.PARTITION_COLUMN + "=" + source);
        if (Files.isDirectory(from)) {
          copyTree(from, table.resolve(Tables.PARTITION_COLUMN + "=" + oldest.minusDays(back)));
          written++;
        }
      }
    }
    return written;
  }

  /** A folder and everything in it, copied (the target must not exist yet). */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
