package dev.papergraph.analysis;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.graph.IndexedGraph;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * The shortest-path centralities, betweenness, closeness and harmonic, from one single-source
 * Dijkstra pass per source (Brandes 2001, "A faster algorithm for betweenness centrality", J. Math.
 * Sociol. 25:163). Edge length is {@code 1 / weight}: a stronger similarity is a shorter step.
 * Shortest paths of equal length are counted with exact floating-point equality, as networkx does.
 *
 * <p>Values follow networkx 2.8.8 with {@code distance = 1/weight}: betweenness normalised by
 * {@code (n-1)(n-2)} over the whole graph ({@code betweenness_centrality(normalized=True)});
 * closeness with the Wasserman-Faust correction for disconnected graphs ({@code
 * closeness_centrality(wf_improved=True)}); harmonic as the plain sum of {@code 1/d}.
 *
 * <p>Each connected component of up to {@code exactLimit} vertices is computed exactly, from every
 * source. A larger component C is estimated from {@code k} source vertices (pivots) drawn without
 * replacement (Brandes and Pich 2007, "Centrality estimation in large networks"): each estimate
 * sums the pivots' contributions and scales by {@code |C| / k}. With {@code X_s(v) = δ_s(v) / (|C|
 * - 2)} in [0, 1], Hoeffding's bound (valid for sampling without replacement) and a union bound
 * over the n vertices give: with {@code k = ⌈ln(2n / δ) / (2 ε'²)⌉}, {@code ε' = ε (n - 1) / n},
 * every sampled betweenness is within ε of the exact value with probability at least {@code 1 - δ}.
 * When {@code k ≥ |C|} the component is computed exactly. The pivots of a component are at most the
 * work budget ({@link #PIVOT_WORK_BUDGET} by default) {@code / (|C| + m_C)} (and at least {@link
 * #MIN_PIVOTS}), so that the sampled passes of a large graph cost about the same whatever its size;
 * a component up to {@code exactLimit} papers is exact only when its exact passes fit in the budget
 * too ({@link CentralityAnalysis} shares one budget among the communities, so that the
 * within-community passes do not grow with their number); when that cap binds, the bound holds with
 * the larger {@code ε = √(ln(2n / δ) / (2k)) · n / (n - 1)} instead, and {@link #epsilon()} reports
 * the largest ε of any sampled component. Harmonic estimates from the same pivots are unbiased with
 * error at most {@code ε' |C| w_max} under the same event; the closeness estimate (a ratio) is
 * consistent but has no stated bound.
 *
 * <p>Cost: {@code O(s (m + n log n))} for s sources, spread over all processors; sources are summed
 * in fixed chunks, so the values do not depend on the number of threads. Computed once, on first
 * access; thread-safe.
 */
public final class PathCentralities {

  private final IndexedGraph<?> graph;
  private final CentralityOptions options;
  private final int threads;
  private final long workBudget;
  private final int renumberFrom;
  private double[] betweenness;
  private double[] closeness;
  private double[] harmonic;
  private int sources;
  private int sampledComponents;
  private double epsilon;

  /**
   * The most work the pivots of one sampled component may cost, in vertex and edge visits of the
   * single-source passes ({@code k · (|C| + m_C)}): 2.5·10⁸, which leaves every component of up to
   * about 40,000 papers of a top-10 graph (7 edges per paper) at the requested ε and caps a
   * million-paper graph at about 30 passes.
   */
  public static final long PIVOT_WORK_BUDGET = 250_000_000L;

  /**
   * Vertices from which the passes walk a renumbered copy of the graph: vertices in the order a
   * breadth-first search from the lowest index reaches them, so that a vertex's neighbours have
   * numbers near its own. A pass reads its scratch (distance, path count, heap position,
   * predecessors) at every neighbour of every vertex it settles; in index order those reads land
   * anywhere in arrays of the whole graph's size, most of them cache misses once the scratch
   * outgrows the core's cache (at 74,728 papers ~3.6 MB of it, 80-100 ns per edge visited). Each
   * row keeps its neighbours in the graph's order and the heap breaks ties by the vertex index, so
   * every pass makes the same operations in the same order and the values are the same bit for bit.
   */
  static final int RENUMBER_FROM = 16_384;

  /** The fewest pivots a sampled component gets, whatever the budget. */
  public static final int MIN_PIVOTS = 16;

  /**
   * On every processor; see {@link #PathCentralities(IndexedGraph, CentralityOptions, int)}.
   *
   * @throws IllegalArgumentException if an edge weight is not positive (its length would be
   *     infinite)
   */
  public PathCentralities(IndexedGraph<?> graph, CentralityOptions options) {
    this(graph, options, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threads the single-source passes run on at most this many threads (the values do not
   *     depend on it)
   * @throws IllegalArgumentException if an edge weight is not positive (its length would be
   *     infinite), or threads is below 1
   */
  public PathCentralities(IndexedGraph<?> graph, CentralityOptions options, int threads) {
    this(graph, options, threads, PIVOT_WORK_BUDGET);
  }

  /**
   * With another work budget: the most vertex and edge visits the passes of one component may cost
   * (see the class comment); {@link CentralityAnalysis} gives each community its share of one.
   *
   * @throws IllegalArgumentException as {@link #PathCentralities(IndexedGraph, CentralityOptions,
   *     int)}, or if the budget is not positive
   */
  PathCentralities(IndexedGraph<?> graph, CentralityOptions options, int threads, long workBudget) {
    this(graph, options, threads, workBudget, RENUMBER_FROM);
  }

  /**
   * With another work budget and the number of vertices from which the passes renumber them (see
   * {@link #RENUMBER_FROM}; the values do not depend on it), for the tests.
   */
  PathCentralities(
      IndexedGraph<?> graph,
      CentralityOptions options,
      int threads,
      long workBudget,
      int renumberFrom) {
    this.renumberFrom = renumberFrom;
    this.graph = Objects.requireNonNull(graph, "graph");
    this.options = Objects.requireNonNull(options, "options");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (workBudget < 1) {
      throw new IllegalArgumentException("work budget must be positive: " + workBudget);
    }
    this.threads = threads;
    this.workBudget = workBudget;
    for (double w : graph.weight()) {
      if (!(w > 0)) {
        throw new IllegalArgumentException("centralities need positive edge weights, found " + w);
      }
    }
  }

  /** Normalised betweenness by vertex index. */
  public double[] betweenness() {
    compute();
    return betweenness.clone();
  }

  /** Wasserman-Faust closeness by vertex index. */
  public double[] closeness() {
    compute();
    return closeness.clone();
  }

  /** Harmonic centrality (sum of 1/d) by vertex index. */
  public double[] harmonic() {
    compute();
    return harmonic.clone();
  }

  /** The number of single-source passes made (n when everything is exact). */
  public int sources() {
    compute();
    return sources;
  }

  /** The number of components whose values are sampled estimates (0 when exact). */
  public int sampledComponents() {
    compute();
    return sampledComponents;
  }

  /**
   * The betweenness error bound that holds with probability {@code 1 - δ} for every sampled value:
   * the options' ε, or larger where {@link #PIVOT_WORK_BUDGET} capped the pivots; 0 when every
   * value is exact.
   */
  public double epsilon() {
    compute();
    return epsilon;
  }

  /** True when every value is exact. */
  public boolean exact() {
    return sampledComponents() == 0;
  }

  /**
   * The number of pivots a component needs for the bound: {@code ⌈ln(2n / δ) / (2 ε'²)⌉} with
   * {@code ε' = ε (n - 1) / n}.
   */
  public static int pivots(int n, double epsilon, double delta) {
    double e = epsilon * (n - 1) / n;
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(Math.log(2.0 * n / delta) / (2 * e * e)));
  }

  /**
   * The ε that k pivots guarantee, the inverse of {@link #pivots}: {@code √(ln(2n / δ) / (2k)) · n
   * / (n - 1)}.
   */
  static double epsilonOf(int n, int k, double delta) {
    return Math.sqrt(Math.log(2.0 * n / delta) / (2.0 * k)) * n / (n - 1);
  }

  private synchronized void compute() {
    if (betweenness == null) {
      new Algorithm().run();
    }
  }

  private final class Algorithm {
    /**
     * Sources are split into at most this many chunks, summed in order: results do not depend on
     * the thread count.
     */
    private static final int CHUNKS = 32;

    private final int n = graph.size();
    private final int[] first = graph.first();
    private final int[] nb = graph.neighbour();

    /**
     * The graph the passes walk: {@link #first} and {@link #nb} with the vertices renumbered (see
     * {@link PathCentralities#RENUMBER_FROM}), or the same arrays; edge lengths at the same
     * positions.
     */
    private final int[] passFirst;

    private final int[] passNb;
    private final double[] len;

    /**
     * The number the passes give each vertex ({@code label[v]}) and the vertex of each number
     * ({@code vertexOf[l]}); both the identity when the graph is not renumbered.
     */
    private final int[] label;

    private final int[] vertexOf;

    Algorithm() {
      double[] w = graph.weight();
      len = new double[w.length];
      if (n < renumberFrom) {
        passFirst = first;
        passNb = nb;
        for (int k = 0; k < w.length; k++) len[k] = 1.0 / w[k];
        label = identity(n);
        vertexOf = label;
        return;
      }
      vertexOf = breadthFirstOrder();
      label = new int[n];
      for (int l = 0; l < n; l++) label[vertexOf[l]] = l;
      passFirst = new int[n + 1];
      passNb = new int[nb.length];
      for (int l = 0; l < n; l++) {
        int v = vertexOf[l];
        int at = passFirst[l];
        for (int k = first[v]; k < first[v + 1]; k++, at++) {
          passNb[at] = label[nb[k]];
          len[at] = 1.0 / w[k];
        }
        passFirst[l + 1] = at;
      }
    }

    private int[] identity(int size) {
      int[] id = new int[size];
      for (int i = 0; i < size; i++) id[i] = i;
      return id;
    }

    /** The vertices in breadth-first order, each component from its lowest index. */
    private int[] breadthFirstOrder() {
      int[] order = new int[n];
      boolean[] seen = new boolean[n];
      int tail = 0;
      for (int s = 0; s < n; s++) {
        if (seen[s]) continue;
        int head = tail;
        order[tail++] = s;
        seen[s] = true;
        while (head < tail) {
          int v = order[head++];
          for (int k = first[v]; k < first[v + 1]; k++) {
            int u = nb[k];
            if (!seen[u]) {
              seen[u] = true;
              order[tail++] = u;
            }
          }
        }
      }
      return order;
    }

    void run() {
      int[] component = graph.components();
      int nComponents = 0;
      for (int c : component) nComponents = Math.max(nComponents, c + 1);
      int[] compSize = new int[nComponents];
      for (int c : component) compSize[c]++;
      int[][] members = new int[nComponents][];
      for (int c = 0; c < nComponents; c++) members[c] = new int[compSize[c]];
      int[] fill = new int[nComponents];
      for (int v = 0; v < n; v++) members[component[v]][fill[component[v]]++] = v;

      // choose the sources of every component, in a fixed order
      Random random = new Random(options.seed());
      int[] sourceList = new int[n];
      double[] scaleList = new double[n];
      int total = 0;
      int sampled = 0;
      double worstEpsilon = 0;
      for (int c = 0; c < nComponents; c++) {
        int size = compSize[c];
        if (size < 2) continue;
        int[] src = members[c];
        double scale = 1.0;
        long degrees = 0;
        for (int v : src) degrees += first[v + 1] - first[v];
        long visits = size + degrees / 2;
        if (size > options.exactLimit() || (long) size * visits > workBudget) {
          int k =
              (int)
                  Math.min(
                      pivots(n, options.epsilon(), options.delta()),
                      Math.max(MIN_PIVOTS, workBudget / visits));
          if (k < size) {
            worstEpsilon = Math.max(worstEpsilon, epsilonOf(n, k, options.delta()));
            // a seeded partial Fisher-Yates shuffle picks k distinct pivots
            int[] pool = src.clone();
            for (int i = 0; i < k; i++) {
              int j = i + random.nextInt(pool.length - i);
              int t = pool[i];
              pool[i] = pool[j];
              pool[j] = t;
            }
            src = Arrays.copyOf(pool, k);
            Arrays.sort(src);
            scale = (double) size / k;
            sampled++;
          }
        }
        for (int s : src) {
          sourceList[total] = s;
          scaleList[total++] = scale;
        }
      }

      for (int i = 0; i < total; i++) sourceList[i] = label[sourceList[i]];
      double[][] sums = accumulate(sourceList, scaleList, total);
      double[] bc = new double[n];
      double[] sumDist = new double[n];
      double[] harm = new double[n];
      for (int v = 0; v < n; v++) {
        bc[v] = sums[0][label[v]];
        sumDist[v] = sums[1][label[v]];
        harm[v] = sums[2][label[v]];
      }
      if (n > 2) {
        double norm = 1.0 / ((double) (n - 1) * (n - 2));
        for (int v = 0; v < n; v++) bc[v] *= norm;
      }
      double[] clo = new double[n];
      for (int v = 0; v < n; v++) {
        int reach = compSize[component[v]];
        if (sumDist[v] > 0 && n > 1) {
          clo[v] = ((reach - 1) / sumDist[v]) * ((reach - 1) / (double) (n - 1));
        }
      }
      closeness = clo;
      harmonic = harm;
      sources = total;
      sampledComponents = sampled;
      epsilon = worstEpsilon;
      betweenness = bc;
    }

    /**
     * Runs the passes of {@code total} sources, split into fixed chunks run on up to {@code
     * threads} threads, each thread with one scratch for all its passes; chunk sums are added in
     * chunk order. Returns {betweenness (raw), distance sums, harmonic}.
     */
    private double[][] accumulate(int[] src, double[] scale, int total) {
      double[][] sum = new double[3][n];
      if (total == 0) return sum;
      int chunks = Math.min(CHUNKS, total);
      ChunkSums sums = new ChunkSums(sum, chunks);
      Parallel.forEachTask(
          Math.min(threads, chunks),
          chunks,
          Pass::new,
          (pass, c) -> {
            int from = (int) ((long) total * c / chunks);
            int to = (int) ((long) total * (c + 1) / chunks);
            double[][] part = sums.take();
            for (int i = from; i < to; i++) pass.run(src[i], scale[i], part[0], part[1], part[2]);
            sums.done(c, part);
          });
      return sums.sum;
    }

    /**
     * The chunks' sums added into the total in chunk order as they become ready, whatever order
     * they finish in: a chunk's array goes back to a pool once added, so the passes use about one
     * array per thread instead of one per chunk (at a million papers, each chunk's three sums are
     * 24 MB).
     */
    private final class ChunkSums {
      final double[][] sum;
      private final double[][][] ready;
      private final ArrayDeque<double[][]> free = new ArrayDeque<>();
      private int next;

      ChunkSums(double[][] sum, int chunks) {
        this.sum = sum;
        this.ready = new double[chunks][][];
      }

      /** An array of three zeroed sums for one chunk. */
      synchronized double[][] take() {
        double[][] part = free.poll();
        return part != null ? part : new double[3][n];
      }

      /** Chunk c's sums, added now if every earlier chunk's are, else when they are. */
      synchronized void done(int c, double[][] part) {
        ready[c] = part;
        while (next < ready.length && ready[next] != null) {
          double[][] p = ready[next];
          ready[next++] = null;
          for (int a = 0; a < 3; a++) {
            double[] to = sum[a];
            double[] from = p[a];
            for (int v = 0; v < n; v++) {
              to[v] += from[v];
              from[v] = 0;
            }
          }
          free.push(p);
        }
      }
    }

    /** The scratch of the single-source passes of one thread. */
    private final class Pass {
      private final double[] dist = new double[n];
      private final double[] sigma = new double[n];
      private final double[] delta = new double[n];
      private final int[] stack = new int[n];
      private final int[] predFirst = new int[n]; // predecessors as linked lists over edge slots
      private final int[] predNext = new int[nb.length];
      private final int[] predVertex = new int[nb.length];
      private final IndexedMinHeap heap = new IndexedMinHeap(vertexOf);

      /**
       * One Brandes pass from s: Dijkstra counting shortest paths, then dependencies accumulated in
       * reverse order of distance. Adds {@code scale · δ_s(v)} to bc, {@code scale · d(s, v)} to
       * sumDist and {@code scale / d(s, v)} to harm, for every v reached.
       */
      void run(int s, double scale, double[] bc, double[] sumDist, double[] harm) {
        int top = 0;
        int predCount = 0;
        dist[s] = 0;
        sigma[s] = 1;
        predFirst[s] = -1;
        heap.clear();
        heap.insert(s, 0);
        while (!heap.isEmpty()) {
          int v = heap.pollMin();
          stack[top++] = v;
          double dv = dist[v];
          for (int k = passFirst[v]; k < passFirst[v + 1]; k++) {
            int u = passNb[k];
            double du = dv + len[k];
            int state = heap.state(u);
            if (state == IndexedMinHeap.UNSEEN
                || (state == IndexedMinHeap.QUEUED && du < dist[u])) {
              dist[u] = du;
              sigma[u] = sigma[v];
              predVertex[predCount] = v;
              predNext[predCount] = -1;
              predFirst[u] = predCount++;
              if (state == IndexedMinHeap.UNSEEN) heap.insert(u, du);
              else heap.decrease(u, du);
            } else if (state == IndexedMinHeap.QUEUED && du == dist[u]) {
              sigma[u] += sigma[v];
              predVertex[predCount] = v;
              predNext[predCount] = predFirst[u];
              predFirst[u] = predCount++;
            }
          }
        }
        for (int i = 0; i < top; i++) delta[stack[i]] = 0;
        for (int i = top - 1; i >= 0; i--) {
          int w = stack[i];
          double coeff = (1 + delta[w]) / sigma[w];
          for (int p = predFirst[w]; p >= 0; p = predNext[p]) {
            int v = predVertex[p];
            delta[v] += sigma[v] * coeff;
          }
          if (w != s) {
            bc[w] += scale * delta[w];
            sumDist[w] += scale * dist[w];
            harm[w] += scale / dist[w];
          }
        }
        for (int i = 0; i < top; i++) heap.reset(stack[i]);
      }
    }
  }

  /**
   * A binary min-heap of vertex numbers keyed by distance, with decrease-key. Each slot holds its
   * key beside its vertex, so a sift compares keys within the heap's own arrays instead of looking
   * each vertex's key up; ties go by the vertex's rank (its index in the graph, when the passes
   * renumber the vertices), so the order of {@link #pollMin} is fixed and does not depend on the
   * numbering.
   */
  static final class IndexedMinHeap {
    static final int UNSEEN = -1;
    static final int QUEUED = 0;
    static final int SETTLED = 1;
    private final int[] heap;
    private final double[] heapKey; // the key of the vertex in each slot
    private final int[] pos; // position in heap, or -1 unseen, -2 settled
    private final int[] rank; // read on equal keys only
    private int size;

    /** A heap of vertices 0 to {@code rank.length - 1}, ties by {@code rank}. */
    IndexedMinHeap(int[] rank) {
      int n = rank.length;
      this.rank = rank;
      heap = new int[n];
      heapKey = new double[n];
      pos = new int[n];
      Arrays.fill(pos, -1);
    }

    int state(int v) {
      return pos[v] == -1 ? UNSEEN : pos[v] == -2 ? SETTLED : QUEUED;
    }

    boolean isEmpty() {
      return size == 0;
    }

    void clear() {
      size = 0;
    }

    void reset(int v) {
      pos[v] = -1;
    }

    void insert(int v, double k) {
      up(size++, v, k);
    }

    void decrease(int v, double k) {
      up(pos[v], v, k);
    }

    int pollMin() {
      int v = heap[0];
      pos[v] = -2;
      size--;
      if (size > 0) {
        down(heap[size], heapKey[size]);
      }
      return v;
    }

    /** Places vertex v with key k at slot i or above it. */
    private void up(int i, int v, double k) {
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        double pk = heapKey[parent];
        if (!(k < pk || (k == pk && rank[v] < rank[heap[parent]]))) break;
        heap[i] = heap[parent];
        heapKey[i] = pk;
        pos[heap[i]] = i;
        i = parent;
      }
      heap[i] = v;
      heapKey[i] = k;
      pos[v] = i;
    }

    /** Places vertex v with key k at the root or below it. */
    private void down(int v, double k) {
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= size) break;
        double ck = heapKey[c];
        if (c + 1 < size) {
          double rk = heapKey[c + 1];
          if (rk < ck || (rk == ck && rank[heap[c + 1]] < rank[heap[c]])) {
            c++;
            ck = rk;
          }
        }
        if (!(ck < k || (ck == k && rank[heap[c]] < rank[v]))) break;
        heap[i] = heap[c];
        heapKey[i] = ck;
        pos[heap[i]] = i;
        i = c;
      }
      heap[i] = v;
      heapKey[i] = k;
      pos[v] = i;
    }
  }
}
