package io.plusk.jobs.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (data-samples, conf, README), found from the build or the working directory. */
public final class RepoRoot {
  private RepoRoot() {}

  public static Path find() {
    String prop = System.getProperty("plusk.repo.root");
    Path start = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("data-samples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("Cannot find the plusk repository root from " + start);
  }
}
