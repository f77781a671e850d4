package io.plusk.jobs.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.plusk.common.ingest.RecordAssembler;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Reads a day's dump files as records that remember where they came from (file and 1-based line number), so a
 * quarantined record can be found again. An uncompressed file is read in splits of {@code splitBytes}, one task
 * each; a gzip file is one stream and so one task. Hadoop's line reader gives every physical line to exactly one
 * split, so a split numbers its lines from 1 and ends with a {@link SplitEnd} that says how many it read:
 * {@link SplitLineNumbers} turns those counts into each split's offset in its file, exact without a second read.
 * A pretty-printed document cannot be assembled across a split boundary: a split that ends inside one says so, and
 * that file is read again as one task ({@code wholeFiles}). {@link RecordAssembler} decodes and groups the lines. A
 * file that cannot be read to its end (a corrupt gzip) keeps the records read before the break and ends with an
 * {@code unreadable_file} record at the line where reading stopped.
 */
public final class RawLines {
  /**
   * A record of a dump file (a non-blank line or a multi-line document, and its defect if it is unusable), or, with
   * {@code end} set and no text, the end of a split. {@code lineNo} counts from the split's first line.
   */
  public record Line(String file, long splitStart, long lineNo, String text, String defect, String detail,
                     SplitEnd end) implements Serializable {
    public Line(String file, long splitStart, long lineNo, String text, String defect, String detail) {
      this(file, splitStart, lineNo, text, defect, detail, null);
    }

    public boolean isSplitEnd() {
      return end != null;
    }

    /** The same record without its raw text: only a quarantined record needs to keep it. */
    public Line withoutText() {
      return new Line(file, splitStart, lineNo, null, defect, detail, end);
    }
  }

  /** What one split read: its physical lines (blank ones too) and whether it ended inside a document. */
  public record SplitEnd(String file, long start, long physicalLines, boolean insideDocument)
      implements Serializable {}

  public static final String UNREADABLE_FILE = "unreadable_file";
  /** Spark's own floor for a file split (spark.sql.files.openCostInBytes). */
  static final long MIN_SPLIT_BYTES = 4L << 20;
  /**
   * Splits per core when a day's files are smaller than the split size. One split per core made an engagement dump
   * two tasks of 100,000 events each on 2 cores, read in one stage beside the small partitions of the events drawn
   * from the day's posts: one task 17 times the stage's median. A few per core keep the tasks near one size and let
   * a core that finishes early take the next.
   */
  static final int TASKS_PER_CORE = 3;

  private RawLines() {}

  /** The day folder of a dump kind: {@code <input>/<kind>/dt=YYYY-MM-DD}. */
  public static String dayFolder(String inputRoot, String kind, LocalDate date) {
    String root = inputRoot.endsWith("/") ? inputRoot.substring(0, inputRoot.length() - 1) : inputRoot;
    return root + "/" + kind + "/dt=" + date;
  }

  /** A day folder's dump files, sorted, and their bytes in all (from the one listing). */
  public record DayFiles(List<String> paths, long bytes) {}

  /** Dump files of a day folder (.json, .jsonl, optionally .gz); none when the folder is missing. */
  public static DayFiles files(SparkSession spark, String folder) {
    try {
      Path path = new Path(folder);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> out = new ArrayList<>();
      if (!fs.exists(path)) {
        return new DayFiles(out, 0);
      }
      long bytes = 0;
      for (FileStatus st : fs.listStatus(path)) {
        String name = st.getPath().getName().toLowerCase(Locale.ROOT);
        if (st.isFile() && !name.startsWith(".") && !name.startsWith("_")
            && name.matches(".*\\.jsonl?(\\.gz)?")) {
          out.add(st.getPath().toString());
          bytes += st.getLen();
        }
      }
      out.sort(String::compareTo);
      return new DayFiles(out, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  public static boolean folderExists(SparkSession spark, String folder) {
    try {
      Path path = new Path(folder);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + folder, e);
    }
  }

  /**
   * The split size for a day's files: {@code maxSplitBytes}, or less when that would leave cores idle (the files'
   * bytes spread over {@value #TASKS_PER_CORE} tasks per core of the default parallelism), but never under
   * {@link #MIN_SPLIT_BYTES}, where a task's start-up would cost more than its share of the reading.
   */
  public static long splitBytes(SparkSession spark, DayFiles files, long maxSplitBytes) {
    long tasks = (long) spark.sparkContext().defaultParallelism() * TASKS_PER_CORE;
    long perTask = (files.bytes() + tasks - 1) / tasks;
    return Math.min(maxSplitBytes, Math.max(MIN_SPLIT_BYTES, perTask));
  }

  /**
   * The records of the files, each split of {@code splitBytes} read by one task, except the {@code wholeFiles},
   * each read by one task from its start. Every split's records end with its {@link SplitEnd}.
   */
  public static JavaRDD<Line> read(SparkSession spark, List<String> files, int maxRecordChars, long splitBytes,
                                   Set<String> wholeFiles) {
    List<String> split = files.stream().filter(f -> !wholeFiles.contains(f)).toList();
    List<String> whole = files.stream().filter(wholeFiles::contains).toList();
    List<JavaRDD<Line>> reads = new ArrayList<>();
    if (!split.isEmpty()) {
      // Minimum and maximum alike: the split size is the setting, not the file system's block size.
      reads.add(readSplits(spark, split, maxRecordChars, splitBytes, splitBytes));
    }
    if (!whole.isEmpty()) {
      reads.add(readSplits(spark, whole, maxRecordChars, Long.MAX_VALUE, Long.MAX_VALUE));
    }
    return reads.stream().reduce(JavaRDD::union)
        .orElseGet(() -> JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD());
  }

  @SuppressWarnings("unchecked")
  private static JavaRDD<Line> readSplits(SparkSession spark, List<String> files, int maxRecordChars,
                                          long minSplitBytes, long maxSplitBytes) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.set(FileInputFormat.INPUT_DIR, String.join(",", files.stream().map(RawLines::escape).toList()));
    conf.setLong(FileInputFormat.SPLIT_MINSIZE, minSplitBytes);
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplitBytes);
    JavaNewHadoopRDD<LongWritable, Text> rdd = (JavaNewHadoopRDD<LongWritable, Text>) jsc
        .newAPIHadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class);
    return rdd.mapPartitionsWithInputSplit((inputSplit, records) -> {
      FileSplit fileSplit = (FileSplit) inputSplit;
      return lines(fileSplit.getPath().toString(), fileSplit.getStart(), records, maxRecordChars);
    }, false);
  }

  /** The detail of an {@code unreadable_file} record, once its line number in the file is known. */
  public static String unreadableDetail(long lineNo, String cause) {
    return String.format("reading stopped after line %d: %s", lineNo - 1, cause);
  }

  private static Iterator<Line> lines(String file, long splitStart, Iterator<Tuple2<LongWritable, Text>> records,
                                      int maxRecordChars) {
    RecordAssembler assembler = new RecordAssembler(maxRecordChars, splitStart == 0);
    return new Iterator<>() {
      long lineNo;
      boolean ended;
      boolean endReported;
      boolean insideDocument;
      Line failure;
      Line next = advance();

      private Line advance() {
        while (true) {
          RecordAssembler.Record r = assembler.poll();
          if (r != null) {
            return new Line(file, splitStart, r.lineNo(), r.text(), r.defect(), r.detail());
          }
          if (ended) {
            if (failure != null) {
              Line last = failure;
              failure = null;
              return last;
            }
            if (!endReported) {
              endReported = true;
              return new Line(file, splitStart, 0, null, null, null,
                  new SplitEnd(file, splitStart, lineNo, insideDocument));
            }
            return null;
          }
          try {
            if (records.hasNext()) {
              Text t = records.next()._2();
              assembler.accept(++lineNo, t.getBytes(), t.getLength());
              continue;
            }
          } catch (Exception e) {
            // Hadoop's readers throw checked IOExceptions through Scala's iterator.
            failure = new Line(file, splitStart, lineNo + 1, "", UNREADABLE_FILE, e.toString());
          }
          ended = true;
          insideDocument = assembler.insideDocument();
          assembler.finish();
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Line next() {
        Line current = next;
        next = advance();
        return current;
      }
    };
  }

  private static String escape(String path) {
    return path.replace(",", "\\,");
  }
}
