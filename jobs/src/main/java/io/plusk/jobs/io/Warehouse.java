package io.plusk.jobs.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.plusk.common.schema.Tables;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parquet tables of one warehouse root (local, hdfs://, s3a://): {@code <root>/<table>/dt=YYYY-MM-DD/}.
 * Writing a date replaces that date's folder only; other dates are never touched. Between {@link #begin} and
 * {@link #commit} a date's writes are staged ({@link DateStaging}) and this warehouse's reads see them, while other
 * readers keep seeing the previous complete version.
 */
public final class Warehouse {
  public static final String RUNS = "_runs";
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
  private static final long OBSERVED_ROWS_WAIT_SECONDS = 60;
  /** Windows up to this many days find their dates by asking for each day instead of listing the table. */
  private static final int PROBED_DAYS = 400;

  private final SparkSession spark;
  private final String root;
  private final Map<LocalDate, DateStaging> open = new ConcurrentHashMap<>();

  public Warehouse(SparkSession spark, String root) {
    checkArgument(root != null && !root.isBlank(), "Warehouse root must not be empty");
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String tableRoot(String table) {
    return root + "/" + table;
  }

  public String partition(String table, LocalDate date) {
    return tableRoot(table) + "/" + Tables.PARTITION_COLUMN + "=" + date;
  }

  public String runFolder(LocalDate date) {
    return root + "/" + RUNS + "/" + Tables.PARTITION_COLUMN + "=" + date;
  }

  /**
   * Starts a run of the date: what killed runs left is finished or cleared, and from now on the date's writes are
   * staged until {@link #commit}. Call it holding the date's {@link RunLock}.
   */
  public String begin(LocalDate date) {
    checkState(!open.containsKey(date), "A run of %s is already open in this process", date);
    DateStaging staging = DateStaging.open(this, date);
    open.put(date, staging);
    LOG.info("staging date={} run={} status=opened", date, staging.runId());
    return staging.runId();
  }

  /** Swaps every table staged for the date in; a no-op when no run is open. Returns the tables swapped in. */
  public List<String> commit(LocalDate date) {
    DateStaging staging = open.remove(date);
    return staging == null ? List.of() : staging.commit();
  }

  /** Discards the date's staged tables after a failure; the live tables stay as they were. */
  public void abort(LocalDate date) {
    DateStaging staging = open.remove(date);
    if (staging != null) {
      staging.abort();
    }
  }

  /** Writes one date of a table after checking the frame has the table's columns; returns the rows written. */
  public long write(Dataset<Row> rows, String table, LocalDate date) {
    StructType schema = Tables.schemaOf(table);
    Dataset<Row> checked = SchemaGuard.conform(rows, schema, table);
    DateStaging staging = open.get(date);
    String target = staging == null ? partition(table, date) : staging.tableFolder(table);
    // The rows are counted as they are written: reading the table back to count it costs a Spark job per table.
    Observation written = new Observation("rows_written_" + UUID.randomUUID().toString().replace('-', '_'));
    checked.observe(written, functions.count(functions.lit(1)).as("rows")).write().mode(SaveMode.Overwrite)
        .parquet(target);
    long rowsWritten = observedRows(written, target, schema);
    if (staging != null) {
      staging.staged(table, rowsWritten);
    }
    return rowsWritten;
  }

  /**
   * The rows of one date of a table: counted when this process's open run wrote them, else read (one Spark job).
   */
  public long rows(String table, LocalDate date) {
    DateStaging staging = open.get(date);
    return staging != null && staging.holds(table) ? staging.rowsStaged(table) : read(table, date).count();
  }

  /**
   * The written row count, reported through Spark's listener bus once the write has finished. That bus is
   * asynchronous and drops events when it is overwhelmed: after a bounded wait the table is read back instead.
   */
  private long observedRows(Observation written, String folder, StructType schema) {
    // Observation.get has no timeout: it waits on its own thread, interrupted when the wait is over.
    FutureTask<Long> rows = new FutureTask<>(() -> ((Number) written.getAsJava().get("rows")).longValue());
    Thread waiter = new Thread(rows, "plusk-rows-written");
    waiter.setDaemon(true);
    waiter.start();
    try {
      return rows.get(OBSERVED_ROWS_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      rows.cancel(true);
      LOG.warn("folder={} row count not reported by the write ({}); counting it from the files", folder,
          e.toString());
      return spark.read().schema(schema).parquet(folder).count();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while counting the rows written to " + folder, e);
    }
  }

  /** Whether the date of the table is complete, staged by this process's open run or live. */
  public boolean hasPartition(String table, LocalDate date) {
    DateStaging staging = open.get(date);
    return (staging != null && staging.holds(table)) || isComplete(partition(table, date));
  }

  /**
   * When the date of the table was completed: its {@code _SUCCESS} marker's modification time in milliseconds (a
   * swap-in moves the folder and keeps it), {@link Long#MAX_VALUE} while this process's open run stages it, -1 when
   * the date is absent.
   */
  public long completedAt(String table, LocalDate date) {
    DateStaging staging = open.get(date);
    if (staging != null && staging.holds(table)) {
      return Long.MAX_VALUE;
    }
    Path marker = new Path(partition(table, date), "_SUCCESS");
    try {
      return marker.getFileSystem(hadoopConf()).getFileStatus(marker).getModificationTime();
    } catch (java.io.FileNotFoundException e) {
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + marker, e);
    }
  }

  /**
   * The latest complete date of a table before {@code date}, or null: asked day by day going back (a table
   * written every night is found at once), the whole table listed only after {@link #PROBED_DAYS} days without one.
   */
  public LocalDate latestBefore(String table, LocalDate date) {
    return latestBefore(date, d -> partition(table, d), () -> dates(table));
  }

  /** The latest published date before {@code date}, or null; found as {@link #latestBefore(String, LocalDate)}. */
  public LocalDate latestPublishedBefore(LocalDate date) {
    return latestBefore(date, this::runFolder, this::publishedDates);
  }

  private LocalDate latestBefore(LocalDate date, java.util.function.Function<LocalDate, String> folderOf,
                                 java.util.function.Supplier<TreeSet<LocalDate>> listed) {
    for (int back = 1; back <= PROBED_DAYS; back++) {
      LocalDate d = date.minusDays(back);
      if (isComplete(folderOf.apply(d))) {
        return d;
      }
    }
    return listed.get().lower(date.minusDays(PROBED_DAYS));
  }

  /** One date of a table with its {@code dt} column; empty (with the right schema) when the date is absent. */
  public Dataset<Row> read(String table, LocalDate date) {
    return read(table, date, date);
  }

  /**
   * Every date of a table up to {@code to}. Its cost grows with the history: the nightly reads the removal and
   * opt-out histories through their carried states instead ({@code LatestEventState}).
   */
  public Dataset<Row> readUpTo(String table, LocalDate to) {
    return read(table, LocalDate.EPOCH, to);
  }

  /** The dates of a table from {@code from} to {@code to}, both included, that exist. */
  public Dataset<Row> read(String table, LocalDate from, LocalDate to) {
    StructType withDt = Tables.schemaOf(table).add(Tables.PARTITION_COLUMN, DataTypes.StringType, false);
    List<String> paths = new ArrayList<>();
    List<DateStaging> staged = new ArrayList<>();
    for (DateStaging s : open.values()) {
      if (s.holds(table) && !s.date().isBefore(from) && !s.date().isAfter(to)) {
        staged.add(s);
      }
    }
    for (LocalDate d : dates(table, from, to)) {
      if (staged.stream().noneMatch(s -> s.date().equals(d))) {
        paths.add(partition(table, d));
      }
    }
    Dataset<Row> out = paths.isEmpty() ? spark.createDataFrame(List.of(), withDt)
        : spark.read().schema(withDt).option("basePath", tableRoot(table)).parquet(paths.toArray(String[]::new));
    for (DateStaging s : staged) {
      out = out.unionByName(spark.read().schema(Tables.schemaOf(table)).parquet(s.tableFolder(table))
          .withColumn(Tables.PARTITION_COLUMN, functions.lit(s.date().toString())));
    }
    return out;
  }

  /** Dates for which the table has a complete partition (Spark's _SUCCESS file is there). */
  public TreeSet<LocalDate> dates(String table) {
    return datesUnder(tableRoot(table), true);
  }

  /**
   * The complete dates of a table from {@code from} to {@code to}. A window of up to {@link #PROBED_DAYS} days asks
   * for each day's marker, so a nightly's reads cost what its window holds, not what years of history hold (on an
   * object store, listing every date folder and checking each one's marker is two calls per date ever written).
   */
  public TreeSet<LocalDate> dates(String table, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return new TreeSet<>();
    }
    if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= PROBED_DAYS) {
      return new TreeSet<>(dates(table).subSet(from, true, to, true));
    }
    TreeSet<LocalDate> out = new TreeSet<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (isComplete(partition(table, d))) {
        out.add(d);
      }
    }
    return out;
  }

  /** Dates whose run finished: the publish stage wrote its _SUCCESS marker. */
  public TreeSet<LocalDate> publishedDates() {
    return datesUnder(root + "/" + RUNS, true);
  }

  public boolean isPublished(LocalDate date) {
    return isComplete(runFolder(date));
  }

  /** A folder whose writer finished: Spark's (or the publish stage's) _SUCCESS marker is in it. */
  private boolean isComplete(String folder) {
    return exists(folder + "/_SUCCESS");
  }

  private TreeSet<LocalDate> datesUnder(String folder, boolean requireSuccess) {
    TreeSet<LocalDate> out = new TreeSet<>();
    try {
      Path path = new Path(folder);
      FileSystem fs = path.getFileSystem(hadoopConf());
      if (!fs.exists(path)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(path)) {
        String name = st.getPath().getName();
        if (st.isDirectory() && name.startsWith(Tables.PARTITION_COLUMN + "=")) {
          if (requireSuccess && !fs.exists(new Path(st.getPath(), "_SUCCESS"))) {
            continue;
          }
          out.add(LocalDate.parse(name.substring(Tables.PARTITION_COLUMN.length() + 1)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  public boolean exists(String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(hadoopConf()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + path, e);
    }
  }

  public void writeText(String path, String content) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoopConf());
      try (OutputStream out = fs.create(p, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  public String readText(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoopConf());
      try (var in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  public void delete(String path) {
    try {
      Path p = new Path(path);
      p.getFileSystem(hadoopConf()).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path, e);
    }
  }

  private Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
