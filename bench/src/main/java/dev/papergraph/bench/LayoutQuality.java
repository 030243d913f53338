package dev.papergraph.bench;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.layout.ForceAtlas2;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.similarity.Link;
import dev.papergraph.workspace.BuildOptions;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layout-quality}: how well a built workspace's graph is laid out after each of several
 * ForceAtlas2 iteration counts, and what each costs, to choose {@link
 * ForceAtlas2.Options#defaults}' count by size. The layout is the build's own ({@link
 * Layouts#compute} of the workspace's links, its communities as the grouped start, the build's seed
 * and threads); its quality is the <b>neighbourhood preservation</b> of sampled papers: of a
 * paper's {@code d} graph neighbours, the share among its {@code d} nearest papers in the layout
 * (the measure quoted in ForceAtlas2's comment), by brute force over every position.
 */
@Command(
    name = "layout-quality",
    mixinStandardHelpOptions = true,
    description =
        "Lays a workspace's graph out after several iteration counts and prints each one's"
            + " neighbourhood preservation and CPU time.")
final class LayoutQuality implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "A built workspace folder.")
  Path workspace;

  @Option(
      names = "--iterations",
      split = ",",
      paramLabel = "N",
      description = "Iteration counts to compare (default: ${DEFAULT-VALUE}).")
  List<Integer> iterations = List.of(25, 50);

  @Option(
      names = "--sample",
      paramLabel = "N",
      description = "Papers whose neighbourhoods are compared (default: ${DEFAULT-VALUE}).")
  int sample = 1000;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Workspace ws = Workspace.open(workspace);
    List<PaperRef> catalog = ws.catalog();
    List<String> ids = new ArrayList<>(catalog.size());
    Map<String, Integer> groups = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (PaperRef r : catalog) {
      index.put(r.id(), ids.size());
      ids.add(r.id());
      if (r.community() >= 0) {
        groups.put(r.id(), r.community());
      }
    }
    List<Link> links = ws.links();
    int n = ids.size();
    // graph neighbours of the sampled papers
    int[] drawn = new Random(seed).ints(0, n).distinct().limit(Math.min(sample, n)).toArray();
    Map<Integer, List<Integer>> neighbours = new HashMap<>();
    for (int d : drawn) {
      neighbours.put(d, new ArrayList<>());
    }
    for (Link l : links) {
      int a = index.get(l.a()), b = index.get(l.b());
      List<Integer> na = neighbours.get(a), nb = neighbours.get(b);
      if (na != null) na.add(b);
      if (nb != null) nb.add(a);
    }
    int threads = Runtime.getRuntime().availableProcessors();
    out.printf(
        Locale.ROOT,
        "layout-quality: %d papers, %d links, %d sampled, %d threads%n",
        n,
        links.size(),
        drawn.length,
        threads);
    out.println("| iterations | neighbourhood preservation | layout wall s | layout CPU s |");
    out.println("|---:|---:|---:|---:|");
    for (int it : iterations) {
      ForceAtlas2.Options options =
          ForceAtlas2.Options.defaults(BuildOptions.LAYOUT_SEED_DEFAULT, n)
              .withThreads(threads)
              .withIterations(it);
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      Layout layout = Layouts.compute(ids, links, groups, options, done -> {});
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        Layout.Point p = layout.positions().get(ids.get(i));
        x[i] = p.x();
        y[i] = p.y();
      }
      double[] share = new double[drawn.length];
      Parallel.forEach(
          threads,
          drawn.length,
          s -> share[s] = preserved(drawn[s], neighbours.get(drawn[s]), x, y));
      double mean = Arrays.stream(share).average().orElse(0);
      out.printf(Locale.ROOT, "| %d | %.4f | %.1f | %.1f |%n", it, mean, wall, cpu);
      out.flush();
    }
    return 0;
  }

  /** Of paper i's d graph neighbours, the share among its d nearest other papers in the layout. */
  private static double preserved(int i, List<Integer> graphNeighbours, double[] x, double[] y) {
    int d = graphNeighbours.size();
    if (d == 0) {
      return 0;
    }
    // the d-th smallest squared distance, by a bounded max-heap of d
    double[] heap = new double[d];
    int size = 0;
    for (int j = 0; j < x.length; j++) {
      if (j == i) continue;
      double dx = x[j] - x[i], dy = y[j] - y[i];
      double q = dx * dx + dy * dy;
      if (size < d) {
        heap[size] = q;
        siftUp(heap, size++);
      } else if (q < heap[0]) {
        heap[0] = q;
        siftDown(heap, d);
      }
    }
    double radius = heap[0];
    int inside = 0;
    for (int j : graphNeighbours) {
      double dx = x[j] - x[i], dy = y[j] - y[i];
      if (dx * dx + dy * dy <= radius) inside++;
    }
    return Math.min(1.0, inside / (double) d);
  }

  private static void siftUp(double[] h, int c) {
    while (c > 0) {
      int p = (c - 1) / 2;
      if (h[p] >= h[c]) return;
      double t = h[p];
      h[p] = h[c];
      h[c] = t;
      c = p;
    }
  }

  private static void siftDown(double[] h, int size) {
    int p = 0;
    while (true) {
      int l = 2 * p + 1, r = l + 1, m = p;
      if (l < size && h[l] > h[m]) m = l;
      if (r < size && h[r] > h[m]) m = r;
      if (m == p) return;
      double t = h[p];
      h[p] = h[m];
      h[m] = t;
      p = m;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
