package io.plusk.jobs.stage;

import io.plusk.jobs.io.RawLines;
import io.plusk.jobs.io.RawLines.Line;
import io.plusk.jobs.io.SplitLineNumbers;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A dump record after parsing: the table rows it gave, a compliance notice it carried instead (a tweets-dump line:
 * {@code compliance_events} rows), or the reason it was quarantined; or the end of a split, which gives nothing but
 * its line count. Only a quarantined record keeps its raw text: a day's accepted lines are cached parsed, not twice.
 * Line numbers, in rows too, count from the split's first line until {@link #rows} and {@link #notices} number
 * them in the file.
 */
record ParsedLine(Line line, List<Row> parsedRows, List<Row> parsedNotices, String reason, String detail)
    implements Serializable {
  static ParsedLine accepted(Line line, List<Row> rows) {
    return new ParsedLine(line.withoutText(), rows, List.of(), null, null);
  }

  static ParsedLine notice(Line line, Row notice) {
    return new ParsedLine(line.withoutText(), List.of(), List.of(notice), null, null);
  }

  static ParsedLine rejected(Line line, String reason, String detail) {
    return new ParsedLine(line, List.of(), List.of(), reason, detail);
  }

  static ParsedLine splitEnd(Line end) {
    return new ParsedLine(end, List.of(), List.of(), null, null);
  }

  boolean isRejected() {
    return reason != null;
  }

  boolean isNotice() {
    return !parsedNotices.isEmpty();
  }

  boolean isSplitEnd() {
    return line.isSplitEnd();
  }

  /** The record's line number in its file. */
  long lineNo(SplitLineNumbers numbers) {
    return numbers.inFile(line.file(), line.splitStart(), line.lineNo());
  }

  /** The table rows, their {@code line_no} (field {@code lineNoField}) numbered in the file. */
  List<Row> rows(SplitLineNumbers numbers, int lineNoField) {
    return numbered(parsedRows, numbers, lineNoField);
  }

  List<Row> notices(SplitLineNumbers numbers, int lineNoField) {
    return numbered(parsedNotices, numbers, lineNoField);
  }

  /** Why the record was quarantined, naming the line in the file where reading stopped if that is the reason. */
  String detail(SplitLineNumbers numbers) {
    return RawLines.UNREADABLE_FILE.equals(reason) ? RawLines.unreadableDetail(lineNo(numbers), detail) : detail;
  }

  /** The quarantine row of a rejected record: kind, file, line, reason, detail, raw text. */
  Row quarantineRow(String kind, SplitLineNumbers numbers) {
    return RowFactory.create(kind, line.file(), lineNo(numbers), reason, detail(numbers), line.text());
  }

  private List<Row> numbered(List<Row> rows, SplitLineNumbers numbers, int lineNoField) {
    if (rows.isEmpty()) {
      return rows;
    }
    long lineNo = lineNo(numbers);
    if (lineNo == line.lineNo()) {
      return rows;
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object[] values = new Object[r.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = i == lineNoField ? (Object) lineNo : r.get(i);
      }
      out.add(RowFactory.create(values));
    }
    return out;
  }
}
