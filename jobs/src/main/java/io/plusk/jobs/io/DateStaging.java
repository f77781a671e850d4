package io.plusk.jobs.io;

import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables one run writes for one date, kept out of sight until they are all written and read back, then swapped
 * in together. A run's tables go to {@code <root>/_staging/dt=D/<run id>/<table>/}; committing writes the list of
 * tables to {@code _COMMIT} (the point of no return) and then, per table, moves the live {@code dt=D} folder aside
 * and renames the staged folder into its place. A directory rename is atomic on HDFS and local disks, so a reader
 * sees a table's old or new files, never a mix. A run killed before {@code _COMMIT} leaves only its staging folder,
 * which the next run of the date deletes; one killed during the swaps is rolled forward by the next run.
 */
public final class DateStaging {
  private static final Logger LOG = LoggerFactory.getLogger(DateStaging.class);
  static final String STAGING = "_staging";
  static final String COMMIT_FILE = "_COMMIT";
  private static final String REPLACED = "_replaced";

  private final Warehouse warehouse;
  private final LocalDate date;
  private final String runId;
  private final Set<String> tables = new LinkedHashSet<>();
  private final Map<String, Long> rowsWritten = new HashMap<>();
  private boolean committed;

  private DateStaging(Warehouse warehouse, LocalDate date, String runId) {
    this.warehouse = warehouse;
    this.date = date;
    this.runId = runId;
  }

  /** Finishes or clears what killed runs of the date left, then opens a new run. Call it holding the date's lock. */
  static DateStaging open(Warehouse warehouse, LocalDate date) {
    recover(warehouse, date);
    String runId = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
    return new DateStaging(warehouse, date, runId);
  }

  static String dateFolder(Warehouse warehouse, LocalDate date) {
    return warehouse.root() + "/" + STAGING + "/dt=" + date;
  }

  public String runId() {
    return runId;
  }

  public LocalDate date() {
    return date;
  }

  String runFolder() {
    return dateFolder(warehouse, date) + "/" + runId;
  }

  String tableFolder(String table) {
    return runFolder() + "/" + table;
  }

  boolean holds(String table) {
    return tables.contains(table);
  }

  void staged(String table, long rows) {
    checkState(!committed, "Run %s for %s is already committed; cannot stage %s", runId, date, table);
    tables.add(table);
    rowsWritten.put(table, rows);
  }

  /** The rows this run wrote to the table, counted as they were written. */
  long rowsStaged(String table) {
    checkState(tables.contains(table), "Run %s for %s staged no %s", runId, date, table);
    return rowsWritten.get(table);
  }

  boolean isCommitted() {
    return committed;
  }

  /** Makes every staged table live; returns the tables swapped in. */
  List<String> commit() {
    checkState(!committed, "Run %s for %s is already committed", runId, date);
    committed = true;
    if (tables.isEmpty()) {
      discardRunFolder();
      return List.of();
    }
    FileSystem fs = fs();
    Path commitFile = new Path(runFolder(), COMMIT_FILE);
    try (OutputStream out = fs.create(commitFile, true)) {
      out.write((String.join("\n", tables) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + commitFile, e);
    }
    // A reader that checks _SUCCESS must not take the date as complete while its tables are being swapped.
    warehouse.delete(warehouse.runFolder(date) + "/_SUCCESS");
    rollForward(warehouse, date, new Path(runFolder()));
    discardRunFolder();
    return List.copyOf(tables);
  }

  /** Drops what this run staged (after a failure): the live tables stay as they were. */
  void abort() {
    if (!committed) {
      committed = true;
      discardRunFolder();
      LOG.info("staging date={} run={} status=discarded tables={}", date, runId, tables);
    }
  }

  /** Deletes this run's folder, and the date's staging folder when no other run is in it. */
  private void discardRunFolder() {
    FileSystem fs = fs();
    Path dateFolder = new Path(dateFolder(warehouse, date));
    try {
      fs.delete(new Path(runFolder()), true);
      if (fs.exists(dateFolder) && fs.listStatus(dateFolder).length == 0) {
        fs.delete(dateFolder, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + runFolder(), e);
    }
  }

  /**
   * Runs with staged tables, one line each: date, run id, whether it reached its commit (the next run of the date
   * finishes it) and the tables staged.
   */
  public static List<String> inProgress(Warehouse warehouse) {
    Path root = new Path(warehouse.root() + "/" + STAGING);
    FileSystem fs = fs(warehouse, root);
    List<String> out = new ArrayList<>();
    try {
      if (!fs.exists(root)) {
        return out;
      }
      for (FileStatus date : fs.listStatus(root)) {
        for (FileStatus run : fs.listStatus(date.getPath())) {
          List<String> tables = new ArrayList<>();
          for (FileStatus t : fs.listStatus(run.getPath())) {
            if (t.isDirectory()) {
              tables.add(t.getPath().getName());
            }
          }
          boolean committing = fs.exists(new Path(run.getPath(), COMMIT_FILE));
          out.add(String.format("%s  run %s  %s  tables %s", date.getPath().getName().replace("dt=", ""),
              run.getPath().getName(), committing ? "committing (the next run of the date finishes it)"
                  : "not committed (being written, or left by a run that died)", tables));
        }
      }
      java.util.Collections.sort(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
  }

  /** Completes committed runs of the date that were interrupted and deletes the staging of uncommitted ones. */
  static void recover(Warehouse warehouse, LocalDate date) {
    Path folder = new Path(dateFolder(warehouse, date));
    FileSystem fs = fs(warehouse, folder);
    try {
      if (!fs.exists(folder)) {
        return;
      }
      for (FileStatus run : fs.listStatus(folder)) {
        if (fs.exists(new Path(run.getPath(), COMMIT_FILE))) {
          LOG.warn("staging date={} run={} status=rolling_forward (a run was interrupted while committing)", date,
              run.getPath().getName());
          rollForward(warehouse, date, run.getPath());
        } else {
          LOG.warn("staging date={} run={} status=discarding (a run ended before committing)", date,
              run.getPath().getName());
          fs.delete(run.getPath(), true);
        }
      }
      fs.delete(folder, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot recover the staging of " + date + " under " + folder, e);
    }
  }

  /** Idempotent: a table already swapped has no staged folder left, so running it again finishes the rest. */
  private static void rollForward(Warehouse warehouse, LocalDate date, Path run) {
    FileSystem fs = fs(warehouse, run);
    try {
      List<String> tables = new ArrayList<>();
      try (var in = fs.open(new Path(run, COMMIT_FILE))) {
        for (String t : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!t.isBlank()) {
            tables.add(t.strip());
          }
        }
      }
      for (String table : tables) {
        Path staged = new Path(run, table);
        if (!fs.exists(staged)) {
          continue;
        }
        swapIn(fs, staged, new Path(warehouse.partition(table, date)), new Path(new Path(run, REPLACED), table));
        LOG.info("staging date={} run={} table={} status=swapped_in", date, run.getName(), table);
      }
      fs.delete(run, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit " + run + "; the next run of " + date + " finishes it", e);
    }
  }

  /**
   * Puts a fully written folder in place of the live one with two directory renames: the live folder moves
   * {@code aside} first, so a crash between them loses nothing (the old version waits there, the new one where it
   * was written).
   */
  public static void swapIn(FileSystem fs, Path staged, Path live, Path aside) throws IOException {
    if (fs.exists(live)) {
      fs.mkdirs(aside.getParent());
      rename(fs, live, aside);
    }
    fs.mkdirs(live.getParent());
    rename(fs, staged, live);
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }

  private FileSystem fs() {
    return fs(warehouse, new Path(runFolder()));
  }

  private static FileSystem fs(Warehouse warehouse, Path path) {
    try {
      return path.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("No file system for " + path, e);
    }
  }
}
