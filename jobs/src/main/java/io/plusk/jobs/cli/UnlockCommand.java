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
    description = "Removes the write lock of a warehouse date left by a run that died on another host. Refused "
        + "while the run that holds it is alive on this host (--force to override).")
public final class UnlockCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The locked date.")
  LocalDate date;

  @Option(names = "--force", description = "Remove the lock even while its run is alive on this host.")
  boolean force;

  @Override
  public Integer call() {
    Warehouse wh = options.warehouse(options.config());
    RunLock.Holder live = RunLock.holder(wh, date);
    if (live != null && live.aliveOnThisHost()) {
      if (!force) {
        throw UsageError.of("%s is locked by a run that is alive on this host (pid %d since %s): wait for it to end "
            + "or stop it; --force removes the lock anyway", date, live.pid(), live.startedAt());
      }
      spec.commandLine().getErr().printf("warning: removing the lock of %s held by pid %d, which is still running: "
          + "two runs of the date may now write at once%n", date, live.pid());
      spec.commandLine().getErr().flush();
    }
    String holder = RunLock.clear(wh, date);
    spec.commandLine().getOut().println(holder == null ? "No lock for " + date
        : "Removed the lock of " + date + " held by " + holder);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
