package io.plusk.common.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoizingAnnotatorTest {
  @Test
  void eachDistinctTextIsAnnotatedOnceWhileItIsRecent() {
    AtomicInteger calls = new AtomicInteger();
    TextAnnotator counting = (text, level) -> {
      calls.incrementAndGet();
      return List.of(new AnnotatedToken(text, text, "NN", "O"));
    };
    MemoizingAnnotator memo = new MemoizingAnnotator(counting, 2);
    assertThat(memo.annotate("a")).isEqualTo(memo.annotate("a"));
    memo.annotate("b");
    memo.annotate("a");
    memo.annotate("c");
    assertThat(calls.get()).isEqualTo(3);
    memo.annotate("b");
    assertThat(calls.get()).as("b was the least recently used and left").isEqualTo(4);
    assertThat(memo.hitsAndMisses()).containsExactly(2L, 4L);
    memo.annotate("b", AnnotationLevel.TOKENS);
    assertThat(calls.get()).as("another level of the same text is another annotation").isEqualTo(5);
    assertThat(MemoizingAnnotator.wrap(counting, 0)).isSameAs(counting);
  }
}
