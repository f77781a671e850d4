package io.plusk.jobs.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** JVMs started by tests with this test run's classpath and the Java 17 opens Spark needs. */
public final class JavaProcesses {
  private JavaProcesses() {}

  /** The classpath of this test JVM (surefire's real one, not its manifest-only booter jar). */
  public static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The --add-opens flags this JVM was started with (from surefire's argLine). */
  public static List<String> opens() {
    List<String> out = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Djdk.reflect")) {
        out.add(arg);
      }
    }
    return out;
  }

  public static List<String> command(String heap, List<String> jvmArgs, String mainClass, List<String> args) {
    return command(heap, classpath(), jvmArgs, mainClass, args);
  }

  /**
   * JIT settings of the JVMs tests start: they live a minute or two, where the optimising compiler costs more CPU
   * than it saves (a cold sample nightly took 90 s of CPU with it, 55 s without, and 5 s less wall time), and the
   * suite is CPU-bound on two cores. What the code computes is the same either way.
   */
  public static final String SHORT_LIVED_JIT = "-XX:TieredStopAtLevel=1";

  public static List<String> command(String heap, String classpath, List<String> jvmArgs, String mainClass,
                                     List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add(SHORT_LIVED_JIT);
    command.addAll(opens());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** Starts the command with stdout and stderr merged; each line goes to the log list and to the watcher. */
  public static Process start(List<String> command, Map<String, String> env, List<String> log,
                              Predicate<String> watcher) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture.runAsync(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          synchronized (log) {
            log.add(line);
          }
          if (watcher.test(line)) {
            break;
          }
        }
        // Keep draining so the process never blocks on a full pipe.
        out.transferTo(java.io.Writer.nullWriter());
      } catch (IOException e) {
        // The process is gone.
      }
    });
    return process;
  }

  public static String tail(List<String> log, int lines) {
    synchronized (log) {
      return String.join("\n", log.subList(Math.max(0, log.size() - lines), log.size()));
    }
  }
}
