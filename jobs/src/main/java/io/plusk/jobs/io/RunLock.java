package io.plusk.jobs.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per warehouse date: {@code <warehouse>/_locks/dt=D.lock}, created atomically, holding the host, pid and
 * start time of its run. A lock left by a killed run on this host (its pid is gone) is cleared automatically; any
 * other held lock stops the run with a message that says who holds it and how to clear it.
 */
public final class RunLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GONE = "gone";

  private final FileSystem fs;
  private final Path path;

  private RunLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Thrown when another run holds the date. */
  public static final class HeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  public static Path pathFor(Warehouse wh, LocalDate date) {
    return new Path(wh.root() + "/_locks/dt=" + date + ".lock");
  }

  public static RunLock acquire(Warehouse wh, LocalDate date, Duration staleAfter) {
    Path path = pathFor(wh, date);
    try {
      FileSystem fs = path.getFileSystem(wh.spark().sparkContext().hadoopConfiguration());
      for (int attempt = 0; attempt < 2; attempt++) {
        if (fs.createNewFile(path)) {
          try (OutputStream out = fs.create(path, true)) {
            out.write(JSON.writeValueAsBytes(Map.of("host", thisHost(), "pid", ProcessHandle.current().pid(),
                "started_at", Instant.now().toString())));
          }
          return new RunLock(fs, path);
        }
        Holder holder = holder(date, read(fs, path));
        if (holder.state().equals(GONE)) {
          LOG.warn("Clearing stale lock {} left by a run that is gone (pid {} on {}, since {})", path, holder.pid(),
              holder.host(), holder.startedAt());
          fs.delete(path, false);
          continue;
        }
        String since = holder.startedAt();
        boolean old = !since.equals("?") && Instant.parse(since).isBefore(Instant.now().minus(staleAfter));
        throw new HeldException(String.format("Date %s of warehouse %s is locked by pid %d on %s since %s%s. "
                + "If no run is alive, clear it with: plusk unlock --date %s --warehouse %s", date, wh.root(),
            holder.pid(), holder.host(), since, old ? " (older than " + staleAfter.toHours() + " h: probably stale)"
                : "", date, wh.root()));
      }
      throw new HeldException("Could not take the lock " + path + " after clearing a stale one");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot take the lock " + path, e);
    }
  }

  /** Who holds a date's lock: host, pid and start as written by the run. */
  public record Holder(LocalDate date, String host, long pid, String startedAt) {
    /** The holder is a process of this host that is still running. */
    public boolean aliveOnThisHost() {
      return host.equals(thisHost()) && pid > 0 && ProcessHandle.of(pid).isPresent();
    }

    /**
     * alive (a running process here), gone (a process of this host that has ended: the lock is stale), on another
     * host, or without a pid (neither can be told).
     */
    public String state() {
      return !host.equals(thisHost()) ? "on another host" : pid <= 0 ? "no pid recorded"
          : aliveOnThisHost() ? "alive" : GONE;
    }
  }

  /** The holder of a date's lock, or null when the date is not locked. */
  public static Holder holder(Warehouse wh, LocalDate date) {
    Path path = pathFor(wh, date);
    try {
      FileSystem fs = path.getFileSystem(wh.spark().sparkContext().hadoopConfiguration());
      return fs.exists(path) ? holder(date, read(fs, path)) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the lock " + path, e);
    }
  }

  /** Every held lock of the warehouse, oldest date first. */
  public static List<Holder> held(Warehouse wh) {
    Path folder = new Path(wh.root() + "/_locks");
    List<Holder> out = new ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(wh.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(folder)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(folder)) {
        String name = st.getPath().getName();
        if (name.startsWith("dt=") && name.endsWith(".lock")) {
          LocalDate date = LocalDate.parse(name.substring(3, name.length() - ".lock".length()));
          out.add(holder(date, read(fs, st.getPath())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the locks under " + folder, e);
    }
    out.sort(java.util.Comparator.comparing(Holder::date));
    return out;
  }

  private static Holder holder(LocalDate date, JsonNode lock) {
    return new Holder(date, lock.path("host").asText("?"), lock.path("pid").asLong(-1),
        lock.path("started_at").asText("?"));
  }

  /** Removes a date's lock whoever holds it; returns what it held, or null when there was none. */
  public static String clear(Warehouse wh, LocalDate date) {
    Path path = pathFor(wh, date);
    try {
      FileSystem fs = path.getFileSystem(wh.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return null;
      }
      String holder = read(fs, path).toString();
      fs.delete(path, false);
      return holder;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the lock " + path, e);
    }
  }

  private static JsonNode read(FileSystem fs, Path path) throws IOException {
    try (var in = fs.open(path)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (java.io.FileNotFoundException gone) {
      return JSON.createObjectNode();
    }
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("Could not remove lock {}: {}", path, e.toString());
    }
  }
}
