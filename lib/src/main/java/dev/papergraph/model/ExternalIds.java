package dev.papergraph.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers a paper has in outside systems, normalised so that equal papers have equal ids: a
 * DOI lower-case without resolver prefix, an arXiv id without version, an OpenAlex work id as
 * {@code W123}, a Semantic Scholar paper id (40-hex sha or corpus id), a PubMed id.
 *
 * <p>Construct with raw values through {@link #of}; the canonical constructor normalises too.
 *
 * @param doi e.g. {@code 10.1186/s12913-016-1423-5}
 * @param arxiv e.g. {@code 2504.20571} or {@code hep-th/9901001}
 * @param openalex e.g. {@code W3007172259}
 * @param s2 Semantic Scholar paper id
 * @param pmid PubMed id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalIds(String doi, String arxiv, String openalex, String s2, String pmid) {

  /** No identifiers. */
  public static final ExternalIds NONE = new ExternalIds(null, null, null, null, null);

  private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");
  private static final Pattern ARXIV_NEW = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v\\d+)?");
  private static final Pattern ARXIV_OLD =
      Pattern.compile("([a-z\\-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?");
  private static final Pattern OPENALEX =
      Pattern.compile("(?i)(?:https?://openalex\\.org/)?([WAISC]\\d+)");
  // compiled once: String.replaceFirst compiles its pattern at every call (three per paper read)
  private static final Pattern ARXIV_PREFIX = Pattern.compile("(?i)^arxiv:");
  private static final Pattern ARXIV_URL =
      Pattern.compile("(?i)^https?://(www\\.)?arxiv\\.org/(abs|pdf)/");
  private static final Pattern PDF_SUFFIX = Pattern.compile("\\.pdf$");

  /** Normalises every id; blank values become {@code null}. */
  public ExternalIds {
    doi = normalizeDoi(doi).orElse(null);
    arxiv = normalizeArxiv(arxiv).orElse(null);
    openalex = normalizeOpenAlex(openalex).orElse(null);
    s2 = blankToNull(s2);
    pmid = blankToNull(pmid);
  }

  /** Ids from raw values as sources write them (URLs, prefixes, versions are stripped). */
  public static ExternalIds of(String doi, String arxiv, String openalex, String s2, String pmid) {
    return new ExternalIds(doi, arxiv, openalex, s2, pmid);
  }

  /**
   * A DOI lower-cased, without {@code https://doi.org/}, {@code doi:} or similar prefixes.
   *
   * @param raw the text, may be null
   * @return the DOI, or empty for null or blank input or text holding no DOI
   */
  public static Optional<String> normalizeDoi(String raw) {
    String s = blankToNull(raw);
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = DOI.matcher(s.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return Optional.empty();
    }
    String doi = m.group(1);
    // trailing punctuation is never part of a DOI as printed in reference lists
    while (!doi.isEmpty() && ".,;".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
      doi = doi.substring(0, doi.length() - 1);
    }
    return Optional.of(doi);
  }

  /**
   * An arXiv id without {@code arXiv:} prefix, URL or version suffix.
   *
   * @param raw the text, may be null
   * @return the id, or empty for null or blank input or text holding no arXiv id
   */
  public static Optional<String> normalizeArxiv(String raw) {
    String s = blankToNull(raw);
    if (s == null) {
      return Optional.empty();
    }
    s = ARXIV_PREFIX.matcher(s).replaceFirst("");
    s = ARXIV_URL.matcher(s).replaceFirst("");
    s = PDF_SUFFIX.matcher(s).replaceFirst("");
    Matcher m = ARXIV_NEW.matcher(s);
    if (m.matches()) {
      return Optional.of(m.group(1));
    }
    m = ARXIV_OLD.matcher(s);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * An OpenAlex id as {@code W123} (upper-case letter), without the {@code https://openalex.org/}
   * prefix.
   *
   * @param raw the text, may be null
   * @return the id, or empty for null or blank input or text that is not an OpenAlex id
   */
  public static Optional<String> normalizeOpenAlex(String raw) {
    String s = blankToNull(raw);
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = OPENALEX.matcher(s);
    return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
  }

  /** True when no id is known. */
  @JsonIgnore
  public boolean isEmpty() {
    return doi == null && arxiv == null && openalex == null && s2 == null && pmid == null;
  }

  /**
   * The keys under which this paper can be found, most trusted first: {@code doi:…}, {@code
   * arxiv:…}, {@code openalex:…}, {@code s2:…}, {@code pmid:…}.
   */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(5);
    if (doi != null) keys.add("doi:" + doi);
    if (arxiv != null) keys.add("arxiv:" + arxiv);
    if (openalex != null) keys.add("openalex:" + openalex);
    if (s2 != null) keys.add("s2:" + s2);
    if (pmid != null) keys.add("pmid:" + pmid);
    return keys;
  }

  /** Each id of this, else the other's: the union of two records' ids, this one winning. */
  public ExternalIds orElse(ExternalIds other) {
    return new ExternalIds(
        doi != null ? doi : other.doi,
        arxiv != null ? arxiv : other.arxiv,
        openalex != null ? openalex : other.openalex,
        s2 != null ? s2 : other.s2,
        pmid != null ? pmid : other.pmid);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
