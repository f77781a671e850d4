package io.plusk.jobs.cli;

import io.plusk.jobs.io.RunLock;
import io.plusk.jobs.io.Warehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Clears a date's lock left by a run that died on another host (same-host dead runs are cleared automatically). */
@Command(name = "unlock", mixinStandardHelpOptions = true,
    description = "Removes the write lock of a warehouse date. Only when no run for that date is alive.")
public final class UnlockCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The locked date.")
  LocalDate date;

  @Override
  public Integer call() {
    Warehouse wh = options.warehouse(options.config());
    String holder = RunLock.clear(wh, date);
    spec.commandLine().getOut().println(holder == null ? "No lock for " + date
        : "Removed the lock of " + date + " held by " + holder);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
