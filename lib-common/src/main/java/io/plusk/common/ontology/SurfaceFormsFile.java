package io.plusk.common.ontology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code surface-forms.tsv.gz}: the names of topics found in data, one per line,
 * {@code topic_id<TAB>form<TAB>prior<TAB>origin}. The form keeps its case (priors differ by case: "Twins" is the
 * baseball team half the time, "twins" almost never); {@code @x} is a handle, {@code #x} a hashtag; the prior is
 * P(topic | form) in [0, 1]; origin is one of {@link Alias.Origin} in lower case. Lines with topic id {@code -} and
 * origin {@code other} say that a form, written exactly so, most often means something that is no topic ("twins"
 * → Twin, 0.886): the linker weighs a topic's claim on that form against it.
 */
public final class SurfaceFormsFile {
  public static final String HEADER = "topic_id\tform\tprior\torigin";

  private SurfaceFormsFile() {}

  public static final String OTHER_SENSE_ID = "-";
  public static final String OTHER_SENSE_ORIGIN = "other";

  /** The forms of each topic, and the priors of senses that are no topic, by exact form. */
  record Contents(Map<String, List<Alias>> byTopic, Map<String, Double> otherSenses) {}

  static Contents read(InputStream in, Ontology ontology, String source) throws IOException {
    Map<String, List<Alias>> out = new HashMap<>();
    Map<String, Double> other = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    String line;
    int no = 0;
    while ((line = reader.readLine()) != null) {
      no++;
      if (line.isEmpty() || line.startsWith("#") || line.equals(HEADER)) {
        continue;
      }
      int a = line.indexOf('\t');
      int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
      int c = b < 0 ? -1 : line.indexOf('\t', b + 1);
      if (c < 0) {
        throw new IllegalArgumentException(String.format("%s line %d: expected %s", source, no, HEADER));
      }
      String topicId = line.substring(0, a);
      boolean otherSense = topicId.equals(OTHER_SENSE_ID);
      if (!otherSense && ontology.byId(topicId).isEmpty()) {
        throw new IllegalArgumentException(String.format("%s line %d: unknown topic id '%s'", source, no, topicId));
      }
      double prior;
      try {
        prior = Double.parseDouble(line.substring(b + 1, c));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(String.format("%s line %d: prior '%s' is not a number", source, no,
            line.substring(b + 1, c)));
      }
      if (!(prior >= 0 && prior <= 1)) {
        throw new IllegalArgumentException(String.format("%s line %d: prior %s is outside [0, 1]", source, no,
            prior));
      }
      if (otherSense) {
        other.put(line.substring(a + 1, b), prior);
        continue;
      }
      Alias.Origin origin;
      try {
        origin = Alias.Origin.valueOf(line.substring(c + 1).strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format("%s line %d: unknown origin '%s'", source, no,
            line.substring(c + 1)));
      }
      out.computeIfAbsent(topicId, k -> new ArrayList<>()).add(Alias.parse(line.substring(a + 1, b), prior, origin));
    }
    return new Contents(out, other);
  }

  /** Writes the forms of every topic that has some, in the topics' order, then the other senses. */
  public static void write(Iterable<Topic> topics, Map<String, Double> otherSenses, OutputStream out)
      throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(HEADER);
    w.write('\n');
    for (Topic t : topics) {
      for (Alias a : t.aliases()) {
        if (a.origin() == Alias.Origin.HAND) {
          continue;
        }
        String form = a.toString().replace('\t', ' ').replace('\n', ' ');
        w.write(t.id() + "\t" + form + "\t" + String.format(Locale.ROOT, "%.3f", a.prior()) + "\t"
            + a.origin().name().toLowerCase(Locale.ROOT) + "\n");
      }
    }
    for (Map.Entry<String, Double> o : new java.util.TreeMap<>(otherSenses).entrySet()) {
      w.write(OTHER_SENSE_ID + "\t" + o.getKey() + "\t" + String.format(Locale.ROOT, "%.3f", o.getValue()) + "\t"
          + OTHER_SENSE_ORIGIN + "\n");
    }
    w.flush();
  }
}
