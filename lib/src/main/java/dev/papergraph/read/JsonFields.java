package dev.papergraph.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.papergraph.model.PartialDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed access to the fields of a JSON record for the readers of JSON formats: a missing or null
 * field is "absent", a field of the wrong type is a {@link RecordException} naming the field.
 */
final class JsonFields {

  private static final Pattern DATE_PREFIX =
      Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?.*");

  private JsonFields() {}

  /** The object under {@code field}, or a missing node when absent. */
  static JsonNode object(JsonNode record, String field) throws RecordException {
    JsonNode n = record.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return MissingNode.getInstance();
    }
    if (!n.isObject()) {
      throw wrongType(field, "an object", n);
    }
    return n;
  }

  /** The elements of the array under {@code field}; empty when absent. */
  static Iterable<JsonNode> array(JsonNode record, String field) throws RecordException {
    JsonNode n = record.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw wrongType(field, "an array", n);
    }
    return n::elements;
  }

  /** The text under {@code field} (numbers as written), or {@code null} when absent or blank. */
  static String text(JsonNode record, String field) throws RecordException {
    JsonNode n = record.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isTextual() || n.isNumber() || n.isBoolean()) {
      String s = n.asText().strip();
      return s.isEmpty() ? null : s;
    }
    throw wrongType(field, "text", n);
  }

  /**
   * The non-negative whole number under {@code field} (a number or numeric text), or {@code null}.
   */
  static Integer count(JsonNode record, String field) throws RecordException {
    JsonNode n = record.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0) {
      return n.intValue();
    }
    if (n.isTextual() && n.asText().strip().matches("\\d{1,9}")) {
      return Integer.parseInt(n.asText().strip());
    }
    throw wrongType(field, "a non-negative whole number", n);
  }

  /** A score as a number or numeric text ("0.78"), clamped to [0, 1]; 1 when absent. */
  static double weight(JsonNode record, String field) throws RecordException {
    JsonNode n = record.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return 1.0;
    }
    double v;
    if (n.isNumber()) {
      v = n.doubleValue();
    } else if (n.isTextual()) {
      try {
        v = Double.parseDouble(n.asText().strip());
      } catch (NumberFormatException e) {
        throw wrongType(field, "a number", n);
      }
    } else {
      throw wrongType(field, "a number", n);
    }
    if (Double.isNaN(v)) {
      throw wrongType(field, "a number", n);
    }
    return Math.max(0, Math.min(1, v));
  }

  /**
   * The date at the start of a text such as {@code 2016-12-05}, {@code 2016-12}, {@code 2016} or
   * {@code 2016-12-05T10:00:00}; {@code null} when the text holds no valid date.
   */
  static PartialDate date(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = DATE_PREFIX.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    Integer month = m.group(2) == null ? null : Integer.parseInt(m.group(2));
    Integer day = m.group(3) == null ? null : Integer.parseInt(m.group(3));
    try {
      return new PartialDate(
          year,
          month == null || month == 0 ? null : month,
          month == null || month == 0 || day == null || day == 0 ? null : day);
    } catch (IllegalArgumentException e) {
      try {
        return PartialDate.ofYear(year);
      } catch (IllegalArgumentException e2) {
        return null;
      }
    }
  }

  /** A year as a date, or {@code null} when out of range. */
  static PartialDate year(Integer year) {
    if (year == null || year < 1000 || year > 9999) {
      return null;
    }
    return PartialDate.ofYear(year);
  }

  static RecordException wrongType(String field, String expected, JsonNode found) {
    return new RecordException(
        "field \"" + field + "\" should be " + expected + ", found " + describe(found));
  }

  private static String describe(JsonNode n) {
    if (n.isObject()) return "an object";
    if (n.isArray()) return "an array";
    if (n.isTextual()) return "text \"" + clip(n.asText()) + "\"";
    if (n.isBoolean()) return "a boolean";
    if (n.isNumber()) return "the number " + n.asText();
    return n.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
