package io.plusk.jobs;

import io.plusk.jobs.io.RawLines;
import io.plusk.jobs.io.RunLock;
import io.plusk.jobs.stage.EngagedJob;
import io.plusk.jobs.stage.IngestJob;
import io.plusk.jobs.stage.LinkJob;
import io.plusk.jobs.stage.PublishJob;
import io.plusk.jobs.stage.ScoreJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The nightly flow: ingest → engaged → link → score → publish for one date, and which dates need running. */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private Pipeline() {}

  public static Stage stage(String name) {
    return switch (name) {
      case "ingest" -> new IngestJob();
      case "engaged" -> new EngagedJob();
      case "link" -> new LinkJob();
      case "score" -> new ScoreJob();
      case "publish" -> new PublishJob(List.of());
      default -> throw new IllegalArgumentException("Unknown stage '" + name + "'");
    };
  }

  /**
   * Runs every stage for the context's date. The tables are staged and swapped in by the publish stage, so a run
   * that fails or is killed leaves the date's previous complete version (or nothing) visible.
   */
  public static List<StageResult> runDate(JobContext ctx) {
    return staged(ctx, () -> runAll(ctx));
  }

  /** Runs one stage alone for the context's date; its tables are swapped in when it ends. */
  public static StageResult runStage(JobContext ctx, Stage stage) {
    return staged(ctx, () -> {
      StageResult result = stage.run(ctx);
      ctx.warehouse().commit(ctx.date());
      return result;
    });
  }

  /** Holds the date's lock and an open staging run around the work; what the work left uncommitted is discarded. */
  private static <T> T staged(JobContext ctx, java.util.function.Supplier<T> work) {
    try (RunLock lock = RunLock.acquire(ctx.warehouse(), ctx.date(), staleAfter(ctx))) {
      ctx.warehouse().begin(ctx.date());
      try {
        return work.get();
      } finally {
        ctx.warehouse().abort(ctx.date());
      }
    }
  }

  /** How old a lock must be before its message calls it probably stale. */
  public static java.time.Duration staleAfter(JobContext ctx) {
    return java.time.Duration.ofHours(ctx.config().raw().getInt("plusk.locks.stale-after-hours"));
  }

  private static List<StageResult> runAll(JobContext ctx) {
    LOG.info("nightly date={} status=started input={} warehouse={}", ctx.date(), ctx.inputRoot(),
        ctx.warehouse().root());
    long start = System.nanoTime();
    List<StageResult> results = new ArrayList<>();
    for (Stage s : List.of(new IngestJob(), new EngagedJob(), new LinkJob(), new ScoreJob())) {
      results.add(s.run(ctx));
    }
    results.add(new PublishJob(results).run(ctx));
    LOG.info("nightly date={} status=done millis={}", ctx.date(), (System.nanoTime() - start) / 1_000_000);
    return results;
  }

  /** Days that have a tweets folder in the input, oldest first. */
  public static TreeSet<LocalDate> inputDates(JobContext ctx) {
    TreeSet<LocalDate> out = new TreeSet<>();
    String folder = RawLines.dayFolder(ctx.inputRoot(), "tweets", LocalDate.EPOCH);
    Path parent = new Path(folder).getParent();
    try {
      FileSystem fs = parent.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(parent)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(parent)) {
        String name = st.getPath().getName();
        if (st.isDirectory() && name.startsWith("dt=")) {
          try {
            out.add(LocalDate.parse(name.substring(3)));
          } catch (DateTimeParseException e) {
            LOG.warn("Ignoring input folder {}: not dt=YYYY-MM-DD", st.getPath());
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + parent, e);
    }
  }

  /**
   * Without an explicit date, the nightly run processes the latest input day, after catching up on earlier input
   * days that are not published yet (so a fresh warehouse gets its history in order).
   */
  public static List<LocalDate> datesToRun(JobContext ctx, LocalDate explicit, boolean catchUp) {
    if (explicit != null) {
      return List.of(explicit);
    }
    TreeSet<LocalDate> input = inputDates(ctx);
    if (input.isEmpty()) {
      throw new DataQualityException("No input days found under " + ctx.inputRoot() + "/tweets/ (expected dt=YYYY-MM-DD folders)");
    }
    List<LocalDate> out = new ArrayList<>();
    if (catchUp) {
      for (LocalDate d : input.headSet(input.last(), false)) {
        if (!ctx.warehouse().isPublished(d)) {
          out.add(d);
        }
      }
    }
    out.add(input.last());
    return out;
  }
}
