package io.plusk.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plusk.jobs.io.RawLines.SplitEnd;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitLineNumbersTest {
  @Test
  void aSplitsOffsetIsTheLinesOfTheSplitsBeforeItInItsFile() {
    // Reported in any order: the second split of a.jsonl read 0 lines (one long line belongs to the first).
    SplitLineNumbers numbers = SplitLineNumbers.of(List.of(new SplitEnd("a.jsonl", 2048, 0, false),
        new SplitEnd("b.jsonl", 0, 7, false), new SplitEnd("a.jsonl", 3072, 5, false),
        new SplitEnd("a.jsonl", 0, 12, false)));
    assertThat(numbers.inFile("a.jsonl", 0, 3)).isEqualTo(3);
    assertThat(numbers.inFile("a.jsonl", 3072, 1)).isEqualTo(13);
    assertThat(numbers.inFile("b.jsonl", 0, 7)).isEqualTo(7);
    assertThat(numbers.filesWithDocumentsAcrossSplits()).isEmpty();
    assertThatThrownBy(() -> numbers.inFile("a.jsonl", 1024, 1)).hasMessageContaining("a.jsonl at byte 1024");
  }

  @Test
  void anOpenDocumentAtASplitEndMattersOnlyBeforeTheLastSplit() {
    SplitLineNumbers numbers = SplitLineNumbers.of(List.of(new SplitEnd("a.jsonl", 0, 4, true),
        new SplitEnd("a.jsonl", 100, 4, false), new SplitEnd("b.jsonl", 0, 3, false),
        new SplitEnd("b.jsonl", 100, 3, true), new SplitEnd("c.json.gz", 0, 9, true)));
    assertThat(numbers.filesWithDocumentsAcrossSplits()).containsExactly("a.jsonl");
    assertThat(numbers.inFile("c.json.gz", 0, 9)).isEqualTo(9);
  }
}
