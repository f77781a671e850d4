package io.plusk.jobs.testing;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.jobs.Sessions;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real local SparkSession for every JUnit 5 test of this JVM (started once, stopped when the JVM exits), and
 * fixtures built from a table schema plus JSON rows.
 */
public abstract class SparkTestBase {
  protected static SparkSession spark;
  protected static final Ontology ONTOLOGY = OntologyFormat.readDefault();

  @BeforeAll
  static void startSpark() {
    // Maven runs the tests on a master that retries failed tasks (local[2,3]); see the surefire execution.
    spark = Sessions.getOrCreate(PluskConfig.defaults(), System.getProperty("plusk.test.master", "local[2]"));
    // Expressions interpreted, not compiled: on the samples' few hundred rows, generating and compiling code costs
    // more than it saves (a sample night runs about 17 % faster). Production keeps code generation, and so do the
    // nightly JVMs the crash test starts and the cluster test, whose tables are compared with ones made here.
    spark.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
  }

  /** Rows of a table (its schema plus {@code dt}) from JSON objects; missing fields are null. */
  protected static Dataset<Row> table(String table, String... jsonRows) {
    return Fixtures.table(spark, table, jsonRows);
  }

  protected static Dataset<Row> rows(StructType schema, String... jsonRows) {
    return Fixtures.rows(spark, schema, jsonRows);
  }

  /** The repository root (for data-samples and conf), found from the build or the working directory. */
  protected static Path repoRoot() {
    return RepoRoot.find();
  }
}
