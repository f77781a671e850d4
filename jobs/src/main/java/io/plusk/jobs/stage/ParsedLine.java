package io.plusk.jobs.stage;

import io.plusk.jobs.io.RawLines.Line;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * A dump line after parsing: the table rows it gave, a compliance notice it carried instead (a tweets-dump line:
 * {@code compliance_events} rows), or the reason it was quarantined.
 */
record ParsedLine(Line line, List<Row> rows, List<Row> notices, String reason, String detail)
    implements Serializable {
  static ParsedLine accepted(Line line, List<Row> rows) {
    return new ParsedLine(line, rows, List.of(), null, null);
  }

  static ParsedLine notice(Line line, Row notice) {
    return new ParsedLine(line, List.of(), List.of(notice), null, null);
  }

  static ParsedLine rejected(Line line, String reason, String detail) {
    return new ParsedLine(line, List.of(), List.of(), reason, detail);
  }

  boolean isRejected() {
    return reason != null;
  }

  boolean isNotice() {
    return !notices.isEmpty();
  }
}
