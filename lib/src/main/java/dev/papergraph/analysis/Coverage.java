package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import dev.papergraph.similarity.CitationIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much of a corpus each feature can use: papers with an abstract, with a year, with references,
 * and how many references name a paper of the corpus; with a warning in words for each part too
 * sparse to mean much.
 *
 * @param papers the number of papers
 * @param withAbstract papers with an abstract
 * @param withYear papers with a publication year
 * @param withReferences papers with at least one reference
 * @param references distinct references of all papers (a paper's references to one corpus paper
 *     count once)
 * @param resolved references that name a paper of the corpus
 */
public record Coverage(
    int papers,
    int withAbstract,
    int withYear,
    int withReferences,
    long references,
    long resolved) {

  /** Below this share of papers with abstracts, text similarity rests mostly on titles. */
  public static final double SPARSE_ABSTRACTS = 0.5;

  /** Below this share of papers with years, years say little. */
  public static final double SPARSE_YEARS = 0.5;

  /** Below this share of papers with references, coupling and co-citation are off in effect. */
  public static final double SPARSE_REFERENCES = 0.1;

  /**
   * Below this share of references resolved in the corpus, direct citation and co-citation are off
   * in effect.
   */
  public static final double SPARSE_RESOLVED = 0.02;

  /** The coverage of papers and their citation index (built over exactly these papers). */
  public static Coverage of(List<Paper> papers, CitationIndex index) {
    PriorWorks.requireSameSize(papers, index);
    int abs = 0, years = 0, refs = 0;
    long references = 0, resolved = 0;
    for (int d = 0; d < papers.size(); d++) {
      Paper p = papers.get(d);
      abs += p.abstractIfKnown().isPresent() ? 1 : 0;
      years += p.year().isPresent() ? 1 : 0;
      refs += p.references().isEmpty() ? 0 : 1;
      references += index.referenceCount(d);
      resolved += index.cited(d).length;
    }
    return new Coverage(papers.size(), abs, years, refs, references, resolved);
  }

  /** One line per figure, e.g. "abstracts 120 of 130 papers (92 %)". */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "abstracts   %d of %d papers (%s)",
            withAbstract,
            papers,
            pct(withAbstract, papers)));
    out.add(
        String.format(
            Locale.ROOT,
            "years       %d of %d papers (%s)",
            withYear,
            papers,
            pct(withYear, papers)));
    out.add(
        String.format(
            Locale.ROOT,
            "references  %d of %d papers (%s), %d references in all",
            withReferences,
            papers,
            pct(withReferences, papers),
            references));
    out.add(
        String.format(
            Locale.ROOT,
            "resolved    %d of %d references name a paper of the corpus (%s)",
            resolved,
            references,
            pct(resolved, references)));
    return out;
  }

  /**
   * A sentence for each part too sparse to mean much; empty when all parts are fine or there are no
   * papers.
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    if (papers == 0) {
      return out;
    }
    if (share(withAbstract, papers) < SPARSE_ABSTRACTS) {
      out.add(
          pct(withAbstract, papers)
              + " of papers have abstracts: text similarity rests on titles alone "
              + "for the rest");
    }
    if (share(withYear, papers) < SPARSE_YEARS) {
      out.add(
          pct(withYear, papers)
              + " of papers have a year: year filters, timeline and bursts see only those");
    }
    if (share(withReferences, papers) < SPARSE_REFERENCES) {
      out.add(
          pct(withReferences, papers)
              + " of papers have references: coupling and co-citation are off in "
              + "effect, prior and derivative works have little to show");
    } else if (share(resolved, references) < SPARSE_RESOLVED) {
      out.add(
          pct(resolved, references)
              + " of references name a paper of the corpus: direct citation, "
              + "co-citation and derivative works are off in effect (coupling still works)");
    }
    return out;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static String pct(long part, long whole) {
    double s = 100 * share(part, whole);
    return String.format(Locale.ROOT, s > 0 && s < 1 ? "%.1f %%" : "%.0f %%", s);
  }
}
