package io.plusk.jobs.reliability;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.TaskContext;

/**
 * The local file system under the {@code flaky://} scheme, failing the first attempt of every Spark task that
 * touches a file: opening a dump or a Parquet file throws, and a part file written by a first attempt fails when it
 * is closed (after its bytes are on disk). Spark retries each task once; the driver's own file work is untouched.
 * Register with {@code fs.flaky.impl}.
 */
public class FlakyFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "flaky";

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  private static boolean firstTaskAttempt() {
    TaskContext task = TaskContext.get();
    return task != null && task.attemptNumber() == 0;
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    if (firstTaskAttempt() && !f.getName().startsWith(".")) {
      throw new IOException("injected failure: first attempt of task reading " + f);
    }
    return super.open(f, bufferSize);
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                   short replication, long blockSize, Progressable progress) throws IOException {
    return failOnClose(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                   Progressable progress) throws IOException {
    return failOnClose(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  private FSDataOutputStream failOnClose(Path f, FSDataOutputStream out) throws IOException {
    if (!firstTaskAttempt() || !f.getName().startsWith("part-")) {
      return out;
    }
    OutputStream failing = new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.close();
        throw new IOException("injected failure: first attempt of task writing " + f);
      }
    };
    return new FSDataOutputStream(failing, statistics);
  }
}
