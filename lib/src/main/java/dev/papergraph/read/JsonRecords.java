package dev.papergraph.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Provenance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The record streams of the JSON formats, whatever their packaging: a JSON array of records, JSON
 * Lines (one record, or one page of records, a line), a single record, an API page that holds its
 * records in a wrapper array ({@code {"meta":…,"results":[…]}}, Crossref's {@code
 * {"message":{"items":[…]}}}), and zip archives of any of these. Records are parsed one at a time
 * with Jackson's streaming parser, so memory stays bounded by the largest record.
 *
 * <p>A malformed JSON line is rejected and the next line read; in a JSON document (array or page)
 * the parser cannot resynchronise, so the error is rejected as one issue with its line and the rest
 * of that document is not read.
 */
final class JsonRecords {

  /** Maps one JSON record to a paper. */
  @FunctionalInterface
  interface Mapper {
    /**
     * @param record the record, a JSON object
     * @param where its position, to be added as the paper's provenance
     */
    Paper map(JsonNode record, Provenance where) throws RecordException;
  }

  /** Handles one JSON record: passes a paper (or an abstract supplement) to the sink. */
  @FunctionalInterface
  interface Handler {
    void handle(JsonNode record, Provenance where, RecordSink sink) throws RecordException;
  }

  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private final Set<String> wrappers;
  private final Handler handler;

  /**
   * @param wrappers the field names of arrays that hold a page's records ({@code results}, {@code
   *     items}, {@code data}); a {@code message} object is always descended into
   * @param mapper maps each record
   */
  JsonRecords(Set<String> wrappers, Mapper mapper) {
    this(wrappers, (Handler) (record, where, sink) -> sink.accept(mapper.map(record, where)));
  }

  /** Like {@link #JsonRecords(Set, Mapper)} for readers that also pass supplements. */
  JsonRecords(Set<String> wrappers, Handler handler) {
    this.wrappers = Set.copyOf(wrappers);
    this.handler = handler;
  }

  /** Reads every record of the source (a zip archive entry by entry) into the sink. */
  void read(InputSource source, RecordSink sink) throws IOException {
    if (ZipInputs.isZip(source.head(4))) {
      long[] total = {0};
      ZipInputs.forEachEntry(source, entry -> total[0] += readOne(entry, sink));
      if (total[0] == 0) {
        sink.warn(source.name(), "empty archive: no records");
      }
      return;
    }
    if (readOne(source, sink) == 0) {
      sink.warn(source.name(), "empty file: no records");
    }
  }

  /** Reads one JSON source; returns the number of records (accepted or rejected). */
  private long readOne(InputSource source, RecordSink sink) throws IOException {
    String file = source.name();
    int first = firstSignificantChar(source);
    if (first < 0) {
      return 0;
    }
    if (first == '[') {
      return readDocument(source, sink);
    }
    if (first != '{') {
      throw new CorpusFormatException(file, "not JSON: the content starts with '" + (char) first + "'");
    }
    try (BufferedReader r = reader(source.open())) {
      String line = firstLine(r);
      boolean lines = line != null;
      if (lines) {
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        try {
          MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          lines = false;
        }
      }
      if (!lines) {
        r.close();
        return readDocument(source, sink);
      }
      return readLines(file, line, r, sink);
    }
  }

  /** Longest first line tried as JSON Lines; a longer one is a one-line document, parsed streaming. */
  private static final int MAX_FIRST_LINE = 64 << 20;

  /** The first line, or {@code null} when it is longer than {@link #MAX_FIRST_LINE}. */
  private static String firstLine(BufferedReader r) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = r.read()) >= 0 && c != '\n') {
      if (b.length() >= MAX_FIRST_LINE) {
        return null;
      }
      b.append((char) c);
    }
    int end = b.length();
    if (end > 0 && b.charAt(end - 1) == '\r') {
      b.setLength(end - 1);
    }
    return b.toString();
  }

  private long readLines(String file, String firstLine, BufferedReader r, RecordSink sink) throws IOException {
    Counter c = new Counter();
    String text = firstLine;
    long line = 1;
    while (text != null) {
      if (!text.isBlank()) {
        JsonNode node = null;
        try {
          node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
          c.record++;
          sink.reject(new ImportIssue(file, line, c.record, "malformed JSON: " + oneLine(e.getOriginalMessage())));
        }
        if (node != null) {
          unwrap(node, file, line, c, sink);
        }
      }
      text = r.readLine();
      line++;
    }
    return c.record;
  }

  /** One line's value: a record, or a page whose records are in a wrapper array. */
  private void unwrap(JsonNode node, String file, long line, Counter c, RecordSink sink) {
    if (node.isObject()) {
      JsonNode message = node.get("message");
      if (message != null && message.isObject()) {
        unwrap(message, file, line, c, sink);
        return;
      }
      for (String w : wrappers) {
        JsonNode items = node.get(w);
        if (items != null && items.isArray()) {
          for (JsonNode item : items) {
            emit(item, file, line, c, sink, true);
          }
          return;
        }
      }
    }
    emit(node, file, line, c, sink, c.document);
  }

  /** @param named whether to name the record in messages (a line or document holds several) */
  private void emit(JsonNode node, String file, long line, Counter c, RecordSink sink, boolean named) {
    c.record++;
    String at = named ? "record " + c.record + ": " : "";
    if (!node.isObject()) {
      sink.reject(new ImportIssue(file, line, c.record, at + "record is not a JSON object but "
          + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
      return;
    }
    try {
      handler.handle(node, new Provenance(file, line, c.record), sink);
    } catch (RecordException e) {
      sink.reject(new ImportIssue(file, line, c.record, at + e.reason()));
    } catch (IllegalArgumentException e) {
      sink.reject(new ImportIssue(file, line, c.record, at + e.getMessage()));
    }
  }

  private long readDocument(InputSource source, RecordSink sink) throws IOException {
    String file = source.name();
    Counter c = new Counter();
    c.document = true;
    JsonFactory f = MAPPER.getFactory();
    try (JsonParser p = f.createParser(reader(source.open()))) {
      p.setCodec(MAPPER);
      try {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          readArray(p, file, c, sink);
        } else if (t == JsonToken.START_OBJECT) {
          ObjectNode rest = readObject(p, file, c, sink);
          if (rest != null) {
            unwrap(rest, file, 1, c, sink);
          }
        }
        if (p.nextToken() != null) {
          c.record++;
          sink.reject(new ImportIssue(file, p.currentTokenLocation().getLineNr(), c.record,
              "unexpected content after the end of the JSON document"));
        }
      } catch (JsonProcessingException e) {
        c.record++;
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        sink.reject(new ImportIssue(file, line, c.record, "malformed JSON: "
            + oneLine(e.getOriginalMessage()) + "; the rest of this document could not be read"));
      }
    }
    return c.record;
  }

  private void readArray(JsonParser p, String file, Counter c, RecordSink sink) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      JsonNode node = p.readValueAsTree();
      emit(node, file, line, c, sink, true);
    }
  }

  /**
   * Walks an object whose start token was just read: wrapper arrays are streamed record by record,
   * a {@code message} object is descended into, other fields are kept.
   *
   * @return the object's other fields when it held no wrapper array (it is then itself a record),
   *     else {@code null}
   */
  private ObjectNode readObject(JsonParser p, String file, Counter c, RecordSink sink) throws IOException {
    ObjectNode kept = MAPPER.createObjectNode();
    boolean wrapped = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY && wrappers.contains(field)) {
        readArray(p, file, c, sink);
        wrapped = true;
      } else if (t == JsonToken.START_OBJECT && field.equals("message")) {
        ObjectNode inner = readObject(p, file, c, sink);
        if (inner != null) {
          unwrap(inner, file, 1, c, sink);
        }
        wrapped = true;
      } else {
        kept.set(field, p.readValueAsTree());
      }
    }
    return wrapped ? null : kept;
  }

  private static final class Counter {
    long record;
    boolean document;
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** The first character that is not white space or a byte-order mark, or -1 for an empty input. */
  private static int firstSignificantChar(InputSource source) throws IOException {
    try (BufferedReader r = reader(source.open())) {
      int ch;
      while ((ch = r.read()) >= 0) {
        if (!Character.isWhitespace(ch) && ch != '\uFEFF') {
          return ch;
        }
      }
      return -1;
    }
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
