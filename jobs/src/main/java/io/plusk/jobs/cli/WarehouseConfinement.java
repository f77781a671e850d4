package io.plusk.jobs.cli;

import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.LeafNode;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import org.apache.spark.sql.catalyst.plans.logical.View;
import scala.collection.JavaConverters;

/**
 * Keeps a query inside the warehouse views: every relation it reads must sit under one of the registered views (no
 * file read directly, no catalog table), and it may call no Java method by reflection ({@code reflect},
 * {@code java_method}) and run no script ({@code TRANSFORM ... USING}). Literal rows ({@code VALUES}),
 * {@code range()} and CTE references (checked where the CTE is defined) are fine.
 */
final class WarehouseConfinement {
  private WarehouseConfinement() {}

  /** In a parsed plan: a relation named with a qualifier ({@code text.`/etc/passwd`}, {@code db.t}), or null. */
  static String qualifiedRelation(LogicalPlan parsed) {
    return first(parsed, plan -> plan instanceof UnresolvedRelation r && r.multipartIdentifier().size() > 1
        ? "direct access to data outside the views (" + String.join(".",
            JavaConverters.seqAsJavaList(r.multipartIdentifier())) + ")" : null, e -> null);
  }

  /** In an analysed plan: what reaches outside the views, or null. */
  static String firstEscape(LogicalPlan analysed, Set<String> views) {
    return first(analysed, plan -> {
      if (plan instanceof View view) {
        String name = view.desc().identifier().table();
        return view.isTempView() && views.contains(name) ? TRUSTED
            : "a view that is not a warehouse table (" + name + ")";
      }
      if (plan instanceof ScriptTransformation) {
        return "a script transformation (TRANSFORM ... USING)";
      }
      if (plan instanceof LeafNode && !(plan instanceof LocalRelation || plan instanceof OneRowRelation
          || plan instanceof Range || plan instanceof CTERelationRef)) {
        return "direct access to data outside the views (" + plan.nodeName() + ")";
      }
      return null;
    }, e -> e instanceof CallMethodViaReflection ? "a Java method call by reflection (" + e.prettyName() + ")"
        : null);
  }

  /** Returned by a plan check for a subtree that needs no further look (a registered view). */
  private static final String TRUSTED = "";

  /** The first finding of the checks over the plan, its expressions and their subqueries, depth first; or null. */
  private static String first(LogicalPlan plan, Function<LogicalPlan, String> planCheck,
                              Function<Expression, String> expressionCheck) {
    String found = planCheck.apply(plan);
    if (found != null) {
      return found.equals(TRUSTED) ? null : found;
    }
    for (Expression e : JavaConverters.seqAsJavaList(plan.expressions())) {
      found = first(e, planCheck, expressionCheck);
      if (found != null) {
        return found;
      }
    }
    for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
      found = first(child, planCheck, expressionCheck);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String first(Expression e, Function<LogicalPlan, String> planCheck,
                              Function<Expression, String> expressionCheck) {
    String found = expressionCheck.apply(e);
    if (found == null && e instanceof SubqueryExpression sub) {
      found = first(sub.plan(), planCheck, expressionCheck);
    }
    for (Expression child : found == null ? JavaConverters.seqAsJavaList(e.children())
        : java.util.List.<Expression>of()) {
      found = first(child, planCheck, expressionCheck);
      if (found != null) {
        return found;
      }
    }
    return found;
  }
}
