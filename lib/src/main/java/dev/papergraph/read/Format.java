package dev.papergraph.read;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The input formats papergraph reads. */
public enum Format {
  /** Daily-papers listing pages (title, abstract, author count, organisation, date, upvotes). */
  HF_LISTING("hf", "daily-papers listing text"),
  /**
   * papergraph's own corpus JSON document ({@code {"format":"papergraph-corpus","papers":[…]}}).
   */
  PAPERGRAPH_JSON("json", "papergraph corpus JSON"),
  /** papergraph's own corpus JSON Lines: one paper object a line. */
  PAPERGRAPH_JSONL("jsonl", "papergraph corpus JSON Lines"),
  /** OpenAlex work objects: JSON arrays, JSON Lines, API result pages, zip archives of these. */
  OPENALEX("openalex", "OpenAlex works"),
  /** arXiv metadata JSON Lines: the Kaggle snapshot and daily listing dumps. */
  ARXIV("arxiv", "arXiv metadata JSON Lines"),
  /**
   * Semantic Scholar: Graph API papers and pages, S2AG papers/abstracts/s2orc, S2ORC, 2017 corpus.
   */
  SEMANTIC_SCHOLAR("s2", "Semantic Scholar papers"),
  /** Crossref REST API works (single work, work lists, citeproc JSON). */
  CROSSREF("crossref", "Crossref works"),
  /** PubMed/MEDLINE XML ({@code PubmedArticleSet}, {@code MedlineCitationSet}). */
  PUBMED_XML("pubmed", "PubMed/MEDLINE XML"),
  /** JATS article XML as PubMed Central distributes it ({@code .nxml}). */
  JATS("jats", "JATS/PMC article XML"),
  /** BibTeX and BibLaTeX ({@code @string} macros, {@code crossref=}, LaTeX to Unicode). */
  BIBTEX("bibtex", "BibTeX/BibLaTeX"),
  /** RIS exports (Zotero, EndNote, Scopus, Ovid, ProQuest, Embase, Web of Science as RIS). */
  RIS("ris", "RIS"),
  /** MEDLINE/PubMed text format ({@code PMID- } tags, as PubMed's "Save as PubMed format"). */
  MEDLINE_TEXT("medline", "MEDLINE/PubMed text"),
  /** Web of Science tagged export ({@code PT J} … {@code ER}). */
  WOS("wos", "Web of Science tagged text"),
  /** CSV/TSV tables, one paper a row, columns mapped by name ({@link CsvReader.Mapping}). */
  CSV("csv", "CSV/TSV table");

  private final String cliName;
  private final String description;

  Format(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  /** The short name used by {@code --format}. */
  public String cliName() {
    return cliName;
  }

  /** A human description, e.g. "OpenAlex works". */
  public String description() {
    return description;
  }

  /**
   * The format named by a {@code --format} value.
   *
   * @throws IllegalArgumentException naming the value and listing the formats, as one line
   */
  public static Format require(String name) {
    return byName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format \""
                        + name
                        + "\"; formats are: "
                        + String.join(
                            ", ", Arrays.stream(values()).map(Format::cliName).toList())));
  }

  /** The format named by a {@code --format} value (case-insensitive). */
  public static Optional<Format> byName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
