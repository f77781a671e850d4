package io.plusk.common.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (read-only data next to the repository) and says clearly when it is missing. */
public final class SharedData {
  private SharedData() {}

  public static Path repoRoot() {
    String prop = System.getProperty("plusk.repo.root");
    Path start = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("conf")) && Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("lib-common"))) {
        return p;
      }
    }
    throw new IllegalStateException("Cannot find the plusk repository root from " + start);
  }

  /** A path under ../shared/data; fails the test with instructions when the shared folder is not there. */
  public static Path path(String relative) {
    Path p = repoRoot().resolveSibling("shared").resolve("data").resolve(relative);
    if (!Files.exists(p)) {
      fail("Shared test data missing: " + p + ". These tests need the read-only ../shared folder next to the "
          + "repository (see ../shared/README.md); it is not part of the repository.");
    }
    return p;
  }

  /** The texts of the 200 real tweets of the TweetTopic dev set, in file order. */
  public static java.util.List<String> tweetTopicDevTexts() throws java.io.IOException {
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(path("tweettopic-dev/dev.jsonl"), java.nio.charset.StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        texts.add(io.plusk.common.evaluation.GoldExample.parse(line, texts.size() + 1).text());
      }
    }
    return texts;
  }
}
