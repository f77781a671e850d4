package io.plusk.jobs.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options of the commands that read the day's dumps: where they are, and which day to process. */
public final class InputOptions {
  @Option(names = "--input", paramLabel = "DIR",
      description = "Input root with tweets/, engagements/, plusk/, removals/, users/, optouts/, deletions/ day "
          + "folders. Default: plusk.input (data-samples). Local path, hdfs:// or s3a://.")
  String input;

  /** Day options: the day to process, where a command processes one. */
  public static final class RunDate {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "Day to process (UTC). Default: the latest day found in the input.")
    LocalDate date;
  }

  /** The date of commands that read what was published. */
  public static final class PublishedDate {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "Published date to read. Default: the latest published date.")
    LocalDate date;
  }
}
