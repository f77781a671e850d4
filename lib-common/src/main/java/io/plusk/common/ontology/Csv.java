package io.plusk.common.ontology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: quoted fields, doubled quotes, commas inside quotes. */
final class Csv {
  private Csv() {}

  static List<String[]> read(Reader reader, boolean skipHeader) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      boolean first = true;
      StringBuilder pending = null;
      while ((line = in.readLine()) != null) {
        String record = pending == null ? line : pending.append('\n').append(line).toString();
        if (countQuotes(record) % 2 == 1) {
          pending = new StringBuilder(record);
          continue;
        }
        pending = null;
        if (first && skipHeader) {
          first = false;
          continue;
        }
        first = false;
        if (!record.isEmpty()) {
          rows.add(split(record));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static int countQuotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out.toArray(String[]::new);
  }
}
