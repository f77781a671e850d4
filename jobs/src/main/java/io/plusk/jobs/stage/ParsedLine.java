package io.plusk.jobs.stage;

import io.plusk.jobs.io.RawLines.Line;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/** A dump line after parsing: the table rows it gave, or the reason it was quarantined. */
record ParsedLine(Line line, List<Row> rows, String reason, String detail) implements Serializable {
  static ParsedLine accepted(Line line, List<Row> rows) {
    return new ParsedLine(line, rows, null, null);
  }

  static ParsedLine rejected(Line line, String reason, String detail) {
    return new ParsedLine(line, List.of(), reason, detail);
  }

  boolean isRejected() {
    return reason != null;
  }
}
