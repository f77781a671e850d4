package io.plusk.jobs.cli;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Analyst access: every table of the warehouse as a view (with its dt column), one query or a small shell. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Runs a Spark SQL query with every warehouse table registered as a view (posts, topic_expertise, "
        + "...; dt is a column). Without a query, reads queries from standard input, one per line.")
public final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The query, e.g. \"SELECT * FROM topic_expertise "
      + "WHERE topic_slug = 'wine' ORDER BY rank_in_topic\"")
  String query;

  @Option(names = "--limit", defaultValue = "50", description = "Rows to print (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    PluskConfig config = options.config();
    Warehouse warehouse = options.warehouse(config);
    SparkSession spark = warehouse.spark();
    PrintWriter out = spec.commandLine().getOut();
    for (String table : Tables.ALL) {
      var dates = warehouse.dates(table);
      if (!dates.isEmpty()) {
        warehouse.read(table, dates.first(), dates.last()).createOrReplaceTempView(table);
      } else {
        // A view left by an earlier command in this JVM would show another warehouse's table.
        spark.catalog().dropTempView(table);
      }
    }
    new io.plusk.jobs.perks.PerkRecipients(spark, warehouse).all().createOrReplaceTempView(Tables.PERK_RECIPIENTS);
    // No csv.`/path` or text.`/etc/passwd` queries: the views are the only way to data (checked below too).
    spark.conf().set("spark.sql.runSQLOnFiles", "false");
    if (query != null) {
      out.println(readOnly(spark, query).showString(limit, 0, false));
    } else {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          out.println(readOnly(spark, line).showString(limit, 0, false));
          out.flush();
        }
      }
    }
    out.flush();
    return 0;
  }

  private static final java.util.regex.Pattern QUERY_START = java.util.regex.Pattern.compile(
      "^\\s*\\(*\\s*(SELECT|WITH|VALUES|FROM|TABLE|SHOW|DESCRIBE|DESC|EXPLAIN)\\b",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Runs a query, refusing statements that change anything, and queries that reach outside the warehouse views
   * (files read directly, reflection, scripts: {@link WarehouseConfinement}, checked on the analysed plan).
   * Refuses statements that change anything (INSERT, CREATE, DROP, SET, ADD JAR...): the views are
   * the published tables, and this command must not become a way to write next to them. Reading statements are
   * allowed by their first keyword, and a query that parses into a write (WITH ... INSERT) is refused too.
   */
  static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> readOnly(SparkSession spark, String sql) {
    org.apache.spark.sql.catalyst.plans.logical.LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (org.apache.spark.sql.catalyst.parser.ParseException e) {
      throw new UsageError("not a query: " + e.getMessage(), e);
    }
    java.util.regex.Matcher start = QUERY_START.matcher(sql);
    boolean reads = start.find();
    // SHOW, DESCRIBE and EXPLAIN parse into commands that only read; the rest must hold no writing node.
    boolean showsOrExplains = reads && java.util.Set.of("SHOW", "DESC", "DESCRIBE", "EXPLAIN")
        .contains(start.group(1).toUpperCase(java.util.Locale.ROOT));
    String write = showsOrExplains ? null : firstWrite(plan);
    if (!reads || write != null) {
      throw new UsageError("plusk sql runs queries only; refused: "
          + (write != null ? write : plan.nodeName()));
    }
    String qualified = WarehouseConfinement.qualifiedRelation(plan);
    if (qualified != null) {
      throw outsideTheViews(qualified);
    }
    if (!showsOrExplains) {
      org.apache.spark.sql.catalyst.plans.logical.LogicalPlan analysed;
      try {
        analysed = spark.sessionState().analyzer().executeAndCheck(plan,
            new org.apache.spark.sql.catalyst.QueryPlanningTracker(scala.Option.empty()));
      } catch (Exception e) {
        if (e instanceof org.apache.spark.sql.AnalysisException) {
          // An unknown table or column is the query's fault, not the run's.
          // Said first, not after Spark's advice about DROP VIEW IF EXISTS.
          String empty = Tables.ALL.stream().noneMatch(spark.catalog()::tableExists)
              ? "the warehouse has no tables (wrong --warehouse, or no `plusk nightly` "
                  + "yet?); " : "";
          throw new UsageError(empty + "cannot run the query: " + e.getMessage(), e);
        }
        throw e;
      }
      String escape = WarehouseConfinement.firstEscape(analysed, viewNames());
      if (escape != null) {
        throw outsideTheViews(escape);
      }
    }
    return spark.sql(sql);
  }

  private static UsageError outsideTheViews(String refused) {
    return new UsageError("plusk sql reads the warehouse views only (" + String.join(", ", Tables.ALL) + ", "
        + Tables.PERK_RECIPIENTS + "); refused: " + refused);
  }

  private static java.util.Set<String> viewNames() {
    java.util.Set<String> names = new java.util.HashSet<>(Tables.ALL);
    names.add(Tables.PERK_RECIPIENTS);
    return names;
  }

  /** The first node of the parsed plan that would write or change state, or null. */
  private static String firstWrite(org.apache.spark.sql.catalyst.plans.logical.LogicalPlan plan) {
    if (plan instanceof org.apache.spark.sql.catalyst.plans.logical.Command
        || plan instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement
        || plan instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir) {
      return plan.nodeName();
    }
    for (var child : scala.collection.JavaConverters.seqAsJavaList(plan.children())) {
      String found = firstWrite(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
