package io.plusk.jobs.cli;

import io.plusk.jobs.JobContext;
import io.plusk.jobs.Pipeline;
import io.plusk.jobs.StageResult;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the nightly flow for a range of dates, oldest first, stopping at the first failure. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Runs nightly for every date from --from to --to (both included) in order and stops at the first "
        + "failure, with that failure's exit code (1, or 3 for a data-quality failure such as a missing dump).")
public final class BackfillCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Mixin InputOptions input;
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date.")
  LocalDate to;

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      throw UsageError.of("--to %s is before --from %s", to, from);
    }
    JobContext base = PluskCli.context(options, input, from);
    PrintWriter out = spec.commandLine().getOut();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.printf("%s: running%n", d);
      out.flush();
      try {
        List<StageResult> results = Pipeline.runDate(base.forDate(d));
        out.printf("%s published (%d expertise rows)%n", d, results.get(3).get("topic_expertise.written"));
      } catch (RuntimeException e) {
        out.printf("%s failed; backfill stopped (dates after it were not run)%n", d);
        out.flush();
        throw e;
      }
    }
    out.flush();
    return 0;
  }
}
