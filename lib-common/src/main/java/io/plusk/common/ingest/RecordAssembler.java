package io.plusk.common.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns the physical lines of one dump file into records: one per line, except that a pretty-printed JSON document
 * (a line holding only {@code {} or {@code [}, then indented lines until the brackets balance) becomes one record
 * at its first line. Lines are decoded as strict UTF-8; a line that is not valid UTF-8, holds raw control
 * characters or is longer than the limit becomes a record with a defect (its reason code) instead of text to parse.
 * Feed lines in order with {@link #accept}, then call {@link #finish}; records come out of {@link #poll}. An
 * assembler may also read a byte range of a file that starts after its first line (a split read in parallel with
 * the others): it then keeps a byte-order mark on its first line, and {@link #insideDocument} tells at the end of the
 * range whether a document went on past it.
 */
public final class RecordAssembler {
  /** One record: its first line number, its text, and the defect that makes it unusable (null when none). */
  public record Record(long lineNo, String text, String defect, String detail) {}

  private static final int MAX_DOCUMENT_LINES = 100_000;

  private final int maxRecordChars;
  private final boolean startsTheFile;
  private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final Deque<Record> ready = new ArrayDeque<>();
  private final List<Record> document = new ArrayList<>();
  private int documentChars;
  private int depth;

  public RecordAssembler(int maxRecordChars) {
    this(maxRecordChars, true);
  }

  /** @param startsTheFile whether line 1 fed here is the file's first line (where a byte-order mark may be) */
  public RecordAssembler(int maxRecordChars, boolean startsTheFile) {
    this.maxRecordChars = maxRecordChars;
    this.startsTheFile = startsTheFile;
  }

  /** Whether the lines fed so far end inside a pretty-printed document that has not closed yet. */
  public boolean insideDocument() {
    return !document.isEmpty();
  }

  /** One physical line (without its line end), 1-based number, as raw bytes. */
  public void accept(long lineNo, byte[] bytes, int length) {
    Record line = decode(lineNo, bytes, length);
    if (line == null) {
      return;
    }
    if (document.isEmpty()) {
      route(line);
    } else {
      continueDocument(line);
    }
  }

  /** The end of the file: an unfinished document comes out as one record (it will fail to parse). */
  public void finish() {
    flushDocument();
  }

  public Record poll() {
    return ready.poll();
  }

  private void continueDocument(Record line) {
    boolean newRecordStarts = line.text().startsWith("{") || line.text().startsWith("[");
    if (line.defect() != null || newRecordStarts) {
      // An opener at column 0 inside a document means the document was cut short: it stays one (broken) record.
      flushDocument();
      route(line);
      return;
    }
    document.add(line);
    documentChars += line.text().length() + 1;
    depth += depthChange(line.text());
    if (depth <= 0) {
      flushDocument();
    } else if (document.size() >= MAX_DOCUMENT_LINES || documentChars > maxRecordChars) {
      // Not a document after all (or far too big for one): its lines stand alone.
      ready.addAll(document);
      document.clear();
    }
  }

  private void flushDocument() {
    if (document.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(documentChars);
    for (Record r : document) {
      sb.append(r.text()).append('\n');
    }
    ready.add(new Record(document.get(0).lineNo(), sb.toString().strip(), null, null));
    document.clear();
  }

  private void route(Record line) {
    if (line.defect() == null && opensDocument(line.text())) {
      document.add(line);
      documentChars = line.text().length();
      depth = depthChange(line.text());
    } else {
      ready.add(line);
    }
  }

  private Record decode(long lineNo, byte[] bytes, int length) {
    String text;
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    try {
      CharBuffer chars = strict.reset().decode(in);
      text = chars.toString();
    } catch (CharacterCodingException e) {
      // The decoder stops with the buffer at the first bad byte.
      return new Record(lineNo, new String(bytes, 0, length, StandardCharsets.UTF_8), "invalid_utf8",
          "not valid UTF-8 at byte " + (in.position() + 1) + " of the line (the raw text shows it as U+FFFD)");
    }
    if (lineNo == 1 && startsTheFile && text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return null;
    }
    if (text.length() > maxRecordChars) {
      return new Record(lineNo, text.substring(0, maxRecordChars), "line_too_long", String.format(
          "%d characters, over the limit of %d; the raw text keeps the first %d", text.length(), maxRecordChars,
          maxRecordChars));
    }
    int control = firstControlCharacter(text);
    if (control >= 0) {
      return new Record(lineNo, text, "control_characters", String.format(
          "raw control character U+%04X at column %d (JSON allows them only escaped)", (int) text.charAt(control),
          control + 1));
    }
    return new Record(lineNo, text, null, null);
  }

  /** Raw C0 control characters other than tab; JSON text may carry them only escaped. */
  static int firstControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t') {
        return i;
      }
    }
    return -1;
  }

  /** A pretty-printer's first line: nothing but opening brackets. */
  static boolean opensDocument(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != '{' && c != '[' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** Opening minus closing brackets outside strings. */
  static int depthChange(String text) {
    int change = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        change++;
      } else if (c == '}' || c == ']') {
        change--;
      }
    }
    return change;
  }
}
