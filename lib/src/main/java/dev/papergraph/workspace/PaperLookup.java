package dev.papergraph.workspace;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Titles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the paper a user means: by papergraph id ({@code doi:…}, {@code arxiv:…}, {@code title:…}),
 * by DOI or arXiv id in any usual spelling (URL, prefix, version), by exact title, or by a fragment
 * of its title. A fragment shared by several titles is ambiguous; a query that matches nothing
 * comes back with the closest titles (character-trigram similarity) as suggestions.
 *
 * <p>Built once over the papers, {@code O(total title length)}; a fragment query scans the titles,
 * {@code O(n)}.
 */
public final class PaperLookup {

  /** How many closest titles an unknown query suggests. */
  public static final int SUGGESTIONS = 5;

  /** The outcome of a lookup. */
  public sealed interface Match permits Found, Ambiguous, NotFound {}

  /** Exactly one paper matches. */
  public record Found(PaperRef paper) implements Match {}

  /** Several papers match the title fragment; {@code candidates} sorted by title, then id. */
  public record Ambiguous(String query, List<PaperRef> candidates) implements Match {
    public Ambiguous {
      candidates = List.copyOf(candidates);
    }
  }

  /** Nothing matches; {@code closest} are the most similar titles, most similar first. */
  public record NotFound(String query, List<PaperRef> closest) implements Match {
    public NotFound {
      closest = List.copyOf(closest);
    }
  }

  private final List<PaperRef> papers;
  private final Map<String, PaperRef> byKey = new HashMap<>();

  /**
   * The normalised titles, made by the first query that is not an id: normalising every title is
   * most of the cost of a lookup, which a query by id (neighbors, explain) does not need.
   */
  private volatile TitleIndex titleIndex;

  /** The normalised titles in the order of the papers, and the papers by normalised title. */
  private record TitleIndex(List<String> normTitles, Map<String, List<PaperRef>> byTitle) {}

  /** A lookup over these papers (ids unique). */
  public static PaperLookup of(Collection<Paper> papers) {
    return new PaperLookup(papers.stream().map(PaperRef::of).toList());
  }

  /** A lookup over these paper references (ids unique). */
  public PaperLookup(List<PaperRef> papers) {
    this.papers = List.copyOf(papers);
    for (PaperRef p : this.papers) {
      byKey.put(p.id(), p);
    }
    for (PaperRef p : this.papers) {
      for (String key : p.ids().keys()) {
        byKey.putIfAbsent(key, p);
      }
    }
  }

  /** Whether a query has needed the titles yet (for tests). */
  boolean titlesIndexed() {
    return titleIndex != null;
  }

  private TitleIndex titleIndex() {
    TitleIndex t = titleIndex;
    if (t == null) {
      List<String> normTitles = new ArrayList<>(papers.size());
      Map<String, List<PaperRef>> byTitle = new HashMap<>();
      for (PaperRef p : papers) {
        String n = Titles.normalize(p.title());
        normTitles.add(n);
        byTitle.computeIfAbsent(n, k -> new ArrayList<>()).add(p);
      }
      t = new TitleIndex(normTitles, byTitle);
      titleIndex = t;
    }
    return t;
  }

  /**
   * The paper a query names.
   *
   * @param query an id, DOI, arXiv id, title, or title fragment (case, punctuation and spacing are
   *     ignored in titles)
   */
  public Match find(String query) {
    Objects.requireNonNull(query, "query");
    String q = query.strip();
    PaperRef exact = byKey.get(q);
    if (exact != null) {
      return new Found(exact);
    }
    for (String key : idKeys(q)) {
      PaperRef p = byKey.get(key);
      if (p != null) {
        return new Found(p);
      }
    }
    String nq = Titles.normalize(q);
    if (nq.isEmpty()) {
      return new NotFound(query, List.of());
    }
    TitleIndex titles = titleIndex();
    List<String> normTitles = titles.normTitles();
    List<PaperRef> sameTitle = titles.byTitle().get(nq);
    if (sameTitle != null && sameTitle.size() == 1) {
      return new Found(sameTitle.get(0));
    }
    List<PaperRef> hits = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      if (normTitles.get(i).contains(nq)) {
        hits.add(papers.get(i));
      }
    }
    if (hits.size() == 1) {
      return new Found(hits.get(0));
    }
    if (!hits.isEmpty()) {
      hits.sort(
          Comparator.comparing((PaperRef p) -> Titles.normalize(p.title()))
              .thenComparing(PaperRef::id));
      return new Ambiguous(query, hits);
    }
    return new NotFound(query, closest(nq, SUGGESTIONS));
  }

  /** The papers whose titles are most similar to a normalised query, most similar first. */
  private List<PaperRef> closest(String nq, int limit) {
    Set<String> qg = trigrams(nq);
    record Scored(int index, double score) {}
    List<Scored> scored = new ArrayList<>();
    List<String> normTitles = titleIndex().normTitles();
    for (int i = 0; i < papers.size(); i++) {
      Set<String> tg = trigrams(normTitles.get(i));
      int common = 0;
      for (String g : qg) {
        if (tg.contains(g)) {
          common++;
        }
      }
      if (common > 0) {
        // Dice coefficient over trigram sets: 2|A∩B| / (|A|+|B|)
        scored.add(new Scored(i, 2.0 * common / (qg.size() + tg.size())));
      }
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(s -> papers.get(s.index()).id()));
    return scored.stream().limit(limit).map(s -> papers.get(s.index())).toList();
  }

  private static Set<String> trigrams(String s) {
    String padded = "  " + s + " ";
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= padded.length(); i++) {
      out.add(padded.substring(i, i + 3));
    }
    return out;
  }

  /** The id keys a query may spell: a DOI, an arXiv id, an OpenAlex id, in any usual form. */
  private static List<String> idKeys(String q) {
    List<String> keys = new ArrayList<>(3);
    ExternalIds.normalizeDoi(q.replaceFirst("(?i)^doi:", "")).ifPresent(d -> keys.add("doi:" + d));
    ExternalIds.normalizeArxiv(q).ifPresent(a -> keys.add("arxiv:" + a));
    ExternalIds.normalizeOpenAlex(q.replaceFirst("(?i)^openalex:", ""))
        .ifPresent(o -> keys.add("openalex:" + o));
    return keys;
  }
}
