package dev.papergraph.read;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.read.XmlRecords.Node;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PubMed/MEDLINE XML: {@code PubmedArticleSet} (E-utilities efetch, the annual baseline) and
 * {@code MedlineCitationSet} (older MEDLINE distributions), one record per {@code PubmedArticle} or
 * stand-alone {@code MedlineCitation}.
 *
 * <p>Mapping: {@code PMID}; {@code ArticleTitle}; every {@code AbstractText} (structured abstracts
 * joined in order); authors ({@code ForeName LastName} or {@code CollectiveName}); the journal
 * {@code Title} as venue; the date from {@code PubDate} ({@code Year}/{@code Month}/{@code Day}, or
 * the first year of a {@code MedlineDate}), else {@code ArticleDate}; the DOI from {@code
 * ELocationID} or {@code ArticleIdList}; MeSH descriptors as {@link TopicSource#MESH} topics
 * (weight 1 for major topics, 0.5 otherwise); keywords as {@link TopicSource#KEYWORD}; and the
 * {@code ReferenceList} entries with a PubMed id or DOI as references.
 */
public final class PubMedXmlReader implements CorpusReader {

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  private final XmlRecords records =
      new XmlRecords(Set.of("PubmedArticle", "MedlineCitation"), Set.of(), PubMedXmlReader::map);

  @Override
  public Format format() {
    return Format.PUBMED_XML;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    records.read(source, sink, "PubMed XML");
  }

  static Paper map(Node record, Provenance where) throws RecordException {
    Node citation =
        record.name.equals("MedlineCitation")
            ? record
            : record
                .child("MedlineCitation")
                .orElseThrow(() -> new RecordException("PubmedArticle has no MedlineCitation"));
    String pmid = citation.child("PMID").map(Node::text).orElse(null);
    Node article =
        citation
            .child("Article")
            .orElseThrow(() -> new RecordException("PMID " + pmid + " has no Article"));
    String title = article.child("ArticleTitle").map(Node::textOrNull).orElse(null);
    if (title == null) {
      title = article.child("VernacularTitle").map(Node::textOrNull).orElse(null);
    }
    if (title == null) {
      throw new RecordException(
          "PMID " + (pmid == null ? "(none)" : pmid) + " has no ArticleTitle");
    }
    List<String> parts = new ArrayList<>();
    article
        .child("Abstract")
        .ifPresent(
            a ->
                a.all("AbstractText")
                    .forEach(
                        t -> {
                          if (t.textOrNull() != null) parts.add(t.text());
                        }));
    String doi = null;
    for (Node e : article.all("ELocationID")) {
      if ("doi".equals(e.attr("EIdType"))) doi = e.text();
    }
    Optional<Node> pubmedData = record.child("PubmedData");
    if (doi == null && pubmedData.isPresent()) {
      for (Node id :
          pubmedData.get().at("ArticleIdList").map(n -> n.all("ArticleId")).orElse(List.of())) {
        if ("doi".equals(id.attr("IdType"))) doi = id.text();
      }
    }
    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(parts.isEmpty() ? null : String.join(" ", parts))
            .ids(ExternalIds.of(doi, null, null, null, pmid))
            .venue(article.at("Journal", "Title").map(Node::textOrNull).orElse(null))
            .addProvenance(where);
    PartialDate date =
        article.at("Journal", "JournalIssue", "PubDate").map(PubMedXmlReader::date).orElse(null);
    if (date == null) {
      date = article.child("ArticleDate").map(PubMedXmlReader::date).orElse(null);
    }
    b.date(date);
    for (Node a : article.at("AuthorList").map(n -> n.all("Author")).orElse(List.of())) {
      String name = a.child("CollectiveName").map(Node::textOrNull).orElse(null);
      if (name == null) {
        String fore =
            a.child("ForeName")
                .map(Node::text)
                .orElse(a.child("Initials").map(Node::text).orElse(""));
        String last = a.child("LastName").map(Node::text).orElse("");
        name = (fore + " " + last).strip();
      }
      if (!name.isEmpty()) b.addAuthor(name);
    }
    for (Node h : citation.at("MeshHeadingList").map(n -> n.all("MeshHeading")).orElse(List.of())) {
      Optional<Node> d = h.child("DescriptorName");
      if (d.isPresent() && d.get().textOrNull() != null) {
        b.addTopic(
            new Topic(
                d.get().text(),
                "Y".equals(d.get().attr("MajorTopicYN")) ? 1.0 : 0.5,
                TopicSource.MESH));
      }
    }
    for (Node list : citation.all("KeywordList")) {
      for (Node k : list.all("Keyword")) {
        if (k.textOrNull() != null) b.addTopic(new Topic(k.text(), 1.0, TopicSource.KEYWORD));
      }
    }
    if (pubmedData.isPresent()) {
      for (Node ref : pubmedData.get().descendants("Reference")) {
        String key = null;
        for (Node id : ref.descendants("ArticleId")) {
          String type = id.attr("IdType");
          if ("pubmed".equals(type) && id.text().matches("\\d+")) {
            key = "pmid:" + id.text();
            break;
          }
          if ("doi".equals(type) && key == null) {
            key = ExternalIds.normalizeDoi(id.text()).map(d -> "doi:" + d).orElse(null);
          }
        }
        if (key != null) b.addReference(key);
      }
    }
    return b.build();
  }

  /** A PubDate/ArticleDate: Year, Month (number or name) and Day, or a MedlineDate's first year. */
  static PartialDate date(Node d) {
    String year = d.child("Year").map(Node::text).orElse(null);
    if (year == null) {
      String medline = d.child("MedlineDate").map(Node::text).orElse("");
      Matcher m = YEAR.matcher(medline);
      return m.find() ? JsonFields.date(m.group(1)) : null;
    }
    String month = d.child("Month").map(Node::text).orElse(null);
    String day = d.child("Day").map(Node::text).orElse(null);
    Integer mm = null;
    if (month != null) {
      int named =
          MONTHS.indexOf(month.length() >= 3 ? month.substring(0, 3).toLowerCase(Locale.ROOT) : "");
      mm =
          named >= 0
              ? Integer.valueOf(named + 1)
              : month.matches("\\d{1,2}") ? Integer.valueOf(month) : null;
    }
    String iso =
        year
            + (mm == null
                ? ""
                : String.format("-%02d", mm)
                    + (day == null || !day.matches("\\d{1,2}")
                        ? ""
                        : String.format("-%02d", Integer.parseInt(day))));
    return JsonFields.date(iso);
  }
}
