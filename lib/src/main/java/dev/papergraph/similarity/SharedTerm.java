package dev.papergraph.similarity;

import java.util.Objects;

/**
 * A term (word or phrase, as analysed) that two papers share, with its contribution to their text
 * score: the product of its weights in the two normalised vectors, so contributions of all shared
 * terms sum to the cosine.
 *
 * @param term the analysed term, e.g. "quantiz" or "post train" (stemmed forms)
 * @param display a readable form of the term as it appears in the papers, e.g. "post-training"
 * @param contribution its share of the text score, 0 to 1
 */
public record SharedTerm(String term, String display, double contribution) {
  public SharedTerm {
    Objects.requireNonNull(term, "term");
    display = display == null ? term : display;
  }
}
