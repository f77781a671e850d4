package io.plusk.jobs.cli;

import java.util.Set;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.LeafNode;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import org.apache.spark.sql.catalyst.plans.logical.View;
import scala.collection.JavaConverters;

/**
 * Keeps an analysed query inside the warehouse views: every relation it reads must sit under one of the registered
 * views (no file read directly, no catalog table), and it may call no Java method by reflection ({@code reflect},
 * {@code java_method}) and run no script ({@code TRANSFORM ... USING}). Literal rows ({@code VALUES}) and
 * {@code range()} are fine.
 */
final class WarehouseConfinement {
  private WarehouseConfinement() {}

  /**
   * In a parsed (unresolved) plan: a relation named with a qualifier ({@code text.`/etc/passwd`},
   * {@code db.table}), which can only be a file or a catalog table, or null.
   */
  static String qualifiedRelation(LogicalPlan plan) {
    if (plan instanceof org.apache.spark.sql.catalyst.analysis.UnresolvedRelation r
        && r.multipartIdentifier().size() > 1) {
      return "direct access to data outside the views (" + String.join(".",
          JavaConverters.seqAsJavaList(r.multipartIdentifier())) + ")";
    }
    for (Expression e : JavaConverters.seqAsJavaList(plan.expressions())) {
      String found = qualifiedRelation(e);
      if (found != null) {
        return found;
      }
    }
    for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
      String found = qualifiedRelation(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String qualifiedRelation(Expression e) {
    if (e instanceof SubqueryExpression sub) {
      String found = qualifiedRelation(sub.plan());
      if (found != null) {
        return found;
      }
    }
    for (Expression child : JavaConverters.seqAsJavaList(e.children())) {
      String found = qualifiedRelation(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** What in the analysed plan reaches outside the views, or null. */
  static String firstEscape(LogicalPlan plan, Set<String> views) {
    if (plan instanceof View view) {
      String name = view.desc().identifier().table();
      if (view.isTempView() && views.contains(name)) {
        return null;
      }
      return "a view that is not a warehouse table (" + name + ")";
    }
    if (plan instanceof ScriptTransformation) {
      return "a script transformation (TRANSFORM ... USING)";
    }
    // A CTE reference is checked where the CTE is defined (a child of the WithCTE above it).
    if (plan instanceof LeafNode && !(plan instanceof LocalRelation || plan instanceof OneRowRelation
        || plan instanceof Range || plan instanceof org.apache.spark.sql.catalyst.plans.logical.CTERelationRef)) {
      return "direct access to data outside the views (" + plan.nodeName() + ")";
    }
    for (Expression e : JavaConverters.seqAsJavaList(plan.expressions())) {
      String found = firstEscape(e, views);
      if (found != null) {
        return found;
      }
    }
    for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
      String found = firstEscape(child, views);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String firstEscape(Expression e, Set<String> views) {
    if (e instanceof CallMethodViaReflection) {
      return "a Java method call by reflection (" + e.prettyName() + ")";
    }
    if (e instanceof SubqueryExpression sub) {
      String found = firstEscape(sub.plan(), views);
      if (found != null) {
        return found;
      }
    }
    for (Expression child : JavaConverters.seqAsJavaList(e.children())) {
      String found = firstEscape(child, views);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
