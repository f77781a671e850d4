package io.plusk.jobs.testing;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Every table of a date as sorted row strings, to compare two runs exactly. */
public final class WarehouseSnapshot {
  private WarehouseSnapshot() {}

  public static Map<String, List<String>> of(Warehouse warehouse, LocalDate date) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String table : Tables.ALL) {
      // Source file paths name the input folder, which differs between the runs compared.
      out.put(table, warehouse.read(table, date).collectAsList().stream().map(WarehouseSnapshot::portable)
          .sorted().toList());
    }
    return out;
  }

  /** Per table, the rows only one side has (at most five each): empty when the two snapshots are equal. */
  public static Map<String, String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String table : expected.keySet()) {
      List<String> onlyExpected = new java.util.ArrayList<>(expected.get(table));
      List<String> onlyActual = new java.util.ArrayList<>(actual.getOrDefault(table, List.of()));
      for (String row : expected.get(table)) {
        onlyActual.remove(row);
      }
      for (String row : actual.getOrDefault(table, List.of())) {
        onlyExpected.remove(row);
      }
      if (!onlyExpected.isEmpty() || !onlyActual.isEmpty()) {
        out.put(table, String.format("%d rows only expected %s, %d rows only actual %s", onlyExpected.size(),
            onlyExpected.subList(0, Math.min(5, onlyExpected.size())), onlyActual.size(),
            onlyActual.subList(0, Math.min(5, onlyActual.size()))));
      }
    }
    return out;
  }

  private static String portable(Row row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      Object v = row.get(i);
      String s = String.valueOf(v);
      if (row.schema().fields()[i].name().equals("source_file") && v != null) {
        s = s.substring(s.lastIndexOf('/', s.lastIndexOf('/') - 1) + 1);
      }
      sb.append(s).append('|');
    }
    return sb.toString();
  }
}
