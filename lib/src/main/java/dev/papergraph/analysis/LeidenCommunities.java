package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.LongConsumer;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.jgrapht.Graph;

/**
 * Communities of a weighted undirected graph by the Leiden algorithm (Traag, Waltman and Van Eck
 * 2019, "From Louvain to Leiden: guaranteeing well-connected communities", Sci. Rep. 9:5233), run
 * by the CWTS {@code networkanalysis} library, the authors' own Java implementation. JGraphT 1.5.3
 * has no Leiden or Louvain (its {@code alg.clustering} holds Girvan-Newman, greedy modularity,
 * label propagation and k-spanning-tree only).
 *
 * <p>CWTS optimises one quality function, CPM with node weights: {@code Σ_c [2 w_c - γ' K_c²] /
 * 2W}. With node weights equal to the vertex strengths and {@code γ' = γ / 2W} it is modularity at
 * resolution γ (what CWTS's own command line does); with unit node weights and {@code γ' = γ} it is
 * CPM. Each start runs Leiden from singletons; the best of the starts is kept: {@code starts}, but
 * no more than {@link #START_WORK_BUDGET} {@code / m} (at least one) on a graph of m edges, so that
 * a large graph is not partitioned ten times over ({@link #startsRun()}). "Until stable" ({@code
 * iterations} 0) stops at the first iteration that moves nothing or does not raise the quality, and
 * after at most {@link CommunityOptions#UNTIL_STABLE_CAP} iterations ({@link
 * #LARGE_UNTIL_STABLE_CAP} on an input of more than {@link #LARGE_INPUT_EDGES} edges: {@link
 * #untilStableCapRun()}). Communities below the minimum size are then merged or marked (see {@link
 * SmallCommunities}), and the reported modularity is recomputed from its definition by {@link
 * Modularity} at γ = 1 on the final partition. Leiden may run on another graph of the same papers
 * than the one measured (the {@link SharedNeighbourGraph} of the top-k lists, as {@link
 * AnalysisStage} does by default); the merging and the modularity then still use the measured
 * graph. Cost per Leiden iteration about {@code O(m)}.
 *
 * <p>Computed once, on first call of {@link #communities()}.
 */
public final class LeidenCommunities {

  /**
   * The most edge-starts (Leiden starts times edges) a partition may cost: 300,000, which keeps
   * every requested start on graphs of up to 30,000 edges (the 415 seed papers' shared-neighbour
   * graph has 6,929) and runs one start above 150,000 edges (10,000 arXiv papers: 156,202), as
   * CWTS's own command line does by default. At 10,000 arXiv papers the best of 6 starts gained
   * 0.0008 modularity and 0.002 NMI against the arXiv categories over one start (5 seeds; the
   * seed-to-seed spread is 0.008 NMI) for 4x the Leiden time.
   */
  public static final long START_WORK_BUDGET = 300_000L;

  /**
   * Input edges above which "until stable" stops after at most {@link #LARGE_UNTIL_STABLE_CAP}
   * iterations: 500,000 (10,000 arXiv papers' shared-neighbour graph has 156,202 edges, 74,728
   * papers' 1,231,409).
   */
  public static final int LARGE_INPUT_EDGES = 500_000;

  /**
   * The "until stable" cap of an input above {@link #LARGE_INPUT_EDGES} edges: 4. On 74,728 arXiv
   * papers 4 iterations keep NMI 0.930 to the partition run until stable (two seeds until stable
   * agree at 0.878-0.897) and NMI 0.2166 against the papers' primary arXiv categories (0.2184 until
   * stable; 0.2164-0.2193 over three seeds) at about a fifth of Leiden's time.
   */
  public static final int LARGE_UNTIL_STABLE_CAP = 4;

  private final IndexedGraph<String> input;
  private final IndexedGraph<String> graph;
  private final CommunityOptions options;
  private Communities result;
  private int iterationsRun;

  /** Detects communities in a graph whose vertices are paper ids. */
  public <E> LeidenCommunities(Graph<String, E> graph, CommunityOptions options) {
    this(IndexedGraph.of(graph), options);
  }

  /** Detects communities in an indexed graph. */
  public LeidenCommunities(IndexedGraph<String> graph, CommunityOptions options) {
    this(graph, graph, options);
  }

  /**
   * Detects communities of {@code graph} by partitioning another graph on the same vertices, such
   * as its {@link SharedNeighbourGraph}: Leiden runs on {@code input}; small communities merge
   * along the edges of {@code graph}, and the reported modularity is that of {@code graph}. ({@code
   * options.input()} is not read here: it tells {@link AnalysisStage} which input to build.)
   *
   * @throws IllegalArgumentException if the two graphs' vertices differ
   */
  public LeidenCommunities(
      IndexedGraph<String> input, IndexedGraph<String> graph, CommunityOptions options) {
    this.input = Objects.requireNonNull(input, "input");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.options = Objects.requireNonNull(options, "options");
    if (input.vertices() != graph.vertices() && !input.vertices().equals(graph.vertices())) {
      throw new IllegalArgumentException("the Leiden input has other vertices than the graph");
    }
  }

  /**
   * The number of Leiden starts run: the options' starts, capped by {@link #START_WORK_BUDGET} on
   * large graphs.
   */
  public int startsRun() {
    long m = Math.max(1, input.edgeCount());
    return (int) Math.min(options.starts(), Math.max(1, START_WORK_BUDGET / m));
  }

  /** The number of edges of the graph Leiden partitions. */
  int inputEdges() {
    return input.edgeCount();
  }

  /**
   * The most iterations a start runs when the options say "until stable": {@link
   * CommunityOptions#UNTIL_STABLE_CAP}, or {@link #LARGE_UNTIL_STABLE_CAP} on an input of more than
   * {@link #LARGE_INPUT_EDGES} edges.
   */
  public int untilStableCapRun() {
    return input.edgeCount() > LARGE_INPUT_EDGES
        ? Math.min(CommunityOptions.UNTIL_STABLE_CAP, LARGE_UNTIL_STABLE_CAP)
        : CommunityOptions.UNTIL_STABLE_CAP;
  }

  /**
   * The Leiden iterations the kept start ran, the last one counted even when it moved nothing or
   * was undone; computes the partition if it was not yet.
   */
  public int iterationsRun() {
    communities();
    return iterationsRun;
  }

  /** The partition, with modularity; labels and central papers are left empty. */
  public Communities communities() {
    return communities(startsDone -> {});
  }

  /**
   * The partition, as {@link #communities()}; when it is computed by this call, each Leiden start
   * done is reported to {@code startsDone} (one unit each, {@code options.starts()} in all; the
   * starts the work budget leaves out count as done when the last start run is).
   */
  public Communities communities(LongConsumer startsDone) {
    if (result == null) {
      result = new Algorithm().run(startsDone);
    }
    return result;
  }

  /**
   * CWTS's network of an indexed graph: the network its edge-list constructor makes of the graph's
   * edges {@code (i, j)}, {@code i < j}, each with the weight row i gives it, built from the
   * graph's rows directly. The edge-list constructor stores every edge from both ends and sorts
   * them all, which cost a fifth of a 10,000-paper partition; the graph's rows are that sorted list
   * already (sorted, no self-links, every edge from both ends), so only the weights of the lower
   * half of each row are taken from the other end. LeidenCommunitiesTest checks the two are the
   * same.
   *
   * @param nodeWeightsAreStrengths node weights equal to the vertex strengths, else 1
   */
  static Network network(IndexedGraph<?> g, boolean nodeWeightsAreStrengths) {
    int n = g.size();
    int[] first = g.first();
    int[] nb = g.neighbour();
    double[] w = g.weight();
    long[] firstNeighbours = new long[n + 1];
    for (int i = 0; i <= n; i++) firstNeighbours[i] = first[i];
    double[] weights = w.clone();
    // the edges (j, i), i < j, in row j come in increasing i, as the rows i are walked
    int[] mirror = Arrays.copyOf(first, n);
    for (int i = 0; i < n; i++) {
      for (int k = first[i]; k < first[i + 1]; k++) {
        int j = nb[k];
        if (j > i) {
          int back = mirror[j]++;
          if (nb[back] != i) {
            throw new IllegalStateException("edge " + i + " -- " + j + " is stored from one end");
          }
          weights[back] = w[k];
        }
      }
    }
    return new Network(
        n,
        nodeWeightsAreStrengths,
        firstNeighbours,
        new LargeIntArray(nb),
        new LargeDoubleArray(weights),
        false);
  }

  private final class Algorithm {
    private final int n = graph.size();
    private final int[] first = graph.first();
    private final int[] nb = graph.neighbour();
    private final double[] w = graph.weight();

    Communities run(LongConsumer startsDone) {
      int[] membership = leiden(startsDone);
      boolean[] small = new boolean[n];
      membership = handleSmall(membership, small);
      return assemble(membership, small);
    }

    /**
     * Leiden on the input graph from singletons, best of the starts; community numbers in {@code
     * [0, n)}.
     */
    private int[] leiden(LongConsumer startsDone) {
      if (input.edgeCount() == 0) {
        startsDone.accept(options.starts());
        int[] singletons = new int[n];
        Arrays.setAll(singletons, i -> i);
        return singletons;
      }
      boolean modularity = options.quality() == QualityFunction.MODULARITY;
      // node weights: strengths for modularity, 1 for CPM (see class comment)
      Network network = network(input, modularity);
      double resolution =
          modularity
              ? options.resolution() / (2 * network.getTotalEdgeWeight())
              : options.resolution();
      Random random = new Random(options.seed());
      boolean untilStable = options.iterations() <= 0;
      // CWTS's own "until stable" (nIterations 0) is replaced by untilStable(): it can loop forever
      LeidenAlgorithm leiden =
          new LeidenAlgorithm(
              resolution, untilStable ? 1 : options.iterations(), options.randomness(), random);
      Clustering best = null;
      double bestQuality = Double.NEGATIVE_INFINITY;
      int starts = startsRun();
      int cap = untilStableCapRun();
      for (int s = 0; s < starts; s++) {
        Clustering clustering;
        int ran;
        if (untilStable) {
          int[] iterations = {0};
          clustering = untilStable(leiden, network, cap, iterations);
          ran = iterations[0];
        } else {
          clustering = new Clustering(n);
          leiden.improveClustering(network, clustering);
          ran = options.iterations();
        }
        double q = leiden.calcQuality(network, clustering);
        startsDone.accept(1);
        if (q > bestQuality) {
          best = clustering;
          bestQuality = q;
          iterationsRun = ran;
        }
      }
      // starts the work budget left out count as done
      if (starts < options.starts()) {
        startsDone.accept(options.starts() - starts);
      }
      return best.getClusters().clone();
    }

    /**
     * Leiden iterations from singletons until one moves no node, or does not raise the quality, or
     * {@code cap} have run ({@link #untilStableCapRun()}); the iterations run go to {@code ran[0]}.
     * CWTS stops only on the first condition, which rounding can defeat: a node whose own cluster
     * and another one are exactly as good (as the middle of a path is at high resolution) is kept
     * only if its own one wins the tie, but its own cluster's weight is updated by subtraction
     * ({@code (w + 2w) - 2w} need not be {@code w}) and can lose by an ulp, so the node moves,
     * moves back in the next iteration, and so on forever, the quality unchanged. An iteration that
     * moved nodes without raising the quality is undone: its partition is no better than the one
     * before it.
     */
    private Clustering untilStable(LeidenAlgorithm leiden, Network network, int cap, int[] ran) {
      Clustering clustering = new Clustering(n);
      double quality = leiden.calcQuality(network, clustering);
      for (int i = 0; i < cap; i++) {
        Clustering before = clustering.clone();
        ran[0] = i + 1;
        if (!leiden.improveClustering(network, clustering)) {
          return clustering;
        }
        double q = leiden.calcQuality(network, clustering);
        if (!(q > quality)) {
          return before;
        }
        quality = q;
      }
      return clustering;
    }

    /**
     * Merges (or marks) communities below the minimum size. A small community goes, smallest first,
     * to the neighbouring community it shares the most edge weight with in {@code graph} (ties: the
     * larger, then the lower number); one without edges to other communities stays and is marked.
     */
    private int[] handleSmall(int[] membership, boolean[] smallOut) {
      int min = options.minSize();
      int[] size = new int[n];
      for (int c : membership) size[c]++;
      if (options.small() == SmallCommunities.MERGE && min > 1) {
        // each community's members as a linked list in flat arrays (head, tail, next; -1 ends),
        // in the order lists of boxed indices kept them: increasing index, then each merged
        // community's members appended. One list per possible community number was a million
        // lists and boxed indices at a million papers.
        int[] head = new int[n];
        int[] tail = new int[n];
        int[] next = new int[n];
        Arrays.fill(head, -1);
        Arrays.fill(next, -1);
        for (int i = 0; i < n; i++) {
          int c = membership[i];
          if (head[c] < 0) {
            head[c] = i;
          } else {
            next[tail[c]] = i;
          }
          tail[c] = i;
        }
        PriorityQueue<int[]> queue =
            new PriorityQueue<>(
                Comparator.<int[]>comparingInt(a -> a[1]).thenComparingInt(a -> a[0]));
        for (int c = 0; c < n; c++) {
          if (size[c] > 0 && size[c] < min) queue.add(new int[] {c, size[c]});
        }
        double[] link = new double[n];
        int[] touched = new int[n];
        while (!queue.isEmpty()) {
          int[] top = queue.poll();
          int c = top[0];
          if (size[c] != top[1] || size[c] == 0 || size[c] >= min) {
            continue; // stale entry
          }
          int t = 0;
          for (int v = head[c]; v >= 0; v = next[v]) {
            for (int k = first[v]; k < first[v + 1]; k++) {
              int d = membership[nb[k]];
              if (d != c) {
                if (link[d] == 0) touched[t++] = d;
                link[d] += w[k];
              }
            }
          }
          int target = -1;
          for (int j = 0; j < t; j++) {
            int d = touched[j];
            if (target < 0
                || link[d] > link[target]
                || (link[d] == link[target]
                    && (size[d] > size[target] || (size[d] == size[target] && d < target)))) {
              target = d;
            }
          }
          for (int j = 0; j < t; j++) link[touched[j]] = 0;
          if (target < 0) {
            continue; // no edge out: stays, marked below
          }
          for (int v = head[c]; v >= 0; v = next[v]) membership[v] = target;
          next[tail[target]] = head[c];
          tail[target] = tail[c];
          head[c] = -1;
          size[target] += size[c];
          size[c] = 0;
          if (size[target] < min) queue.add(new int[] {target, size[target]});
        }
      }
      for (int c = 0; c < n; c++) smallOut[c] = size[c] > 0 && size[c] < min;
      return membership;
    }

    /** Renumbers by decreasing size (ties by smallest member id) and builds the result. */
    private Communities assemble(int[] membership, boolean[] small) {
      List<List<String>> groups = new ArrayList<>();
      int[] group = new int[n];
      Arrays.fill(group, -1);
      List<Boolean> smallFlags = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int c = membership[i];
        if (group[c] < 0) {
          group[c] = groups.size();
          groups.add(new ArrayList<>());
          smallFlags.add(small[c]);
        }
        groups.get(group[c]).add(graph.vertex(i));
      }
      Integer[] order = new Integer[groups.size()];
      for (int g = 0; g < order.length; g++) {
        order[g] = g;
        groups.get(g).sort(Comparator.naturalOrder());
      }
      Arrays.sort(
          order,
          Comparator.<Integer>comparingInt(g -> -groups.get(g).size())
              .thenComparing(g -> groups.get(g).get(0)));
      int[] rank = new int[order.length];
      List<Community> communities = new ArrayList<>(order.length);
      for (int r = 0; r < order.length; r++) {
        rank[order[r]] = r;
        communities.add(
            new Community(r, groups.get(order[r]), List.of(), List.of(), smallFlags.get(order[r])));
      }
      int[] finalMembership = new int[n];
      for (int i = 0; i < n; i++) {
        finalMembership[i] = rank[group[membership[i]]];
      }
      double q = Modularity.of(graph, finalMembership, 1.0);
      return new Communities(
          new Membership(graph, finalMembership),
          communities,
          q,
          options.quality().key(),
          options.resolution(),
          options.seed());
    }
  }
}
