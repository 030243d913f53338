package dev.papergraph.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads arXiv metadata records in JSON Lines (gzip or plain), in either of two shapes:
 *
 * <ul>
 *   <li>the Kaggle metadata snapshot ({@code arxiv-metadata-oai-snapshot.json}): {@code authors} a
 *       string, {@code authors_parsed} {@code [last, first, suffix]} triples, {@code categories}
 *       space-separated, {@code abstract}, {@code doi}, {@code journal-ref}, {@code versions} with
 *       RFC 1123 dates (the v1 date is the publication date);
 *   <li>daily listing dumps: {@code authors} and {@code categories} arrays, {@code summary}; the
 *       date is the month the arXiv id encodes ({@code 2503.11731} is March 2025).
 * </ul>
 *
 * Categories become {@link TopicSource#CATEGORY} topics of weight 1, the primary category first.
 * The same paper listed on several days merges by arXiv id in the corpus.
 */
public final class ArxivReader implements CorpusReader {

  private static final Pattern NEW_ID = Pattern.compile("(\\d{2})(\\d{2})\\.\\d{4,5}");
  private static final Pattern OLD_ID =
      Pattern.compile("[a-z\\-]+(?:\\.[A-Z]{2})?/(\\d{2})(\\d{2})\\d{3}");
  private static final Pattern WHITE = Pattern.compile("\\s+");

  private final JsonRecords records = new JsonRecords(Set.of(), ArxivReader::map);

  @Override
  public Format format() {
    return Format.ARXIV;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    records.read(source, sink);
  }

  static Paper map(JsonNode r, Provenance where) throws RecordException {
    String rawId = JsonFields.text(r, "id");
    if (rawId == null) {
      throw new RecordException("record has no arXiv \"id\"");
    }
    String arxiv =
        ExternalIds.normalizeArxiv(rawId)
            .orElseThrow(
                () ->
                    new RecordException(
                        "\"id\" is not an arXiv id: \"" + JsonFields.clip(rawId) + "\""));
    String title = clean(JsonFields.text(r, "title"));
    if (title == null) {
      throw new RecordException("arXiv " + arxiv + " has no title");
    }
    String abstractText = clean(JsonFields.text(r, "abstract"));
    if (abstractText == null) {
      abstractText = clean(JsonFields.text(r, "summary"));
    }
    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(abstractText)
            .ids(ExternalIds.of(JsonFields.text(r, "doi"), arxiv, null, null, null))
            .venue(clean(JsonFields.text(r, "journal-ref")))
            .addProvenance(where);
    authors(r, b);
    PartialDate date = firstVersionDate(r);
    b.date(date != null ? date : idMonth(arxiv));
    Set<String> categories = new LinkedHashSet<>();
    JsonNode cats = r.path("categories");
    if (cats.isTextual()) {
      for (String c : WHITE.split(cats.asText().strip())) {
        if (!c.isEmpty()) categories.add(c);
      }
    } else {
      for (JsonNode c : JsonFields.array(r, "categories")) {
        if (!c.isTextual()) {
          throw JsonFields.wrongType("categories[]", "text", c);
        }
        if (!c.asText().isBlank()) categories.add(c.asText().strip());
      }
    }
    for (String c : categories) {
      b.addTopic(new Topic(c, 1.0, TopicSource.CATEGORY));
    }
    return b.build();
  }

  private static void authors(JsonNode r, Paper.Builder b) throws RecordException {
    JsonNode parsed = r.path("authors_parsed");
    if (parsed.isArray() && !parsed.isEmpty()) {
      for (JsonNode a : parsed) {
        if (!a.isArray() || a.isEmpty()) {
          throw JsonFields.wrongType("authors_parsed[]", "an array [last, first, suffix]", a);
        }
        String last = a.path(0).asText("").strip();
        String first = a.path(1).asText("").strip();
        String suffix = a.path(2).asText("").strip();
        String name = (first + " " + last + (suffix.isEmpty() ? "" : " " + suffix)).strip();
        if (!name.isEmpty()) b.addAuthor(name);
      }
      return;
    }
    JsonNode authors = r.path("authors");
    if (authors.isTextual()) {
      // "A. One, B. Two and C. Three": LaTeX accents stay as written when no parsed form exists
      for (String name : authors.asText().replaceAll("\\s+", " ").split(",\\s*|\\s+and\\s+")) {
        if (!name.isBlank()) b.addAuthor(name.strip());
      }
    } else {
      for (JsonNode a : JsonFields.array(r, "authors")) {
        if (!a.isTextual()) {
          throw JsonFields.wrongType("authors[]", "text", a);
        }
        if (!a.asText().isBlank()) b.addAuthor(a.asText().strip());
      }
    }
  }

  /** The date of version 1 ("Mon, 2 Apr 2007 19:18:42 GMT"), or {@code null}. */
  private static PartialDate firstVersionDate(JsonNode r) {
    JsonNode created = r.path("versions").path(0).path("created");
    if (!created.isTextual()) {
      return null;
    }
    try {
      ZonedDateTime t =
          ZonedDateTime.parse(created.asText().strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return PartialDate.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The year and month an arXiv id encodes ({@code YYMM}: 1991-2090), or {@code null}. */
  static PartialDate idMonth(String arxiv) {
    Matcher m = NEW_ID.matcher(arxiv);
    if (!m.matches()) {
      m = OLD_ID.matcher(arxiv);
      if (!m.matches()) {
        return null;
      }
    }
    int yy = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      return null;
    }
    return new PartialDate(yy >= 91 ? 1900 + yy : 2000 + yy, month, null);
  }

  /** White space runs (arXiv's hard line breaks) to one space; blank to {@code null}. */
  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = WHITE.matcher(s).replaceAll(" ").strip();
    return t.isEmpty() ? null : t;
  }
}
