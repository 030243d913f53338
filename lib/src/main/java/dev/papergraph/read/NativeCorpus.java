package dev.papergraph.read;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papergraph.concurrent.Parallel;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;

/**
 * papergraph's own corpus format, lossless for every field of {@link Paper}: a JSON document {@code
 * {"format":"papergraph-corpus","version":1,"papers":[…]}} or JSON Lines with one paper object per
 * line. Reading streams; each paper that does not bind is rejected with its line.
 *
 * <p>The JSON Lines reader also takes plain records of one's own: only {@code title} is required,
 * {@code abstract} is read as {@code abstractText}, and a record without {@code provenance} gets
 * its file, line and record number as provenance.
 */
public final class NativeCorpus {

  /** The value of the document's {@code format} field. */
  public static final String FORMAT_TAG = "papergraph-corpus";

  /** The version written; readers accept this version. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private NativeCorpus() {}

  /** The mapper used for papers (shared, thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes the papers as a JSON document, atomically. */
  public static void writeJson(Collection<Paper> papers, Path target, boolean overwrite)
      throws IOException {
    AtomicOutput.write(target, overwrite, out -> writeJson(papers, out));
  }

  /** Writes the papers as a JSON document to a stream (left open). */
  public static void writeJson(Collection<Paper> papers, OutputStream out) throws IOException {
    JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("format", FORMAT_TAG);
    g.writeNumberField("version", VERSION);
    g.writeArrayFieldStart("papers");
    for (Paper p : papers) {
      MAPPER.writeValue(g, p);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }

  /** Writes the papers as JSON Lines, atomically. */
  public static void writeJsonl(Collection<Paper> papers, Path target, boolean overwrite)
      throws IOException {
    AtomicOutput.write(target, overwrite, out -> writeJsonl(papers, out));
  }

  /** Writes the papers as JSON Lines to a stream (left open). */
  public static void writeJsonl(Collection<Paper> papers, OutputStream out) throws IOException {
    var w = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    for (Paper p : papers) {
      out.write(w.writeValueAsBytes(p));
      out.write('\n');
    }
    out.flush();
  }

  /** The reader of the JSON document form. */
  public static CorpusReader jsonReader() {
    return new JsonReader();
  }

  /** The reader of the JSON Lines form. */
  public static CorpusReader jsonlReader() {
    return new JsonlReader();
  }

  private static final class JsonReader implements CorpusReader {
    @Override
    public Format format() {
      return Format.PAPERGRAPH_JSON;
    }

    @Override
    public void read(InputSource source, RecordSink sink) throws IOException {
      String file = source.name();
      JsonFactory f = MAPPER.getFactory();
      try (JsonParser p = f.createParser(source.openText())) {
        p.setCodec(MAPPER);
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new CorpusFormatException(file, "not a papergraph corpus: expected a JSON object");
        }
        boolean sawPapers = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          switch (field) {
            case "format" -> {
              if (!FORMAT_TAG.equals(p.getValueAsString())) {
                throw new CorpusFormatException(
                    file, "not a papergraph corpus: format is \"" + p.getText() + "\"");
              }
            }
            case "version" -> {
              if (p.getIntValue() > VERSION) {
                throw new CorpusFormatException(
                    file,
                    "corpus version "
                        + p.getIntValue()
                        + " is newer than this papergraph reads ("
                        + VERSION
                        + ")");
              }
            }
            case "papers" -> {
              sawPapers = true;
              if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new CorpusFormatException(file, "\"papers\" is not an array");
              }
              long record = 0;
              while (p.nextToken() != JsonToken.END_ARRAY) {
                record++;
                long line = p.currentLocation().getLineNr();
                JsonNode node = p.readValueAsTree();
                bind(node, file, line, record, sink);
              }
            }
            default -> p.skipChildren();
          }
        }
        if (!sawPapers) {
          throw new CorpusFormatException(file, "not a papergraph corpus: no \"papers\" array");
        }
      } catch (JsonProcessingException e) {
        throw new CorpusFormatException(
            file,
            "malformed JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(),
            e);
      }
    }
  }

  private static final class JsonlReader implements CorpusReader {
    @Override
    public Format format() {
      return Format.PAPERGRAPH_JSONL;
    }

    @Override
    public void read(InputSource source, RecordSink sink) throws IOException {
      read(source, sink, 1);
    }

    /**
     * Reads the lines in batches, the records of a batch parsed and bound on the threads, then
     * handed to the sink in line order, on the calling thread.
     */
    @Override
    public void read(InputSource source, RecordSink sink, int threads) throws IOException {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      String file = source.name();
      int batch = threads == 1 ? 1 : BATCH;
      String[] texts = new String[batch];
      long[] lines = new long[batch];
      long[] records = new long[batch];
      Outcome[] outcomes = new Outcome[batch];
      try (TextLines r = new TextLines(source.openText())) {
        String text = "";
        long line = 0;
        long record = 0;
        while (text != null) {
          int m = 0;
          while (m < batch && (text = r.next()) != null) {
            line++;
            if (text.isBlank()) {
              continue;
            }
            record++;
            // an over-long line is not parsed (null)
            texts[m] = r.overLong() ? null : text;
            lines[m] = line;
            records[m] = record;
            m++;
          }
          Parallel.forEach(
              threads, m, i -> outcomes[i] = parse(texts[i], file, lines[i], records[i]));
          for (int i = 0; i < m; i++) {
            outcomes[i].give(sink);
            outcomes[i] = null;
            texts[i] = null;
          }
        }
        if (record == 0) {
          sink.warn(file, "empty file: no records");
        }
      }
    }
  }

  /** What a record gives the sink (a paper or a rejection), made before it is given. */
  @FunctionalInterface
  private interface Outcome {
    void give(RecordSink sink);
  }

  /** Lines read and parsed at a time with more than one thread. */
  private static final int BATCH = 1024;

  /**
   * What one line of JSON Lines gives the sink: a paper or a rejection; a line that fails otherwise
   * throws when given, so the sink has had the lines before it, as when read one at a time.
   *
   * @param text the line, {@code null} when it was over-long
   */
  private static Outcome parse(String text, String file, long line, long record) {
    try {
      if (text == null) {
        ImportIssue issue =
            new ImportIssue(
                file,
                line,
                record,
                "line is over "
                    + Limits.MAX_RECORD_CHARS
                    + " characters long, the limit of one record");
        return s -> s.reject(issue);
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        ImportIssue issue =
            new ImportIssue(file, line, record, "malformed JSON: " + e.getOriginalMessage());
        return s -> s.reject(issue);
      }
      return outcome(node, file, line, record);
    } catch (RuntimeException e) {
      return s -> {
        throw e;
      };
    }
  }

  private static void bind(JsonNode node, String file, long line, long record, RecordSink sink) {
    outcome(node, file, line, record).give(sink);
  }

  /** What a record gives the sink: the paper it binds to, or its rejection. */
  private static Outcome outcome(JsonNode node, String file, long line, long record) {
    if (!node.isObject()) {
      ImportIssue issue =
          new ImportIssue(
              file, line, record, "expected a paper object, found " + node.getNodeType());
      return s -> s.reject(issue);
    }
    if (!node.hasNonNull("title") || node.get("title").asText().isBlank()) {
      ImportIssue issue = new ImportIssue(file, line, record, "paper has no title");
      return s -> s.reject(issue);
    }
    ObjectNode fields = (ObjectNode) node;
    // plain records of one's own say "abstract" (as the Python peer's JSONL does)
    if (!fields.hasNonNull("abstractText") && fields.path("abstract").isTextual()) {
      fields.set("abstractText", fields.remove("abstract"));
    }
    if (!fields.has("provenance")) {
      fields
          .putArray("provenance")
          .addObject()
          .put("file", file)
          .put("line", line)
          .put("record", record);
    }
    boolean hasId = node.hasNonNull("id");
    if (!hasId) {
      // the id is derived from the other fields once they are bound
      ((ObjectNode) node).put("id", "unassigned");
    }
    try {
      Paper bound = MAPPER.treeToValue(node, Paper.class);
      Paper paper = hasId ? bound : bound.toBuilder().id(bound.derivedId()).build();
      return s -> s.accept(paper);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        msg = cause.getMessage();
      }
      ImportIssue issue = new ImportIssue(file, line, record, "invalid paper: " + msg);
      return s -> s.reject(issue);
    }
  }
}
