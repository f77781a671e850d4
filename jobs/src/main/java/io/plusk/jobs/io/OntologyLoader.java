package io.plusk.jobs.io;

import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Loads an ontology folder from the classpath ({@code classpath:...}) or any Hadoop file system. */
public final class OntologyLoader {
  private OntologyLoader() {}

  public static Ontology load(SparkSession spark, String location) {
    return load(spark.sparkContext().hadoopConfiguration(), location);
  }

  public static Ontology load(Configuration hadoop, String location) {
    if (location.startsWith("classpath:")) {
      return OntologyFormat.readClasspath(location.substring("classpath:".length()));
    }
    if (location.endsWith(".tsv")) {
      Path file = new Path(location);
      try (FSDataInputStream in = file.getFileSystem(hadoop).open(file)) {
        return OntologyFormat.read(new InputStreamReader(in, StandardCharsets.UTF_8), file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read ontology " + file + ": " + e.getMessage(), e);
      }
    }
    Path dir = new Path(location);
    return OntologyFormat.readFolder(name -> {
      Path file = new Path(dir, name);
      FileSystem fs = file.getFileSystem(hadoop);
      return fs.exists(file) ? fs.open(file) : null;
    }, dir.toString());
  }
}
