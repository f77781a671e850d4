package io.plusk.jobs.io;

import java.util.Arrays;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Java-side helpers for Spark's Scala signatures. */
public final class Columns {
  private Columns() {}

  /** A Java list as the Scala Seq that Row encoders expect for array columns. */
  public static Seq<?> array(java.util.List<?> values) {
    return JavaConverters.asScalaBuffer(values).toSeq();
  }

  /** Column names for {@code Dataset.join(other, usingColumns, joinType)}. */
  public static Seq<String> using(String... names) {
    return JavaConverters.asScalaBuffer(Arrays.asList(names)).toSeq();
  }
}
