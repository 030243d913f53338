package dev.papergraph.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Semantic Scholar paper records in every shape S2 has published, told apart per record:
 *
 * <ul>
 *   <li>Graph API paper objects ({@code paperId}, {@code externalIds}, {@code fieldsOfStudy},
 *       {@code s2FieldsOfStudy}, {@code references}, {@code citations}), alone, in search and bulk
 *       pages ({@code data}), in references/citations pages ({@code citedPaper}/{@code
 *       citingPaper}) and in recommendation pages ({@code recommendedPapers});
 *   <li>S2AG dataset JSONL: {@code papers} ({@code corpusid}, {@code externalids}, {@code
 *       s2fieldsofstudy}); {@code abstracts} records ({@code corpusid} + {@code abstract}, no
 *       title) are joined to the paper of that corpus id wherever it is read ({@link
 *       RecordSink#supplement}); {@code s2orc} full-text records, title and abstract cut from the
 *       text by their annotation spans;
 *   <li>S2ORC 2020 metadata ({@code paper_id}, {@code mag_field_of_study}, {@code
 *       outbound_citations}) and pdf-parse documents ({@code paper_id} + {@code metadata});
 *   <li>the 2017 Open Research Corpus ({@code id}, {@code paperAbstract}, {@code entities}, {@code
 *       inCitations}, {@code outCitations}).
 * </ul>
 *
 * <p>The S2 id is the 40-hex paper id when the record has one, else the corpus id; references use
 * the cited paper's DOI when given, else its S2 id in the same form. Fields of study become {@link
 * TopicSource#CATEGORY} topics, 2017 entities {@link TopicSource#CONCEPT} topics.
 */
public final class SemanticScholarReader implements CorpusReader {

  private final JsonRecords records =
      new JsonRecords(Set.of("data", "recommendedPapers"), SemanticScholarReader::handle);

  @Override
  public Format format() {
    return Format.SEMANTIC_SCHOLAR;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    records.read(source, sink);
  }

  static void handle(JsonNode r, Provenance where, RecordSink sink) throws RecordException {
    for (String inner : new String[] {"citedPaper", "citingPaper"}) {
      if (r.path(inner).isObject()) {
        r = r.get(inner);
      }
    }
    String corpusId = JsonFields.text(r, "corpusid");
    if (corpusId == null) {
      corpusId = JsonFields.text(r, "corpusId");
    }
    if (corpusId != null && r.has("abstract") && !r.has("title") && !r.has("content")) {
      String abstractText = JsonFields.text(r, "abstract");
      if (abstractText == null) {
        throw new RecordException(
            "abstract record for corpus id " + corpusId + " has an empty abstract");
      }
      sink.supplement("s2:" + corpusId, abstractText, where);
      return;
    }
    sink.accept(map(r, corpusId, where));
  }

  private static Paper map(JsonNode r, String corpusId, Provenance where) throws RecordException {
    JsonNode metadata = JsonFields.object(r, "metadata");
    JsonNode m = metadata.isMissingNode() ? r : metadata;
    String paperId = JsonFields.text(r, "paperId");
    if (paperId == null) {
      paperId = JsonFields.text(r, "id");
    }
    if (paperId == null) {
      paperId = JsonFields.text(r, "paper_id");
    }
    String s2 = paperId != null ? paperId : corpusId;

    String title = JsonFields.text(m, "title");
    String abstractText = m.path("abstract").isTextual() ? JsonFields.text(m, "abstract") : null;
    if (abstractText == null) {
      abstractText = JsonFields.text(r, "paperAbstract");
    }
    JsonNode content = JsonFields.object(r, "content");
    if (!content.isMissingNode()) {
      String text = content.path("text").isTextual() ? content.get("text").asText() : null;
      JsonNode notes = JsonFields.object(content, "annotations");
      if (title == null) title = span(text, notes, "title");
      if (abstractText == null) abstractText = span(text, notes, "abstract");
    }
    if (title == null) {
      throw new RecordException("paper " + (s2 == null ? "(no id)" : s2) + " has no title");
    }

    JsonNode ext = JsonFields.object(r, "externalIds");
    if (ext.isMissingNode()) ext = JsonFields.object(r, "externalids");
    String doi = firstText(ext, "DOI", "doi");
    if (doi == null) doi = JsonFields.text(m, "doi");
    String arxiv = firstText(ext, "ArXiv", "arxiv");
    if (arxiv == null) arxiv = JsonFields.text(m, "arxiv_id");
    String pmid = firstText(ext, "PubMed", "pubmed");
    if (pmid == null) pmid = JsonFields.text(m, "pubmed_id");
    if (pmid == null) pmid = JsonFields.text(r, "pmid");
    if (pmid != null) pmid = pmid.replaceFirst("v\\d+$", "");

    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(abstractText)
            .ids(ExternalIds.of(doi, arxiv, null, s2, pmid))
            .addProvenance(where);
    PartialDate date = JsonFields.date(firstText(r, "publicationDate", "publicationdate"));
    b.date(date != null ? date : JsonFields.year(JsonFields.count(m, "year")));
    b.venue(venue(r, m));
    Integer cited = JsonFields.count(r, "citationCount");
    if (cited == null) cited = JsonFields.count(r, "citationcount");
    if (cited == null && r.path("inCitations").isArray()) cited = r.get("inCitations").size();
    if (cited == null && r.path("inbound_citations").isArray())
      cited = r.get("inbound_citations").size();
    b.citedByCount(cited);
    for (JsonNode a : JsonFields.array(m, "authors")) {
      String name = a.isTextual() ? a.asText() : JsonFields.text(a, "name");
      if (name == null && a.isObject()) {
        name = personName(a);
      }
      if (name != null && !name.isBlank()) b.addAuthor(name.strip());
    }
    Map<String, Topic> topics = new LinkedHashMap<>();
    for (String field : new String[] {"fieldsOfStudy", "mag_field_of_study"}) {
      for (JsonNode f : JsonFields.array(r, field)) {
        addTopic(topics, f.asText(), TopicSource.CATEGORY);
      }
    }
    for (String field : new String[] {"s2FieldsOfStudy", "s2fieldsofstudy"}) {
      for (JsonNode f : JsonFields.array(r, field)) {
        addTopic(
            topics,
            f.isObject() ? f.path("category").asText("") : f.asText(),
            TopicSource.CATEGORY);
      }
    }
    for (JsonNode e : JsonFields.array(r, "entities")) {
      addTopic(topics, e.asText(), TopicSource.CONCEPT);
    }
    b.topics(List.copyOf(topics.values()));
    for (JsonNode ref : JsonFields.array(r, "references")) {
      String key = referenceKey(ref.path("citedPaper").isObject() ? ref.get("citedPaper") : ref);
      if (key != null) b.addReference(key);
    }
    for (String field : new String[] {"outCitations", "outbound_citations"}) {
      for (JsonNode ref : JsonFields.array(r, field)) {
        if (!ref.asText().isBlank()) b.addReference("s2:" + ref.asText().strip());
      }
    }
    return b.build();
  }

  /** A cited paper object's best key: its DOI, else arXiv id, else S2 paper id. */
  private static String referenceKey(JsonNode ref) throws RecordException {
    if (ref.isTextual()) {
      return ref.asText().isBlank() ? null : "s2:" + ref.asText().strip();
    }
    JsonNode ext = JsonFields.object(ref, "externalIds");
    ExternalIds ids =
        ExternalIds.of(
            JsonFields.text(ext, "DOI"),
            JsonFields.text(ext, "ArXiv"),
            null,
            JsonFields.text(ref, "paperId"),
            null);
    return ids.keys().isEmpty() ? null : ids.keys().get(0);
  }

  private static String venue(JsonNode r, JsonNode m) throws RecordException {
    for (JsonNode node : new JsonNode[] {r, m}) {
      JsonNode journal = node.path("journal");
      String v =
          journal.isObject() ? JsonFields.text(journal, "name") : JsonFields.text(node, "journal");
      if (v != null) return v;
    }
    String v = m.path("venue").isTextual() ? JsonFields.text(m, "venue") : null;
    return v != null ? v : JsonFields.text(r, "journalName");
  }

  private static String personName(JsonNode a) {
    StringBuilder b = new StringBuilder(a.path("first").asText(""));
    for (JsonNode mid : a.path("middle")) {
      b.append(' ').append(mid.asText(""));
    }
    b.append(' ').append(a.path("last").asText("")).append(' ').append(a.path("suffix").asText(""));
    return b.toString().replaceAll("\\s+", " ").strip();
  }

  private static void addTopic(Map<String, Topic> topics, String term, TopicSource source) {
    if (term != null && !term.isBlank()) {
      Topic t = new Topic(term, 1.0, source);
      topics.putIfAbsent(t.key(), t);
    }
  }

  private static String firstText(JsonNode r, String... fields) throws RecordException {
    for (String f : fields) {
      String v = JsonFields.text(r, f);
      if (v != null) return v;
    }
    return null;
  }

  /** The text of the first annotation span of a kind (spans are a JSON string of start/end). */
  private static String span(String text, JsonNode annotations, String kind)
      throws RecordException {
    String spans = JsonFields.text(annotations, kind);
    if (text == null || spans == null) {
      return null;
    }
    try {
      JsonNode first = JsonRecords.MAPPER.readTree(spans).path(0);
      int start = first.path("start").asInt(-1);
      int end = first.path("end").asInt(-1);
      int length = text.codePointCount(0, text.length());
      if (start < 0 || end <= start || end > length) {
        throw new RecordException(
            "annotation \""
                + kind
                + "\" span "
                + start
                + ".."
                + end
                + " is outside the text ("
                + length
                + " characters)");
      }
      // spans count code points, as Python does
      int from = text.offsetByCodePoints(0, start);
      String s =
          text.substring(from, text.offsetByCodePoints(from, end - start))
              .replaceAll("\\s+", " ")
              .strip();
      return s.isEmpty() ? null : s;
    } catch (JsonProcessingException e) {
      throw new RecordException("annotation \"" + kind + "\" is not a JSON list of spans");
    }
  }
}
