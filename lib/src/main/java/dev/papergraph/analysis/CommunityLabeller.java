package dev.papergraph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Labels communities with their most distinctive terms and most central papers.
 *
 * <p>A term's distinctiveness for a community is the log-likelihood keyness G² (Dunning 1993,
 * "Accurate methods for the statistics of surprise and coincidence", Comput. Linguist. 19:61, in
 * the two-cell form of Rayson and Garside 2000, {@code 2 Σ O ln(O/E)} over the term's counts) of
 * its count inside the community against its count in the rest of the corpus, over the papers'
 * boosted analysed-term counts; only terms over-represented in the community count. A term must
 * occur in at least {@code max(2, ⌈size / 5⌉)} papers of the community (1 for a single paper) so
 * that one paper's vocabulary cannot name a community. Chosen terms do not overlap: a term is
 * skipped when it shares a word with a stronger chosen one ("post train" after "quantiz" is kept,
 * "train" after "post train" is not), except that a phrase scoring at least half as high replaces
 * the single words it contains (see {@link #choose}); display forms are unique ignoring case.
 * Labels are the display forms, strongest first. Cost {@code O(total term occurrences)} plus
 * sorting per community.
 *
 * <p>Central papers are the members with the highest score of a measure within the community (ties
 * by id).
 */
public final class CommunityLabeller {

  private final TermSource terms;
  private final int labelTerms;
  private final int centralPapers;
  private final Measure centralBy;
  private final int threads;

  /**
   * @param terms the papers' terms, or {@code null} to leave labels empty
   * @param labelTerms number of label terms, 1 to 10
   * @param centralPapers number of central papers, 0 or more
   * @param centralBy the measure, taken within the community, that ranks central papers
   * @throws IllegalArgumentException naming the value, if a count is out of range
   */
  public CommunityLabeller(TermSource terms, int labelTerms, int centralPapers, Measure centralBy) {
    this(terms, labelTerms, centralPapers, centralBy, 1);
  }

  /**
   * A labeller as {@link #CommunityLabeller(TermSource, int, int, Measure)} that finds the labels'
   * display forms on at most {@code threads} threads (the labels do not depend on it).
   *
   * @throws IllegalArgumentException naming the value, if a count is out of range or threads is
   *     below 1
   */
  public CommunityLabeller(
      TermSource terms, int labelTerms, int centralPapers, Measure centralBy, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (labelTerms < 1 || labelTerms > 10) {
      throw new IllegalArgumentException("label terms must be between 1 and 10: " + labelTerms);
    }
    if (centralPapers < 0) {
      throw new IllegalArgumentException("central papers cannot be negative: " + centralPapers);
    }
    this.terms = terms;
    this.labelTerms = labelTerms;
    this.centralPapers = centralPapers;
    this.centralBy = Objects.requireNonNull(centralBy, "centralBy");
    this.threads = threads;
  }

  /** The communities with labels and central papers filled in. */
  public Communities label(Communities communities, Centralities centralities) {
    List<Community> out = new ArrayList<>();
    List<List<String>> labels = terms == null ? null : labels(communities);
    Map<String, Double> scores =
        (centralities.withinCommunity().isEmpty()
                ? centralities.scores()
                : centralities.withinCommunity())
            .getOrDefault(centralBy, Map.of());
    for (Community c : communities.communities()) {
      out.add(
          c.withLabel(
              labels == null ? List.of() : labels.get(c.id()), central(c.members(), scores)));
    }
    return communities.withCommunities(out);
  }

  /**
   * The {@code centralPapers} members with the highest score, ties by id: each member's score is
   * looked up once and the best are kept in a short sorted list, instead of sorting all members
   * with a comparator that looked both scores up on every comparison (at a million papers tens of
   * millions of look-ups by id).
   */
  private List<String> central(List<String> members, Map<String, Double> scores) {
    int k = Math.min(centralPapers, members.size());
    if (k == 0) {
      return List.of();
    }
    // the best so far, best first: keys -score as Double.compare orders them, then the id
    double[] key = new double[k];
    String[] id = new String[k];
    int kept = 0;
    for (String m : members) {
      double x = -scores.getOrDefault(m, 0.0);
      if (kept == k && !before(x, m, key[k - 1], id[k - 1])) {
        continue;
      }
      int at = kept == k ? k - 1 : kept++;
      while (at > 0 && before(x, m, key[at - 1], id[at - 1])) {
        key[at] = key[at - 1];
        id[at] = id[at - 1];
        at--;
      }
      key[at] = x;
      id[at] = m;
    }
    return List.of(id);
  }

  /** Whether (key a, id a) ranks before (key b, id b). */
  private static boolean before(double keyA, String idA, double keyB, String idB) {
    int c = Double.compare(keyA, keyB);
    return c < 0 || (c == 0 && idA.compareTo(idB) < 0);
  }

  /**
   * The label terms of every community, by community id. Terms are counted by number in flat
   * arrays: corpus totals once, then one community's counts at a time in arrays reused between
   * communities; the display forms of every chosen term are then found in one pass.
   */
  private List<List<String>> labels(Communities communities) {
    TermSource.Numbered numbered = terms.numbered();
    double[][] corpusCount = {new double[1024]};
    double[] total = {0};
    for (Community c : communities.communities()) {
      for (String id : c.members()) {
        numbered.forEachTerm(
            id,
            (t, n) -> {
              if (t >= corpusCount[0].length) {
                corpusCount[0] =
                    Arrays.copyOf(corpusCount[0], Math.max(t + 1, 2 * corpusCount[0].length));
              }
              corpusCount[0][t] += n;
              total[0] += n;
            });
      }
    }
    double all = total[0];
    int vocabulary = numbered.vocabularySize();
    // a community's count of each term and the number of its papers containing it; the terms seen
    // in the community are listed in `seen` and only those entries are reset afterwards
    double[] inside = new double[vocabulary];
    int[] papersWith = new int[vocabulary];
    int[][] seen = {new int[256]};
    int[] seenCount = {0};
    List<List<String>> chosenByCommunity = new ArrayList<>();
    Set<String> allChosen = new TreeSet<>();
    for (Community c : communities.communities()) {
      double[] size = {0};
      for (String id : c.members()) {
        numbered.forEachTerm(
            id,
            (t, n) -> {
              if (papersWith[t] == 0) {
                if (seenCount[0] == seen[0].length) {
                  seen[0] = Arrays.copyOf(seen[0], 2 * seenCount[0]);
                }
                seen[0][seenCount[0]++] = t;
              }
              inside[t] += n;
              papersWith[t]++;
              size[0] += n;
            });
      }
      int minDocs = c.size() == 1 ? 1 : Math.max(2, (c.size() + 4) / 5);
      List<Map.Entry<String, Double>> scored = new ArrayList<>();
      for (int i = 0; i < seenCount[0]; i++) {
        int t = seen[0][i];
        double a = inside[t];
        if (a != 0 && papersWith[t] >= minDocs) {
          double g2 = logLikelihood(a, corpusCount[0][t] - a, size[0], all - size[0]);
          if (g2 > 0) scored.add(Map.entry(numbered.term(t), g2));
        }
        inside[t] = 0;
        papersWith[t] = 0;
      }
      seenCount[0] = 0;
      scored.sort(
          Map.Entry.<String, Double>comparingByValue()
              .reversed()
              .thenComparing(Map.Entry.comparingByKey()));
      List<String> chosen = choose(scored);
      chosenByCommunity.add(chosen);
      allChosen.addAll(chosen);
    }
    Map<String, String> display = terms.display(allChosen, threads);
    List<List<String>> out = new ArrayList<>();
    for (List<String> chosen : chosenByCommunity) {
      List<String> label = new ArrayList<>();
      Set<String> shown = new HashSet<>();
      for (String t : chosen) {
        String d = display.getOrDefault(t, t);
        if (shown.add(d.toLowerCase(Locale.ROOT))) label.add(d);
      }
      out.add(label);
    }
    return out;
  }

  /**
   * Picks up to {@code labelTerms} terms, strongest first, without two sharing a word; a phrase
   * that contains chosen single words and scores at least half as high as the strongest of them
   * takes the place of those words ("post" then "post train" gives "post train"), since a phrase
   * reads better than its parts.
   */
  private List<String> choose(List<Map.Entry<String, Double>> scored) {
    List<String> chosen = new ArrayList<>();
    Map<String, Double> score = new HashMap<>();
    for (Map.Entry<String, Double> e : scored) {
      if (chosen.size() == labelTerms
          && e.getValue() < 0.5 * chosen.stream().mapToDouble(score::get).min().orElse(0)) {
        break; // too weak to replace anything
      }
      List<String> words = List.of(e.getKey().split(" "));
      List<String> overlapping =
          chosen.stream()
              .filter(c -> List.of(c.split(" ")).stream().anyMatch(words::contains))
              .toList();
      if (overlapping.isEmpty()) {
        if (chosen.size() < labelTerms) {
          chosen.add(e.getKey());
          score.put(e.getKey(), e.getValue());
        }
        continue;
      }
      boolean promotes =
          words.size() > 1
              && overlapping.stream().allMatch(c -> !c.contains(" ") && words.contains(c))
              && e.getValue() >= 0.5 * overlapping.stream().mapToDouble(score::get).max().orElse(0);
      if (promotes) {
        int at = chosen.indexOf(overlapping.get(0));
        chosen.set(at, e.getKey());
        score.put(e.getKey(), e.getValue());
        chosen.removeAll(overlapping.subList(1, overlapping.size()));
      }
    }
    return chosen;
  }

  /**
   * Signed G² of a term seen {@code a} times in a community of {@code n1} term occurrences and
   * {@code b} times in the rest ({@code n2}): positive when over-represented in the community.
   */
  static double logLikelihood(double a, double b, double n1, double n2) {
    double e1 = n1 * (a + b) / (n1 + n2);
    double e2 = n2 * (a + b) / (n1 + n2);
    double g2 = 2 * (term(a, e1) + term(b, e2));
    return a >= e1 ? g2 : -g2;
  }

  private static double term(double observed, double expected) {
    return observed == 0 ? 0 : observed * Math.log(observed / expected);
  }
}
