package dev.papergraph.read;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.read.XmlRecords.Node;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JATS articles (PubMed Central {@code .nxml}, one {@code <article>} per file or many in a
 * {@code <pmc-articleset>}): metadata from {@code front/article-meta} and the reference list from
 * {@code back/ref-list}. The body is skipped unread.
 *
 * <p>Mapping: {@code article-id} pmid/doi; {@code article-title}; {@code abstract} (all its
 * paragraphs, section titles dropped); authors from {@code contrib[@contrib-type=author]/name}; the
 * date from the first complete {@code pub-date} (epub, ppub, collection, else any); {@code
 * journal-title} as venue; {@code kwd} as {@link TopicSource#KEYWORD} topics; each {@code ref} with
 * a {@code pub-id} of type pmid or doi as a reference (the PubMed id first).
 */
public final class JatsReader implements CorpusReader {

  private final XmlRecords records =
      new XmlRecords(Set.of("article"), Set.of("body", "floats-group"), JatsReader::map);

  @Override
  public Format format() {
    return Format.JATS;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    records.read(source, sink, "JATS XML");
  }

  static Paper map(Node article, Provenance where) throws RecordException {
    Node meta =
        article
            .at("front", "article-meta")
            .orElseThrow(() -> new RecordException("article has no front/article-meta"));
    String pmid = null;
    String doi = null;
    for (Node id : meta.all("article-id")) {
      String type = id.attr("pub-id-type");
      if ("pmid".equals(type)) pmid = id.text();
      if ("doi".equals(type)) doi = id.text();
    }
    String title = meta.at("title-group", "article-title").map(Node::textOrNull).orElse(null);
    if (title == null) {
      throw new RecordException(
          "article "
              + (doi != null ? doi : pmid != null ? "PMID " + pmid : "(no id)")
              + " has no article-title");
    }
    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(abstractText(meta))
            .ids(ExternalIds.of(doi, null, null, null, pmid))
            .venue(
                article
                    .at("front", "journal-meta", "journal-title-group", "journal-title")
                    .or(() -> article.at("front", "journal-meta", "journal-title"))
                    .map(Node::textOrNull)
                    .orElse(null))
            .date(pubDate(meta))
            .addProvenance(where);
    for (Node contrib : meta.descendants("contrib")) {
      if (!"author".equals(contrib.attr("contrib-type"))) continue;
      Optional<Node> name = contrib.child("name");
      String n;
      if (name.isPresent()) {
        n =
            (name.get().child("given-names").map(Node::text).orElse("")
                    + " "
                    + name.get().child("surname").map(Node::text).orElse(""))
                .strip();
      } else {
        n = contrib.child("collab").map(Node::text).orElse("");
      }
      if (!n.isEmpty()) b.addAuthor(n);
    }
    for (Node kwd : meta.descendants("kwd")) {
      if (kwd.textOrNull() != null) b.addTopic(new Topic(kwd.text(), 1.0, TopicSource.KEYWORD));
    }
    for (Node ref : article.at("back").map(n -> n.descendants("ref")).orElse(List.of())) {
      String refPmid = null;
      String refDoi = null;
      for (Node id : ref.descendants("pub-id")) {
        String type = id.attr("pub-id-type");
        if ("pmid".equals(type) && id.text().matches("\\d+")) refPmid = id.text();
        if ("doi".equals(type)) refDoi = ExternalIds.normalizeDoi(id.text()).orElse(null);
      }
      if (refPmid != null) b.addReference("pmid:" + refPmid);
      else if (refDoi != null) b.addReference("doi:" + refDoi);
    }
    return b.build();
  }

  private static String abstractText(Node meta) {
    Optional<Node> abs =
        meta.all("abstract").stream()
            .filter(a -> a.attr("abstract-type") == null)
            .findFirst()
            .or(() -> meta.child("abstract"));
    if (abs.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Node p : abs.get().descendants("p")) {
      if (p.textOrNull() != null) b.append(b.length() == 0 ? "" : " ").append(p.text());
    }
    return b.length() > 0 ? b.toString() : abs.get().textOrNull();
  }

  private static PartialDate pubDate(Node meta) {
    List<Node> dates = meta.all("pub-date");
    for (String wanted : new String[] {"epub", "ppub", "collection", "pub", null}) {
      for (Node d : dates) {
        String type = d.attr("pub-type") != null ? d.attr("pub-type") : d.attr("date-type");
        if (wanted == null || wanted.equals(type)) {
          String year = d.child("year").map(Node::text).orElse(null);
          if (year == null) continue;
          String month = d.child("month").map(Node::text).orElse(null);
          String day = d.child("day").map(Node::text).orElse(null);
          String iso =
              year
                  + (month != null && month.matches("\\d{1,2}")
                      ? String.format("-%02d", Integer.parseInt(month))
                          + (day != null && day.matches("\\d{1,2}")
                              ? String.format("-%02d", Integer.parseInt(day))
                              : "")
                      : "");
          PartialDate date = JsonFields.date(iso);
          if (date != null) return date;
        }
      }
    }
    return null;
  }
}
