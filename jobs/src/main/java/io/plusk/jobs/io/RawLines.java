package io.plusk.jobs.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * quarantined record can be found again. Each file is one split, which keeps line numbers exact; gzip is
 * decompressed by Hadoop's codecs; {@link RecordAssembler} decodes and groups the lines. A file that cannot be read
 * to its end (a corrupt gzip) keeps the records read before the break and ends with an {@code unreadable_file}
 * record that names the line where reading stopped.
 */
public final class RawLines {
  /** A record of a dump file: a non-blank line or a multi-line document, and its defect if it is unusable. */
  public record Line(String file, long lineNo, String text, String defect, String detail) implements Serializable {
    public Line(String file, long lineNo, String text) {
      this(file, lineNo, text, null, null);
    }
  }

  public static final String UNREADABLE_FILE = "unreadable_file";

  private RawLines() {}

  /** The day folder of a dump kind: {@code <input>/<kind>/dt=YYYY-MM-DD}. */
  public static String dayFolder(String inputRoot, String kind, LocalDate date) {
    String root = inputRoot.endsWith("/") ? inputRoot.substring(0, inputRoot.length() - 1) : inputRoot;
    return root + "/" + kind + "/dt=" + date;
  }

  /** Dump files of a day folder (.json, .jsonl, optionally .gz), sorted; empty when the folder is missing. */
  public static List<String> files(SparkSession spark, String folder) {
    try {
      Path path = new Path(folder);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> out = new ArrayList<>();
      if (!fs.exists(path)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(path)) {
        String name = st.getPath().getName().toLowerCase(Locale.ROOT);
        if (st.isFile() && !name.startsWith(".") && !name.startsWith("_")
            && name.matches(".*\\.jsonl?(\\.gz)?")) {
          out.add(st.getPath().toString());
        }
      }
      out.sort(String::compareTo);
      return out;
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

  @SuppressWarnings("unchecked")
  public static JavaRDD<Line> read(SparkSession spark, List<String> files, int maxRecordChars) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (files.isEmpty()) {
      return jsc.emptyRDD();
    }
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.set(FileInputFormat.INPUT_DIR, String.join(",", files.stream().map(RawLines::escape).toList()));
    conf.setLong(FileInputFormat.SPLIT_MINSIZE, Long.MAX_VALUE);
    JavaNewHadoopRDD<LongWritable, Text> rdd = (JavaNewHadoopRDD<LongWritable, Text>) jsc
        .newAPIHadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class);
    return rdd.mapPartitionsWithInputSplit(
        (split, records) -> lines(((FileSplit) split).getPath().toString(), records, maxRecordChars), false);
  }

  private static Iterator<Line> lines(String file, Iterator<Tuple2<LongWritable, Text>> records,
                                      int maxRecordChars) {
    RecordAssembler assembler = new RecordAssembler(maxRecordChars);
    return new Iterator<>() {
      long lineNo;
      boolean ended;
      Line failure;
      Line next = advance();

      private Line advance() {
        while (true) {
          RecordAssembler.Record r = assembler.poll();
          if (r != null) {
            return new Line(file, r.lineNo(), r.text(), r.defect(), r.detail());
          }
          if (ended) {
            Line last = failure;
            failure = null;
            return last;
          }
          try {
            if (records.hasNext()) {
              Text t = records.next()._2();
              assembler.accept(++lineNo, t.getBytes(), t.getLength());
              continue;
            }
          } catch (Exception e) {
            // Hadoop's readers throw checked IOExceptions through Scala's iterator.
            failure = new Line(file, lineNo + 1, "", UNREADABLE_FILE, String.format(
                "reading stopped after line %d: %s", lineNo, e));
          }
          ended = true;
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
