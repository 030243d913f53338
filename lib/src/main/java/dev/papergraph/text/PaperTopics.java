package dev.papergraph.text;

import static dev.papergraph.model.Arguments.require;

import dev.papergraph.model.Paper;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topics of each paper, as weighted sets over a corpus-wide topic numbering: the paper's
 * metadata topics (categories, concepts, keywords, MeSH) when it has any, else its {@code count}
 * most distinctive terms against the corpus (largest TF-IDF/BM25 weight), weighted relative to the
 * strongest (so the first has weight 1).
 *
 * <p>Topics are keyed by {@link Topic#key()} (metadata) or {@code extracted:<analysed term>}; ids
 * follow the sort order of the keys. Immutable and thread-safe.
 */
public final class PaperTopics {

  private static final String EXTRACTED = "extracted:";

  private final TermVectors vectors;
  private final String[] keys;
  private final String[] labels; // null for extracted topics until displayed
  private final int[] extractedTerm; // term id for extracted topics, else -1
  private final TopicSource[] sources;
  private final int[] rowStart;
  private final int[] rowTopic;
  private final float[] rowWeight;
  private final double[] rowSum;
  private final int[] postStart;
  private final int[] postDoc;

  /**
   * Informativeness of each topic, {@code ln(n / df) / ln(n)}: 1 for a topic of one paper, 0 for a
   * topic of all.
   */
  private final float[] informativeness;

  private PaperTopics(
      TermVectors vectors,
      String[] keys,
      String[] labels,
      int[] extractedTerm,
      TopicSource[] sources,
      int[] rowStart,
      int[] rowTopic,
      float[] rowWeight) {
    this.vectors = vectors;
    this.keys = keys;
    this.labels = labels;
    this.extractedTerm = extractedTerm;
    this.sources = sources;
    this.rowStart = rowStart;
    this.rowTopic = rowTopic;
    this.rowWeight = rowWeight;
    int n = rowStart.length - 1;
    rowSum = new double[n];
    for (int d = 0; d < n; d++) {
      for (int p = rowStart[d]; p < rowStart[d + 1]; p++) {
        rowSum[d] += rowWeight[p];
      }
    }
    postStart = new int[keys.length + 1];
    for (int t : rowTopic) {
      postStart[t + 1]++;
    }
    for (int t = 0; t < keys.length; t++) {
      postStart[t + 1] += postStart[t];
    }
    informativeness = new float[keys.length];
    for (int t = 0; t < keys.length; t++) {
      int df = postStart[t + 1] - postStart[t];
      informativeness[t] =
          n < 2 ? 1f : (float) (Math.log((double) n / Math.max(1, df)) / Math.log(n));
    }
    postDoc = new int[rowTopic.length];
    int[] fill = Arrays.copyOf(postStart, keys.length);
    for (int d = 0; d < n; d++) {
      for (int p = rowStart[d]; p < rowStart[d + 1]; p++) {
        postDoc[fill[rowTopic[p]]++] = d;
      }
    }
  }

  /**
   * The topics of the papers of these vectors.
   *
   * @param count distinctive terms for a paper without metadata topics (0: none)
   * @throws IllegalArgumentException if count is negative
   */
  public static PaperTopics of(TermVectors vectors, int count) {
    require(count >= 0, "topic count cannot be negative: %s", count);
    int n = vectors.size();
    List<Map<String, Float>> perDoc = new ArrayList<>(n);
    Map<String, String> labelOf = new HashMap<>();
    Map<String, TopicSource> sourceOf = new HashMap<>();
    Map<String, Integer> termOf = new HashMap<>();
    for (int d = 0; d < n; d++) {
      Paper p = vectors.paper(d);
      Map<String, Float> m = new TreeMap<>();
      if (!p.topics().isEmpty()) {
        for (Topic t : p.topics()) {
          String k = t.key();
          m.merge(k, (float) t.weight(), Math::max);
          labelOf.putIfAbsent(k, t.term());
          sourceOf.putIfAbsent(k, t.source());
        }
      } else if (count > 0) {
        int[] top = vectors.topTerms(d, count);
        float max = 0;
        Map<Integer, Float> w = new HashMap<>();
        for (int pos = vectors.start(d); pos < vectors.end(d); pos++) {
          w.put(vectors.termAt(pos), vectors.weightAt(pos));
        }
        for (int t : top) {
          max = Math.max(max, w.get(t));
        }
        for (int t : top) {
          String k = EXTRACTED + vectors.term(t);
          m.put(k, max > 0 ? w.get(t) / max : 1f);
          termOf.putIfAbsent(k, t);
          sourceOf.putIfAbsent(k, TopicSource.EXTRACTED);
        }
      }
      perDoc.add(m);
    }
    TreeSet<String> all = new TreeSet<>();
    perDoc.forEach(m -> all.addAll(m.keySet()));
    String[] keys = all.toArray(new String[0]);
    Map<String, Integer> idOf = new HashMap<>();
    String[] labels = new String[keys.length];
    int[] extractedTerm = new int[keys.length];
    TopicSource[] sources = new TopicSource[keys.length];
    for (int i = 0; i < keys.length; i++) {
      idOf.put(keys[i], i);
      labels[i] = labelOf.get(keys[i]);
      extractedTerm[i] = termOf.getOrDefault(keys[i], -1);
      sources[i] = sourceOf.get(keys[i]);
    }
    int[] rowStart = new int[n + 1];
    for (int d = 0; d < n; d++) {
      rowStart[d + 1] = rowStart[d] + perDoc.get(d).size();
    }
    int[] rowTopic = new int[rowStart[n]];
    float[] rowWeight = new float[rowStart[n]];
    for (int d = 0; d < n; d++) {
      int p = rowStart[d];
      for (Map.Entry<String, Float> e : perDoc.get(d).entrySet()) { // sorted keys = sorted ids
        rowTopic[p] = idOf.get(e.getKey());
        rowWeight[p++] = e.getValue();
      }
    }
    return new PaperTopics(
        vectors, keys, labels, extractedTerm, sources, rowStart, rowTopic, rowWeight);
  }

  /** The number of distinct topics. */
  public int topicCount() {
    return keys.length;
  }

  /** The key of a topic ({@code SOURCE:term} or {@code extracted:<analysed term>}). */
  public String key(int topic) {
    return keys[topic];
  }

  /** The readable label of a topic: the metadata term, or the display form of the term. */
  public String label(int topic) {
    if (labels[topic] == null) {
      labels[topic] = vectors.display(extractedTerm[topic]);
    }
    return labels[topic];
  }

  /**
   * The term ids of the topics labelled by a term of the text, each once: whoever computes display
   * forms for other terms too asks for these in the same pass ({@link TermVectors#displayForms}
   * keeps them), and {@link #resolveLabels} then analyses nothing again.
   */
  public int[] labelTerms() {
    return Arrays.stream(extractedTerm).filter(t -> t >= 0).distinct().toArray();
  }

  /**
   * Resolves the labels of all extracted topics at once (one pass over the papers that hold them,
   * instead of one per label); later {@link #label} calls are lookups.
   */
  public void resolveLabels() {
    int[] terms = labelTerms();
    if (terms.length == 0) {
      return;
    }
    Map<Integer, String> display = vectors.displayForms(terms);
    for (int topic = 0; topic < keys.length; topic++) {
      if (labels[topic] == null && extractedTerm[topic] >= 0) {
        labels[topic] = display.get(extractedTerm[topic]);
      }
    }
  }

  /** The topics of a paper, strongest first (ties by key), with labels and sources. */
  public List<Topic> topics(int doc) {
    List<int[]> order = new ArrayList<>();
    for (int p = start(doc); p < end(doc); p++) {
      order.add(new int[] {p});
    }
    order.sort(
        (x, y) -> {
          int c = Float.compare(rowWeight[y[0]], rowWeight[x[0]]);
          return c != 0 ? c : Integer.compare(rowTopic[x[0]], rowTopic[y[0]]);
        });
    List<Topic> out = new ArrayList<>();
    for (int[] p : order) {
      int t = rowTopic[p[0]];
      out.add(new Topic(label(t), Math.min(1.0, rowWeight[p[0]]), sources[t]));
    }
    return out;
  }

  /** The first position of a paper's topic row (topics in increasing id). */
  public int start(int doc) {
    return rowStart[doc];
  }

  /** One past the last position of a paper's topic row. */
  public int end(int doc) {
    return rowStart[doc + 1];
  }

  /** The topic at a row position. */
  public int topicAt(int pos) {
    return rowTopic[pos];
  }

  /** The weight at a row position, 0 to 1. */
  public float weightAt(int pos) {
    return rowWeight[pos];
  }

  /** The first position of a topic's postings (docs in increasing order). */
  public int postingStart(int topic) {
    return postStart[topic];
  }

  /** One past the last position of a topic's postings. */
  public int postingEnd(int topic) {
    return postStart[topic + 1];
  }

  /** The doc at a postings position. */
  public int postingDoc(int pos) {
    return postDoc[pos];
  }

  /**
   * The weighted Jaccard index of two papers' topics with each shared topic counted by how
   * informative it is: {@code Σ_shared min(w_a, w_b) · s_t / Σ max(w_a, w_b)}, where {@code s_t =
   * ln(n / df_t) / ln(n)} (a topic of one paper counts fully, an arXiv category shared by a fifth
   * of 10,000 papers about 0.17, a topic of every paper not at all). 0 when either has none;
   * symmetric to the last bit.
   */
  public double weightedJaccard(int a, int b) {
    int i = start(a), ie = end(a), j = start(b), je = end(b);
    double min = 0, informative = 0;
    while (i < ie && j < je) {
      if (rowTopic[i] == rowTopic[j]) {
        double m = Math.min(rowWeight[i], rowWeight[j]);
        min += m;
        informative += m * informativeness[rowTopic[i]];
        i++;
        j++;
      } else if (rowTopic[i] < rowTopic[j]) {
        i++;
      } else {
        j++;
      }
    }
    double max = rowSum[a] + rowSum[b] - min;
    return max > 0 ? Math.min(1.0, informative / max) : 0;
  }

  /**
   * An upper bound of {@link #weightedJaccard} of this paper with any other: the largest
   * informativeness among its topics that another paper holds too, 0 when it shares none. The index
   * is at most the {@code min}-weighted mean of the shared topics' informativeness (its denominator
   * is at least the sum of the minima), hence at most their largest; the similarity search uses it
   * as the most a paper's topic component can add.
   */
  public double jaccardBound(int doc) {
    double bound = 0;
    for (int p = start(doc); p < end(doc); p++) {
      int t = rowTopic[p];
      if (postStart[t + 1] - postStart[t] > 1) {
        bound = Math.max(bound, informativeness[t]);
      }
    }
    return Math.min(1.0, bound);
  }

  /** The informativeness of a topic, {@code ln(n / df) / ln(n)} in [0, 1]. */
  public double informativeness(int topicId) {
    return informativeness[topicId];
  }

  /**
   * The topics two papers share, strongest (by the smaller weight) first, ties by topic id, as
   * labels; an immutable list (every link of a build keeps one, so it is made once, in its size).
   */
  public List<String> shared(int a, int b) {
    int i = start(a), ie = end(a), j = start(b), je = end(b);
    int[] topic = null;
    float[] weight = null;
    int m = 0;
    while (i < ie && j < je) {
      if (rowTopic[i] == rowTopic[j]) {
        if (topic == null) {
          int most = Math.min(ie - i, je - j);
          topic = new int[most];
          weight = new float[most];
        }
        // insertion by (smaller weight descending, topic ascending); rows are short
        float w = Math.min(rowWeight[i], rowWeight[j]);
        int t = rowTopic[i];
        int k = m++;
        while (k > 0 && moves(weight[k - 1], topic[k - 1], w, t)) {
          topic[k] = topic[k - 1];
          weight[k] = weight[k - 1];
          k--;
        }
        topic[k] = t;
        weight[k] = w;
        i++;
        j++;
      } else if (rowTopic[i] < rowTopic[j]) {
        i++;
      } else {
        j++;
      }
    }
    if (m == 0) {
      return List.of();
    }
    // pairs of a corpus share the same few topics (categories) over and over: one list each
    int hash = m;
    for (int k = 0; k < m; k++) {
      hash = 31 * hash + topic[k];
    }
    int slot = (hash ^ hash >>> 16) & (sharedLists.length - 1);
    SharedList cached = sharedLists[slot];
    if (cached != null && cached.is(topic, m)) {
      return cached.labels();
    }
    String[] out = new String[m];
    for (int k = 0; k < m; k++) {
      out[k] = label(topic[k]);
    }
    List<String> labels = List.of(out);
    sharedLists[slot] = new SharedList(Arrays.copyOf(topic, m), labels);
    return labels;
  }

  /**
   * The lists {@link #shared} made last, by a hash of their topics: a slot is overwritten by
   * another list of the same hash; threads may race on a slot, each then keeping its own list.
   */
  private final SharedList[] sharedLists = new SharedList[1 << 12];

  /** The labels of these topics in this order (immutable; safely shared by its final fields). */
  private record SharedList(int[] topics, List<String> labels) {
    boolean is(int[] other, int m) {
      return topics.length == m && Arrays.equals(topics, 0, m, other, 0, m);
    }
  }

  /** Whether shared topic (w1, t1) sorts after (w2, t2) in {@link #shared}. */
  private static boolean moves(float w1, int t1, float w2, int t2) {
    int c = Float.compare(w1, w2);
    return c < 0 || (c == 0 && t1 > t2);
  }

  /** True when the paper has at least one topic. */
  public boolean hasTopics(int doc) {
    return end(doc) > start(doc);
  }
}
