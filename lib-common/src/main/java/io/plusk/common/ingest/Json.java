package io.plusk.common.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Field readers shared by every dump parser; each turns a missing or malformed field into a {@link Rejection}. */
final class Json {
  // Integers stay exact without USE_BIG_INTEGER_FOR_INTS (Jackson takes a BigInteger only past a long's range);
  // turning it on made every count of every status a BigInteger.
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  /** Compiled once: an id is checked for every status, user and mention of every line. */
  private static final Pattern ID = Pattern.compile("[0-9A-Za-z_\\-:.]{1,64}");
  static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

  private static final DateTimeFormatter TWITTER_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

  private Json() {}

  /** Any JSON value (object or array); scalars and garbage are rejections. */
  static JsonNode parseAny(String line) throws Rejection {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new Rejection("malformed_json", e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new Rejection("malformed_json", "no JSON value on the line");
    }
    return node;
  }

  static JsonNode parseObject(String line) throws Rejection {
    JsonNode node = parseAny(line);
    if (node.isArray()) {
      throw new Rejection("json_array", "a JSON array, expected one object per line");
    }
    if (!node.isObject()) {
      throw new Rejection("not_an_object", "expected a JSON object, found " + node.getNodeType());
    }
    return node;
  }

  /**
   * Reads an id that must survive exactly: a string, or an integral JSON number (kept digit for digit). A number
   * with a fraction or an exponent was float-rounded somewhere upstream and cannot be trusted.
   */
  static String id(JsonNode parent, String field, boolean required) throws Rejection {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      if (required) {
        throw new Rejection("missing_field", "missing required id field '" + field + "'");
      }
      return null;
    }
    if (n.isTextual()) {
      String s = n.asText().strip();
      if (!ID.matcher(s).matches()) {
        throw new Rejection("bad_id", "field '" + field + "' is not a valid id: " + abbreviate(s));
      }
      return s;
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isNumber()) {
      throw new Rejection("id_not_exact", "field '" + field + "' is a non-integral number " + n
          + " (float-rounded id)");
    }
    throw new Rejection("wrong_type", "field '" + field + "' must be a string id, found " + n.getNodeType());
  }

  static String text(JsonNode parent, String field) throws Rejection {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new Rejection("wrong_type", "field '" + field + "' must be a string, found " + n.getNodeType());
    }
    return n.asText();
  }

  static String requiredText(JsonNode parent, String field) throws Rejection {
    String s = text(parent, field);
    if (s == null || s.isBlank()) {
      throw new Rejection("missing_field", "missing required field '" + field + "'");
    }
    return s;
  }

  /** Twitter's "Wed Oct 10 20:19:24 +0000 2018" or ISO-8601 with an offset. */
  static Instant timestamp(JsonNode parent, String field) throws Rejection {
    String s = requiredText(parent, field).strip();
    try {
      if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
        return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
      }
      return OffsetDateTime.parse(s, TWITTER_DATE).toInstant();
    } catch (DateTimeParseException e) {
      throw new Rejection("bad_timestamp", "field '" + field + "' is not a timestamp: " + abbreviate(s));
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
