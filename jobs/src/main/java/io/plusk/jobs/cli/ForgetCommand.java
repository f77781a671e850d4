package io.plusk.jobs.cli;

import io.plusk.jobs.JobContext;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.perks.PerkRecipients;
import io.plusk.jobs.stage.UserErasure;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Erases people from the warehouse's history: the right to be forgotten. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Rewrites every published date of every table without the given people: their posts and the "
        + "retweets of them, the events they made or received, their +K, removals, profiles, opt-outs, notices and "
        + "quarantined records, and what was derived from those (engaged posts, links, evidence, scores, "
        + "reports); their handle and ids leave others' posts; perk records and selections drop them. Each date "
        + "is swapped in atomically under its lock; running it again changes nothing more.")
public final class ForgetCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "ID",
      description = "User id (digits, as the platform writes it); repeat for several.")
  List<String> users;

  @Override
  public Integer call() {
    Set<String> ids = new LinkedHashSet<>();
    for (String u : users) {
      String id = u.strip();
      if (!UserErasure.USER_ID.matcher(id).matches()) {
        throw UsageError.of("--user '%s' is not a user id: digits only, at most 20 (a screen name is not an id)",
            u);
      }
      ids.add(id);
    }
    options.existingWarehouse(options.config());
    JobContext ctx = PluskCli.context(options, null, null);
    Warehouse wh = ctx.warehouse();
    long start = System.nanoTime();
    UserErasure.Result result = UserErasure.forget(ctx, ids);
    long perkRows = new PerkRecipients(wh.spark(), wh).forget(ids);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Forgot %d user%s on %d published date%s in %.1f s%s%n", ids.size(), ids.size() == 1 ? "" : "s",
        result.dates().size(), result.dates().size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9,
        result.dates().isEmpty() ? " (no published date held anything of theirs)" : "");
    result.rowsRemoved().forEach((table, n) -> {
      if (n != 0) {
        out.printf("  %-20s %d rows removed%n", table, n);
      }
    });
    out.printf("  %-20s %d rows removed%n", "perk_recipients", perkRows);
    out.flush();
    return 0;
  }
}
