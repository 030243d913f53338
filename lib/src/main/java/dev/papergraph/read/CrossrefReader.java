package dev.papergraph.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Crossref works: REST API responses for one work ({@code {"message-type":"work",
 * "message":{…}}}), work lists ({@code "message":{"items":[…]}}, cursor pages), bare work objects
 * and citeproc JSON (content negotiation), as documents, JSON Lines or zip archives.
 *
 * <p>Mapping: {@code title} (first element; inline markup removed), {@code abstract} (JATS markup
 * removed), {@code author} given + family (or {@code name}), the date from {@code issued}, else
 * {@code published-print}/{@code published-online}/{@code published}/{@code created} ({@code
 * date-parts}), {@code container-title} as venue, {@code is-referenced-by-count}, {@code subject}
 * as {@link TopicSource#CATEGORY} topics, and every {@code reference} with a DOI as a reference
 * {@code doi:…}.
 */
public final class CrossrefReader implements CorpusReader {

  private static final Pattern JATS_TITLE = Pattern.compile("(?s)<jats:title>.*?</jats:title>");
  private static final Pattern TAG = Pattern.compile("</?(?:[a-zA-Z]+:)?([a-zA-Z]+)[^>]{0,200}>");
  private static final Set<String> BLOCK_TAGS =
      Set.of("p", "title", "sec", "br", "list", "list-item", "para", "div");

  private final JsonRecords records = new JsonRecords(Set.of("items"), CrossrefReader::map);

  @Override
  public Format format() {
    return Format.CROSSREF;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    records.read(source, sink);
  }

  static Paper map(JsonNode w, Provenance where) throws RecordException {
    String doi = JsonFields.text(w, "DOI");
    String title = markupFree(first(w, "title"));
    if (title == null) {
      throw new RecordException("work " + (doi == null ? "(no DOI)" : doi) + " has no title");
    }
    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(abstractFrom(JsonFields.text(w, "abstract")))
            .ids(ExternalIds.of(doi, null, null, null, null))
            .venue(markupFree(first(w, "container-title")))
            .citedByCount(JsonFields.count(w, "is-referenced-by-count"))
            .addProvenance(where);
    for (String field :
        new String[] {"issued", "published-print", "published-online", "published", "created"}) {
      PartialDate d = dateParts(JsonFields.object(w, field));
      if (d != null) {
        b.date(d);
        break;
      }
    }
    for (JsonNode a : JsonFields.array(w, "author")) {
      String name = JsonFields.text(a, "name");
      if (name == null) {
        String given = JsonFields.text(a, "given");
        String family = JsonFields.text(a, "family");
        name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
      }
      if (!name.isEmpty()) b.addAuthor(name);
    }
    for (JsonNode s : JsonFields.array(w, "subject")) {
      if (s.isTextual() && !s.asText().isBlank())
        b.addTopic(new Topic(s.asText(), 1.0, TopicSource.CATEGORY));
    }
    for (JsonNode ref : JsonFields.array(w, "reference")) {
      ExternalIds.normalizeDoi(JsonFields.text(ref, "DOI"))
          .ifPresent(d -> b.addReference("doi:" + d));
    }
    return b.build();
  }

  /** A field that is an array of strings (API) or one string (citeproc): its first value. */
  private static String first(JsonNode w, String field) throws RecordException {
    JsonNode n = w.path(field);
    if (n.isArray()) {
      for (JsonNode e : n) {
        if (e.isTextual() && !e.asText().isBlank()) return e.asText();
      }
      return null;
    }
    return JsonFields.text(w, field);
  }

  /** {@code {"date-parts":[[2012,3,21]]}} with parts possibly missing or null. */
  private static PartialDate dateParts(JsonNode date) {
    JsonNode parts = date.path("date-parts").path(0);
    if (!parts.isArray() || parts.isEmpty() || !parts.get(0).canConvertToInt()) {
      return null;
    }
    StringBuilder iso = new StringBuilder(String.format("%04d", parts.get(0).asInt()));
    for (int i = 1; i < Math.min(3, parts.size()) && parts.get(i).canConvertToInt(); i++) {
      iso.append('-').append(String.format("%02d", parts.get(i).asInt()));
    }
    return JsonFields.date(iso.toString());
  }

  /** JATS abstract without its markup and its "Abstract" heading. */
  static String abstractFrom(String jats) {
    if (jats == null) {
      return null;
    }
    return markupFree(JATS_TITLE.matcher(jats).replaceAll(" "));
  }

  /** Text without XML/HTML markup: block tags become a space, inline tags ({@code <i>}) vanish. */
  static String markupFree(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = TAG.matcher(s);
    StringBuilder b = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(b, BLOCK_TAGS.contains(m.group(1).toLowerCase(Locale.ROOT)) ? " " : "");
    }
    m.appendTail(b);
    String t =
        b.toString()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
            .replaceAll("\\s+", " ")
            .strip();
    return t.isEmpty() ? null : t;
  }
}
