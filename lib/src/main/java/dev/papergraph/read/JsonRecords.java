package dev.papergraph.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Provenance;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
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

  /**
   * The mapper of every JSON reader: strings up to 64 M characters (Jackson's default of 20 M would
   * fail a legitimate large value before {@link RecordDoor} can name the bound), nesting bounded by
   * {@link Limits#MAX_NESTING}.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(64 << 20)
                          .maxNestingDepth(Limits.MAX_NESTING)
                          .build())
                  .build())
          .build();

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
      throw new CorpusFormatException(
          file, "not JSON: the content starts with '" + (char) first + "'");
    }
    return readValues(source, sink);
  }

  /**
   * Reads a stream of top-level JSON values, each framed by its brackets before Jackson parses it:
   * JSON Lines, concatenated (pretty-printed) objects as jq writes them, or one object. A value
   * that does not parse costs only itself. A value still open when a line starts with <code>{
   * </code> or <code>[</code> in its first column (where only a new top-level value starts, in JSON
   * Lines and in jq's output alike) was cut short: it is rejected and the new value read.
   */
  private long readValues(InputSource source, RecordSink sink) throws IOException {
    String file = source.name();
    Counter c = new Counter();
    try (Reader in = source.openText()) {
      ValueFramer framer = new ValueFramer(in);
      ValueFramer.Value v;
      while ((v = framer.next()) != null) {
        if (v.problem() != null) {
          if (v.problem().equals(ValueFramer.TOO_LONG) && c.record == 0 && framer.atEnd()) {
            // one document over the record limit (a large API page): stream it with Jackson
            return readDocument(source, sink);
          }
          c.record++;
          sink.reject(new ImportIssue(file, v.line(), c.record, v.problem()));
          continue;
        }
        // records of a value spanning lines are named in messages, as in a document
        c.document = v.text().indexOf('\n') >= 0;
        c.lineOffset = v.line() - 1;
        try (JsonParser p = MAPPER.getFactory().createParser(v.text())) {
          p.setCodec(MAPPER);
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_OBJECT) {
            // a page's wrapper array is streamed, so its records keep their own lines
            ObjectNode rest = readObject(p, file, c, sink);
            if (rest != null) {
              unwrap(rest, file, v.line(), c, sink);
            }
          } else {
            unwrap(p.readValueAsTree(), file, v.line(), c, sink);
          }
          if (p.nextToken() != null) {
            throw new JsonParseException(p, "unexpected content after the value");
          }
        } catch (JsonProcessingException e) {
          c.record++;
          sink.reject(
              new ImportIssue(
                  file,
                  v.line() + lineOf(e) - 1,
                  c.record,
                  "malformed JSON: " + oneLine(e.getOriginalMessage())));
        } finally {
          c.lineOffset = 0;
        }
      }
    }
    return c.record;
  }

  private static long lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
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

  /**
   * @param named whether to name the record in messages (a line or document holds several)
   */
  private void emit(
      JsonNode node, String file, long line, Counter c, RecordSink sink, boolean named) {
    c.record++;
    String at = named ? "record " + c.record + ": " : "";
    if (!node.isObject()) {
      sink.reject(
          new ImportIssue(
              file,
              line,
              c.record,
              at
                  + "record is not a JSON object but "
                  + node.getNodeType().toString().toLowerCase(Locale.ROOT)));
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
    try (JsonParser p = f.createParser(source.openText())) {
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
          sink.reject(
              new ImportIssue(
                  file,
                  p.currentTokenLocation().getLineNr(),
                  c.record,
                  "unexpected content after the end of the JSON document"));
        }
      } catch (JsonProcessingException e) {
        c.record++;
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        sink.reject(
            new ImportIssue(
                file,
                line,
                c.record,
                "malformed JSON: "
                    + oneLine(e.getOriginalMessage())
                    + "; the rest of this document could not be read"));
      }
    }
    return c.record;
  }

  private void readArray(JsonParser p, String file, Counter c, RecordSink sink) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = c.lineOffset + p.currentTokenLocation().getLineNr();
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
  private ObjectNode readObject(JsonParser p, String file, Counter c, RecordSink sink)
      throws IOException {
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
          unwrap(inner, file, c.lineOffset + 1, c, sink);
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

    /** Lines before the value being parsed, which Jackson counts from 1. */
    long lineOffset;

    boolean document;
  }

  /** The first character that is not white space or a byte-order mark, or -1 for an empty input. */
  private static int firstSignificantChar(InputSource source) throws IOException {
    try (Reader r = source.openText()) {
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
