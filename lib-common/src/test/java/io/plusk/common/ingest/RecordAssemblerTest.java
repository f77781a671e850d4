package io.plusk.common.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAssemblerTest {
  private static List<RecordAssembler.Record> assemble(int maxChars, String... lines) {
    RecordAssembler a = new RecordAssembler(maxChars);
    List<RecordAssembler.Record> out = new ArrayList<>();
    long no = 0;
    for (String l : lines) {
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      a.accept(++no, b, b.length);
      for (RecordAssembler.Record r = a.poll(); r != null; r = a.poll()) {
        out.add(r);
      }
    }
    a.finish();
    for (RecordAssembler.Record r = a.poll(); r != null; r = a.poll()) {
      out.add(r);
    }
    return out;
  }

  @Test
  void oneRecordPerLineAndBlankLinesAreNotRecords() {
    List<RecordAssembler.Record> r = assemble(1000, "{\"a\": 1}", "  ", "{\"a\": 2}");
    assertThat(r).extracting(RecordAssembler.Record::lineNo).containsExactly(1L, 3L);
    assertThat(r).allSatisfy(x -> assertThat(x.defect()).isNull());
  }

  @Test
  void aPrettyPrintedDocumentIsOneRecordAtItsFirstLine() {
    List<RecordAssembler.Record> r = assemble(1000, "{\"x\": 0}", "[", "  {", "    \"t\": \"a ] } in a string\"",
        "  }", "]", "{\"x\": 1}");
    assertThat(r).extracting(RecordAssembler.Record::lineNo).containsExactly(1L, 2L, 7L);
    assertThat(r.get(1).text()).startsWith("[").endsWith("]").contains("a ] } in a string");
  }

  @Test
  void aDocumentCutShortByTheNextRecordStaysOneBrokenRecord() {
    List<RecordAssembler.Record> r = assemble(1000, "{", "  \"a\": 1,", "{\"b\": 2}");
    assertThat(r).extracting(RecordAssembler.Record::text).containsExactly("{\n  \"a\": 1,", "{\"b\": 2}");
  }

  @Test
  void defectsAreNamed() {
    RecordAssembler a = new RecordAssembler(10);
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    a.accept(1, latin1, latin1.length);
    byte[] bell = "a\u0007b".getBytes(StandardCharsets.UTF_8);
    a.accept(2, bell, bell.length);
    byte[] longLine = "x".repeat(11).getBytes(StandardCharsets.UTF_8);
    a.accept(3, longLine, longLine.length);
    byte[] bom = "\uFEFF{}".getBytes(StandardCharsets.UTF_8);
    RecordAssembler b = new RecordAssembler(10);
    b.accept(1, bom, bom.length);
    assertThat(a.poll().detail()).contains("byte 4");
    assertThat(a.poll().defect()).isEqualTo("control_characters");
    RecordAssembler.Record tooLong = a.poll();
    assertThat(tooLong.defect()).isEqualTo("line_too_long");
    assertThat(tooLong.text()).hasSize(10);
    assertThat(b.poll().text()).isEqualTo("{}");
  }

  @Test
  void aSplitAfterTheFileStartKeepsAByteOrderMarkAndSaysWhenItEndsInsideADocument() {
    byte[] bom = "\uFEFF{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
    RecordAssembler fileStart = new RecordAssembler(1000, true);
    fileStart.accept(1, bom, bom.length);
    assertThat(fileStart.poll().text()).isEqualTo("{\"a\": 1}");
    RecordAssembler laterSplit = new RecordAssembler(1000, false);
    laterSplit.accept(1, bom, bom.length);
    assertThat(laterSplit.poll().text()).startsWith("\uFEFF");

    byte[] open = "{".getBytes(StandardCharsets.UTF_8);
    byte[] inner = "  \"a\": 1".getBytes(StandardCharsets.UTF_8);
    byte[] close = "}".getBytes(StandardCharsets.UTF_8);
    laterSplit.accept(2, open, open.length);
    laterSplit.accept(3, inner, inner.length);
    assertThat(laterSplit.insideDocument()).isTrue();
    laterSplit.accept(4, close, close.length);
    assertThat(laterSplit.insideDocument()).isFalse();
    assertThat(laterSplit.poll().lineNo()).isEqualTo(2);
  }
}
