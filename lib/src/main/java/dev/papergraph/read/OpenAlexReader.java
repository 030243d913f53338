package dev.papergraph.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenAlex work objects: JSON arrays (as in SYNERGY's {@code works_*.json}), JSON Lines (the
 * snapshot), API result pages ({@code {"meta":…,"results":[…]}}), and zip archives of these.
 *
 * <p>Mapping: the abstract is rebuilt from {@code abstract_inverted_index}; {@code
 * referenced_works} become references {@code openalex:W…}; ids come from {@code id}, {@code doi}
 * and {@code ids} (doi, openalex, pmid); {@code concepts} and {@code topics} (scores as numbers or
 * text) become {@link TopicSource#CONCEPT} topics and {@code keywords} {@link TopicSource#KEYWORD}
 * topics, weights clamped to [0, 1]; {@code publication_date}, else {@code publication_year}, the
 * date; authors from {@code authorships[].author.display_name}; the venue from {@code
 * primary_location.source}, else {@code host_venue}. A work without abstract is kept (title only);
 * a work without title is rejected.
 */
public final class OpenAlexReader implements CorpusReader {

  private final JsonRecords records = new JsonRecords(Set.of("results"), OpenAlexReader::map);

  @Override
  public Format format() {
    return Format.OPENALEX;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    records.read(source, sink);
  }

  static Paper map(JsonNode w, Provenance where) throws RecordException {
    JsonNode ids = JsonFields.object(w, "ids");
    String openalex = JsonFields.text(w, "id");
    if (openalex == null) {
      openalex = JsonFields.text(ids, "openalex");
    }
    String title = JsonFields.text(w, "title");
    if (title == null) {
      title = JsonFields.text(w, "display_name");
    }
    if (title == null) {
      throw new RecordException(
          "work " + (openalex == null ? "(no id)" : shortId(openalex)) + " has no title");
    }
    String doi = JsonFields.text(w, "doi");
    if (doi == null) {
      doi = JsonFields.text(ids, "doi");
    }
    String pmid = JsonFields.text(ids, "pmid");
    if (pmid != null) {
      pmid = pmid.replaceAll("\\D", "");
    }
    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(abstractFrom(w))
            .ids(ExternalIds.of(doi, null, openalex, null, pmid))
            .citedByCount(JsonFields.count(w, "cited_by_count"))
            .venue(venue(w))
            .addProvenance(where);
    PartialDate date = JsonFields.date(JsonFields.text(w, "publication_date"));
    b.date(date != null ? date : JsonFields.year(JsonFields.count(w, "publication_year")));
    for (JsonNode a : JsonFields.array(w, "authorships")) {
      String name = JsonFields.text(JsonFields.object(a, "author"), "display_name");
      if (name == null) {
        name = JsonFields.text(a, "raw_author_name");
      }
      if (name != null) {
        b.addAuthor(name);
      }
    }
    Map<String, Topic> topics = new LinkedHashMap<>();
    addTopics(w, "topics", TopicSource.CONCEPT, topics);
    addTopics(w, "concepts", TopicSource.CONCEPT, topics);
    addTopics(w, "keywords", TopicSource.KEYWORD, topics);
    b.topics(new ArrayList<>(topics.values()));
    for (JsonNode r : JsonFields.array(w, "referenced_works")) {
      ExternalIds.normalizeOpenAlex(r.asText()).ifPresent(ref -> b.addReference("openalex:" + ref));
    }
    return b.build();
  }

  /** The abstract from OpenAlex's inverted index (word to positions), or {@code null}. */
  static String abstractFrom(JsonNode w) throws RecordException {
    JsonNode index = JsonFields.object(w, "abstract_inverted_index");
    if (index.isMissingNode() || index.isEmpty()) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : index.properties()) {
      if (!e.getValue().isArray()) {
        throw JsonFields.wrongType(
            "abstract_inverted_index." + e.getKey(), "an array of positions", e.getValue());
      }
      for (JsonNode pos : e.getValue()) {
        if (!pos.canConvertToInt() || pos.intValue() < 0 || pos.intValue() > 1_000_000) {
          throw JsonFields.wrongType(
              "abstract_inverted_index." + e.getKey(), "positions 0..1000000", pos);
        }
        int i = pos.intValue();
        while (words.size() <= i) {
          words.add(null);
        }
        words.set(i, e.getKey());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String word : words) {
      if (word != null) {
        text.append(text.length() == 0 ? "" : " ").append(word);
      }
    }
    return text.toString();
  }

  private static String venue(JsonNode w) throws RecordException {
    JsonNode location = JsonFields.object(w, "primary_location");
    String v = JsonFields.text(JsonFields.object(location, "source"), "display_name");
    return v != null ? v : JsonFields.text(JsonFields.object(w, "host_venue"), "display_name");
  }

  private static void addTopics(
      JsonNode w, String field, TopicSource source, Map<String, Topic> into)
      throws RecordException {
    for (JsonNode t : JsonFields.array(w, field)) {
      Topic topic;
      if (t.isTextual()) {
        if (t.asText().isBlank()) {
          continue;
        }
        topic = new Topic(t.asText(), 1.0, source);
      } else {
        String name = JsonFields.text(t, "display_name");
        if (name == null) {
          name = JsonFields.text(t, "keyword");
        }
        if (name == null) {
          continue;
        }
        topic = new Topic(name, JsonFields.weight(t, "score"), source);
      }
      into.merge(topic.key(), topic, (x, y) -> x.weight() >= y.weight() ? x : y);
    }
  }

  private static String shortId(String openalex) {
    return ExternalIds.normalizeOpenAlex(openalex).orElse(openalex);
  }
}
