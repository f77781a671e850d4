package io.plusk.jobs.io;

import io.plusk.jobs.io.RawLines.SplitEnd;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Line numbers in the file from line numbers in a split: a split's offset is the physical lines of the file's
 * splits before it, known once every split has reported its {@link SplitEnd}. Small (one entry per split), built on
 * the driver and shipped to the tasks with the closures that number the rows.
 */
public final class SplitLineNumbers implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<String, Long> linesBefore;
  private final Set<String> documentsAcrossSplits;

  private SplitLineNumbers(Map<String, Long> linesBefore, Set<String> documentsAcrossSplits) {
    this.linesBefore = linesBefore;
    this.documentsAcrossSplits = documentsAcrossSplits;
  }

  /** From the ends of every split of the files read (each file's splits in any order). */
  public static SplitLineNumbers of(Collection<SplitEnd> ends) {
    Map<String, List<SplitEnd>> byFile = new HashMap<>();
    ends.forEach(e -> byFile.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e));
    Map<String, Long> linesBefore = new HashMap<>();
    Set<String> acrossSplits = new TreeSet<>();
    byFile.forEach((file, splits) -> {
      splits.sort(Comparator.comparingLong(SplitEnd::start));
      long before = 0;
      for (int i = 0; i < splits.size(); i++) {
        SplitEnd split = splits.get(i);
        if (linesBefore.put(key(file, split.start()), before) != null) {
          throw new IllegalStateException("Split of " + file + " at byte " + split.start() + " reported twice");
        }
        before += split.physicalLines();
        // At the end of the file an open document is a document cut short, not one that goes on in the next split.
        if (split.insideDocument() && i < splits.size() - 1) {
          acrossSplits.add(file);
        }
      }
    });
    return new SplitLineNumbers(linesBefore, acrossSplits);
  }

  /** The 1-based line number in the file of a line numbered {@code lineInSplit} by the split at that byte. */
  public long inFile(String file, long splitStart, long lineInSplit) {
    Long before = linesBefore.get(key(file, splitStart));
    if (before == null) {
      throw new IllegalStateException("No line count for the split of " + file + " at byte " + splitStart);
    }
    return before + lineInSplit;
  }

  /** Files where a pretty-printed document goes on past a split's end: they must be read as one split. */
  public Set<String> filesWithDocumentsAcrossSplits() {
    return documentsAcrossSplits;
  }

  private static String key(String file, long start) {
    return start + "@" + file;
  }
}
