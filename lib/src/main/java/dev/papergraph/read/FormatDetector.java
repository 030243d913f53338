package dev.papergraph.read;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Recognises an input's format from its first characters (gzip unpacked, decoded by its byte-order
 * mark; for a zip archive, the first entry whose format is recognised), never from its name: the
 * markers are field names and tags each format always writes. Every format needs positive evidence:
 * a daily-papers listing its page header or a metadata line, so a README, a licence or a
 * configuration file is of no format. Content with NUL characters (binary, or UTF-16 without a
 * byte-order mark) is of no format.
 */
final class FormatDetector {

  private static final Pattern NATIVE_DOC =
      Pattern.compile("(?s)\\{\\s*\"format\"\\s*:\\s*\"" + NativeCorpus.FORMAT_TAG + "\".*");

  private FormatDetector() {}

  /** The format, or empty when the content matches none. */
  static Optional<Format> detect(InputSource source, int sniffBytes) throws IOException {
    if (ZipInputs.isZip(source.head(4))) {
      AtomicReference<Format> found = new AtomicReference<>();
      ZipInputs.forEachEntry(
          source,
          entry -> {
            if (found.get() == null) {
              detectText(entry.headText(sniffBytes)).ifPresent(found::set);
            }
          });
      return Optional.ofNullable(found.get());
    }
    return detectText(source.headText(sniffBytes));
  }

  private static Optional<Format> detectText(String text) {
    if (text.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    String trimmed = text.stripLeading();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    char first = trimmed.charAt(0);
    if (first == '{' || first == '[') {
      return json(trimmed);
    }
    if (first == '<') {
      return xml(trimmed);
    }
    return text(trimmed);
  }

  private static final Pattern BIBTEX_ENTRY =
      Pattern.compile(
          "(?m)^\\s*@\\s*(article|book|booklet|inbook|incollection|inproceedings|conference|manual|mastersthesis|"
              + "misc|phdthesis|proceedings|techreport|unpublished|online|report|thesis|collection|string|preamble|"
              + "comment|software|dataset|mvbook|mvproceedings|reference|periodical|patent)\\s*[{(]",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern RIS_TY = Pattern.compile("(?m)^\\s*TY  -");
  private static final Pattern MEDLINE_PMID = Pattern.compile("(?m)^PMID- ?\\d");
  private static final Pattern WOS_PT = Pattern.compile("(?m)^(FN .*Web of Science.*|PT [A-Z])$");

  private static Optional<Format> text(String t) {
    if (RIS_TY.matcher(t).find()) {
      return Optional.of(Format.RIS);
    }
    if (MEDLINE_PMID.matcher(t).find()) {
      return Optional.of(Format.MEDLINE_TEXT);
    }
    if (WOS_PT.matcher(t).find()) {
      return Optional.of(Format.WOS);
    }
    if (BIBTEX_ENTRY.matcher(t).find()) {
      return Optional.of(Format.BIBTEX);
    }
    String header = t.lines().findFirst().orElse("");
    char d = CsvReader.delimiter(header);
    if (header.indexOf(d) >= 0) {
      for (String name : header.split(d == '\t' ? "\t" : String.valueOf(d))) {
        if (CsvReader.guess(name.replace("\"", "")).orElse(null) == CsvReader.Field.TITLE) {
          return Optional.of(Format.CSV);
        }
      }
    }
    return HF_MARKER.matcher(t).find() ? Optional.of(Format.HF_LISTING) : Optional.empty();
  }

  /**
   * A line only a daily-papers listing has: its page header, an author count or the date separator.
   */
  private static final Pattern HF_MARKER =
      Pattern.compile(
          "(?mi)^\\s*(daily papers|by ?ak and the research community|get trending papers in your email inbox!|"
              + "•\\s*\\d+\\s+authors?|·)\\s*$");

  private static final Pattern PUBMED_ROOT =
      Pattern.compile("<(PubmedArticleSet|MedlineCitationSet|PubmedArticle|MedlineCitation)[\\s>]");
  private static final Pattern JATS_ROOT = Pattern.compile("<(article|pmc-articleset)[\\s>]");

  private static Optional<Format> xml(String t) {
    if (PUBMED_ROOT.matcher(t).find()) {
      return Optional.of(Format.PUBMED_XML);
    }
    if (JATS_ROOT.matcher(t).find()
        && (t.contains("JATS")
            || t.contains("<front>")
            || t.contains("article-meta")
            || t.contains("journal-meta")
            || t.contains("NLM//DTD"))) {
      return Optional.of(Format.JATS);
    }
    return Optional.empty();
  }

  private static Optional<Format> json(String t) {
    if (NATIVE_DOC.matcher(t).matches()) {
      return Optional.of(Format.PAPERGRAPH_JSON);
    }
    String first = t.lines().findFirst().orElse("");
    if (t.charAt(0) == '{' && first.contains("\"title\"") && first.contains("\"provenance\"")) {
      return Optional.of(Format.PAPERGRAPH_JSONL);
    }
    if (t.contains("openalex.org/W")
        && (t.contains("\"authorships\"")
            || t.contains("\"abstract_inverted_index\"")
            || t.contains("\"referenced_works\"")
            || t.contains("\"publication_year\""))) {
      return Optional.of(Format.OPENALEX);
    }
    if (t.contains("\"categories\"")
        && (t.contains("\"authors_parsed\"")
            || t.contains("\"versions\"")
            || t.contains("arxiv.org/abs/"))) {
      return Optional.of(Format.ARXIV);
    }
    if (t.contains("\"message-type\"")
        || (t.contains("\"DOI\"")
            && (t.contains("\"container-title\"")
                || t.contains("\"reference-count\"")
                || t.contains("\"is-referenced-by-count\"")))) {
      return Optional.of(Format.CROSSREF);
    }
    if (t.contains("\"paperId\"")
        || t.contains("\"corpusid\"")
        || t.contains("\"corpusId\"")
        || t.contains("\"paperAbstract\"")
        || t.contains("\"s2Url\"")
        || (t.contains("\"paper_id\"")
            && (t.contains("\"mag_field_of_study\"") || t.contains("\"metadata\"")))) {
      return Optional.of(Format.SEMANTIC_SCHOLAR);
    }
    if (t.charAt(0) == '{' && first.contains("\"title\"") && first.stripTrailing().endsWith("}")) {
      // a JSONL of one's own (e.g. id, title, abstract per line): papergraph's JSONL with fewer
      // fields
      return Optional.of(Format.PAPERGRAPH_JSONL);
    }
    return Optional.empty();
  }
}
