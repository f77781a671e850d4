package io.plusk.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.cli.PluskCli;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.JavaProcesses;
import io.plusk.jobs.testing.SparkTestBase;
import io.plusk.jobs.testing.WarehouseSnapshot;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run on a real cluster: an HDFS MiniDFSCluster for input and warehouse, a Spark standalone master and
 * two workers (separate JVMs started from the Spark jars alone, no download), and the plusk driver in its own JVM
 * connected to that master with the cluster jar and nothing but Spark's own jars on its classpath and its
 * executors', as spark-submit would start it. Its tables must equal a local-mode run of the same input, row for
 * row. Runs in the integration-test phase (failsafe), after the cluster jar is built.
 */
class ClusterIT extends SparkTestBase {
  private static final LocalDate D = LocalDate.parse("2026-11-24");
  private static final long STARTUP_SECONDS = 90;
  @TempDir static Path tmp;
  private static MiniDFSCluster hdfs;
  private static final List<Process> daemons = new ArrayList<>();
  private static final List<String> daemonLog = new ArrayList<>();
  private static String masterUrl;
  private static Path daemonLogConfig;

  private static Path clusterJar() {
    Path jar = Path.of(System.getProperty("plusk.cluster.jar", "target/plusk-jobs-cluster.jar"));
    assertThat(jar).as("the cluster jar (mvn package builds it)").exists();
    return jar;
  }

  /**
   * What a Spark installation has: this test run's jars minus every jar whose classes the cluster jar carries
   * (plusk, CoreNLP and its models, protobuf, ...) and minus class folders, so the driver and executors can only
   * find those in the cluster jar.
   */
  private static String sparkClasspath() throws Exception {
    java.util.Set<String> shaded = new java.util.HashSet<>();
    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(clusterJar().toFile())) {
      jar.stream().forEach(e -> shaded.add(e.getName()));
    }
    List<String> kept = new ArrayList<>();
    for (String entry : JavaProcesses.classpath().split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isRegularFile(p) && !inClusterJar(p, shaded)) {
        kept.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, kept);
  }

  private static boolean inClusterJar(Path jar, java.util.Set<String> shaded) throws Exception {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      return zip.stream().map(java.util.zip.ZipEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.equals("module-info.class"))
          .findFirst().map(shaded::contains).orElse(false);
    }
  }

  /** The cluster jar plus Spark's jars: what spark-submit gives the driver and the executors. */
  private static String applicationClasspath() throws Exception {
    return clusterJar() + java.io.File.pathSeparator + sparkClasspath();
  }

  @BeforeAll
  static void startHdfsAndSpark() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();

    // plusk's log4j2.properties keeps Spark at WARN; the daemons log at INFO so their "up" lines can be seen.
    daemonLogConfig = Files.writeString(tmp.resolve("daemon-log4j2.properties"), """
        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        appender.console.type = Console
        appender.console.name = console
        appender.console.target = SYSTEM_ERR
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = %d %-5p %c{1}: %m%n
        """);
    int port = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    startDaemon("Master", List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0"),
        "Starting Spark master");
    for (int i = 1; i <= 2; i++) {
      Path work = Files.createDirectories(tmp.resolve("worker-" + i));
      startDaemon("Worker", List.of("--host", "127.0.0.1", "--cores", "1", "--memory", "2500m", "--webui-port",
          "0", "--work-dir", work.toString(), masterUrl), "Successfully registered with master");
    }
  }

  /** Starts a Spark daemon in its own JVM and waits until it logs that it is up. */
  private static void startDaemon(String name, List<String> args, String upWhen) throws Exception {
    CompletableFuture<Boolean> up = new CompletableFuture<>();
    List<String> command = JavaProcesses.command("512m", sparkClasspath(),
        List.of("-Dlog4j2.configurationFile=" + daemonLogConfig),
        "org.apache.spark.deploy." + name.toLowerCase() + "." + name, args);
    // The worker builds executor command lines with Spark's launcher, which needs SPARK_HOME and, outside a Spark
    // distribution, testing mode (executors get their classpath from spark.executor.extraClassPath).
    Process p = JavaProcesses.start(command, Map.of("SPARK_HOME", tmp.toString(), "SPARK_SCALA_VERSION", "2.12",
        "SPARK_TESTING", "1"), daemonLog, line -> {
          if (line.contains(upWhen)) {
            up.complete(true);
          }
          return false;
        });
    daemons.add(p);
    p.onExit().thenRun(() -> up.complete(false));
    assertThat(up.get(STARTUP_SECONDS, TimeUnit.SECONDS)).as("%s started; log:%n%s", name,
        JavaProcesses.tail(daemonLog, 40)).isTrue();
  }

  @AfterAll
  static void stop() {
    daemons.forEach(Process::destroyForcibly);
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void aNightlyOnAStandaloneClusterWithHdfsGivesTheSameTablesAsALocalRun() throws Exception {
    Path samples = repoRoot().resolve("data-samples");
    String nn = hdfs.getURI().toString();
    FileSystem fs = hdfs.getFileSystem();
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(samples.toUri()),
        new org.apache.hadoop.fs.Path(nn + "/plusk/input"));
    String input = nn + "/plusk/input";
    String warehouse = nn + "/plusk/warehouse";

    String opens = String.join(" ", JavaProcesses.opens());
    String application = applicationClasspath();
    List<String> driver = JavaProcesses.command("2g", application, List.of(
            "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
            "-Dspark.executor.extraClassPath=" + application,
            "-Dspark.executor.extraJavaOptions=" + opens + " " + JavaProcesses.SHORT_LIVED_JIT,
            "-Dspark.executor.memory=2g", "-Dspark.cores.max=2", "-Dspark.ui.enabled=false"),
        PluskCli.class.getName(),
        List.of("nightly", "--date", D.toString(), "--input", input, "--warehouse", warehouse, "--master", masterUrl));
    List<String> log = new ArrayList<>();
    Process run = JavaProcesses.start(driver, Map.of(), log, line -> false);
    // The local reference run meanwhile: the cluster run spends much of its time starting JVMs and executors.
    Path local = tmp.resolve("local-warehouse");
    try {
      assertThat(PluskCli.execute("nightly", "--date", D.toString(), "--input", samples.toString(), "--warehouse",
          local.toString())).isZero();
    } catch (AssertionError | RuntimeException e) {
      run.destroyForcibly();
      throw e;
    }
    assertThat(run.waitFor(8, TimeUnit.MINUTES)).as("the cluster run ended").isTrue();
    assertThat(run.exitValue()).as("exit code; driver log:%n%s%nworkers:%n%s", JavaProcesses.tail(log, 60),
        JavaProcesses.tail(daemonLog, 30)).isZero();
    synchronized (log) {
      assertThat(String.join("\n", log)).as("executors on both workers ran tasks")
          .contains("status=done").doesNotContain("Lost executor");
    }
    synchronized (daemonLog) {
      // The workers are still running and logging into it.
      assertThat(String.join("\n", daemonLog)).contains("Launching executor app-");
    }

    Warehouse onHdfs = new Warehouse(spark, warehouse);
    assertThat(onHdfs.isPublished(D)).isTrue();
    assertThat(WarehouseSnapshot.differences(WarehouseSnapshot.of(new Warehouse(spark, local.toString()), D),
        WarehouseSnapshot.of(onHdfs, D))).isEmpty();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
