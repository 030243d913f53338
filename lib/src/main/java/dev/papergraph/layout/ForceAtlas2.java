package dev.papergraph.layout;

import static dev.papergraph.model.Arguments.require;

import dev.papergraph.concurrent.Parallel;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * ForceAtlas2 force-directed layout (Jacomy, Venturini, Heymann, Bastian: "ForceAtlas2, a
 * Continuous Graph Layout Algorithm for Handy Network Visualization Designed for the Gephi
 * Software", PLoS ONE 9(6), 2014), computed headlessly and deterministically: one thread, a seeded
 * random start, a fixed number of iterations.
 *
 * <p>Forces, with the mass of a node = its degree + 1: repulsion {@code k_r m1 m2 / d} between all
 * pairs, approximated with a Barnes-Hut quadtree (cost {@code O(n log n)} per iteration instead of
 * {@code O(n²)}); attraction {@code w^δ d} along edges (or {@code w^δ log(1 + d)} in LinLog mode);
 * gravity {@code k_g m} towards the origin. Displacement uses the paper's adaptive global and local
 * speeds (swinging versus traction), as Gephi does.
 *
 * <p>Cost per iteration: {@code O(n log n + m)}; the repulsion, the dominant part, runs on {@link
 * Options#threads()} threads for graphs of 2048 nodes or more, with the same result as on one. The
 * network is held in flat arrays (compressed adjacency); positions are in Gephi's layout units.
 *
 * <p>The CWTS VOS layout ({@code nl.cwts.networkanalysis.GradientDescentVOSLayoutAlgorithm}) was
 * considered first: its gradient sums repulsion over all pairs without approximation, {@code O(n²)}
 * per iteration, which does not scale to the 75k-paper graphs papergraph must lay out.
 */
public final class ForceAtlas2 {

  /** Default scaling ratio (repulsion strength), Gephi's default for graphs of 100+ nodes. */
  public static final double SCALING_RATIO_DEFAULT = 2.0;

  /** Default gravity. */
  public static final double GRAVITY_DEFAULT = 1.0;

  /** Default Barnes-Hut opening criterion: a cell is approximated when size / distance < theta. */
  public static final double THETA_DEFAULT = 1.2;

  /** Default exponent of the edge weight in the attraction. */
  public static final double EDGE_WEIGHT_INFLUENCE_DEFAULT = 1.0;

  /** Default jitter tolerance. */
  public static final double JITTER_TOLERANCE_DEFAULT = 1.0;

  /**
   * Validated, immutable options.
   *
   * @param iterations the number of iterations, at least 1
   * @param seed the seed of the random start
   * @param scalingRatio repulsion strength, positive
   * @param gravity pull towards the origin, non-negative
   * @param theta Barnes-Hut opening criterion, non-negative (0 = exact all-pairs repulsion)
   * @param edgeWeightInfluence exponent of the edge weight in the attraction, non-negative
   * @param jitterTolerance how much swinging is tolerated, positive
   * @param linLog LinLog attraction (tighter clusters)
   * @param strongGravity gravity growing with the distance to the origin
   * @param threads threads computing the repulsion, at least 1 (the result does not depend on it)
   */
  public record Options(
      int iterations,
      long seed,
      double scalingRatio,
      double gravity,
      double theta,
      double edgeWeightInfluence,
      double jitterTolerance,
      boolean linLog,
      boolean strongGravity,
      int threads) {

    /**
     * @throws IllegalArgumentException naming the first invalid value
     */
    public Options {
      require(iterations >= 1, "iterations must be at least 1: %s", iterations);
      require(
          scalingRatio > 0 && Double.isFinite(scalingRatio),
          "scaling ratio must be positive: %s",
          scalingRatio);
      require(gravity >= 0 && Double.isFinite(gravity), "gravity cannot be negative: %s", gravity);
      require(theta >= 0 && Double.isFinite(theta), "theta cannot be negative: %s", theta);
      require(
          edgeWeightInfluence >= 0 && Double.isFinite(edgeWeightInfluence),
          "edge weight influence cannot be negative: %s",
          edgeWeightInfluence);
      require(
          jitterTolerance > 0 && Double.isFinite(jitterTolerance),
          "jitter tolerance must be positive: %s",
          jitterTolerance);
      require(threads >= 1, "threads must be at least 1: %s", threads);
    }

    /**
     * The defaults with this seed, an iteration count suited to a graph of {@code n} nodes (300 up
     * to 5,000 nodes, 100 up to 50,000, 50 above), and one thread per available processor. On small
     * graphs the neighbourhood preservation (below) stops rising by 200-300 iterations: 300 against
     * 600 iterations, the seeds (415 papers) 0.3453 against 0.3469, Donners_2021 (257) 0.4047
     * against 0.4062, Jeyaraman_2020 (1,173) 0.2345 against 0.2350, Chou_2004 (1,622) 0.2647
     * against 0.2633 (the bench's {@code layout-quality}); the 600 used up to 2,000 nodes until
     * 2026-12-03 cost the seeds' rebuild ~0.1 s. The grouped start ({@link Layouts}) leaves little
     * to settle on large graphs: on 10,000 arXiv papers (the semantic build's graph) 100 iterations
     * keep 99.5 % of the neighbourhood preservation of 150 (the share of a paper's graph neighbours
     * among as many of its nearest papers in the layout: 0.1170 against 0.1176; 75 give 0.1162, 50
     * give 0.1127) at two thirds of the cost; on 74,728 papers (the exact lexical graph, 1,000
     * papers drawn) 50 iterations preserve as much as 100 (0.0263 against 0.0261) at half the cost.
     */
    public static Options defaults(long seed, int n) {
      int iterations = n <= 5_000 ? 300 : n <= 50_000 ? 100 : 50;
      return new Options(
          iterations,
          seed,
          SCALING_RATIO_DEFAULT,
          GRAVITY_DEFAULT,
          THETA_DEFAULT,
          EDGE_WEIGHT_INFLUENCE_DEFAULT,
          JITTER_TOLERANCE_DEFAULT,
          false,
          false,
          Runtime.getRuntime().availableProcessors());
    }

    /** These options with another thread count. */
    public Options withThreads(int value) {
      return new Options(
          iterations,
          seed,
          scalingRatio,
          gravity,
          theta,
          edgeWeightInfluence,
          jitterTolerance,
          linLog,
          strongGravity,
          value);
    }

    /** These options with another iteration count. */
    public Options withIterations(int value) {
      return new Options(
          value,
          seed,
          scalingRatio,
          gravity,
          theta,
          edgeWeightInfluence,
          jitterTolerance,
          linLog,
          strongGravity,
          threads);
    }

    /** These options with another seed. */
    public Options withSeed(long value) {
      return new Options(
          iterations,
          value,
          scalingRatio,
          gravity,
          theta,
          edgeWeightInfluence,
          jitterTolerance,
          linLog,
          strongGravity,
          threads);
    }

    /** These options with another scaling ratio. */
    public Options withScalingRatio(double value) {
      return new Options(
          iterations,
          seed,
          value,
          gravity,
          theta,
          edgeWeightInfluence,
          jitterTolerance,
          linLog,
          strongGravity,
          threads);
    }

    /** These options with another theta. */
    public Options withTheta(double value) {
      return new Options(
          iterations,
          seed,
          scalingRatio,
          gravity,
          value,
          edgeWeightInfluence,
          jitterTolerance,
          linLog,
          strongGravity,
          threads);
    }

    /** These options with LinLog attraction on or off. */
    public Options withLinLog(boolean value) {
      return new Options(
          iterations,
          seed,
          scalingRatio,
          gravity,
          theta,
          edgeWeightInfluence,
          jitterTolerance,
          value,
          strongGravity,
          threads);
    }

    /**
     * Whether the repulsion of a graph of {@code nodes} nodes runs on several threads (from 2,048
     * nodes, with more than one thread); below, the layout keeps one thread.
     */
    public boolean parallel(int nodes) {
      return threads > 1 && nodes >= PARALLEL_FROM;
    }
  }

  /** Nodes from which the repulsion runs on several threads (below, starting them costs more). */
  private static final int PARALLEL_FROM = 2048;

  private final int n;
  private final int[] firstNeighbour;
  private final int[] neighbours;
  private final double[] weights;
  private final double[] startX;
  private final double[] startY;
  private final Options options;
  private double[][] result;

  /**
   * A layout of a network in compressed adjacency form: the neighbours of node {@code i} are {@code
   * neighbours[firstNeighbour[i] .. firstNeighbour[i+1])} with the matching {@code weights}; each
   * undirected edge appears in both directions.
   *
   * @param start initial positions {@code {x[], y[]}}, or {@code null} for a seeded random start
   * @throws IllegalArgumentException if the arrays do not describe a network of the same size
   */
  public ForceAtlas2(
      int[] firstNeighbour, int[] neighbours, double[] weights, double[][] start, Options options) {
    this.options = Objects.requireNonNull(options, "options");
    if (firstNeighbour.length < 1
        || neighbours.length != weights.length
        || firstNeighbour[firstNeighbour.length - 1] != neighbours.length) {
      throw new IllegalArgumentException(
          "not a compressed adjacency: "
              + firstNeighbour.length
              + " offsets, "
              + neighbours.length
              + " neighbours, "
              + weights.length
              + " weights");
    }
    this.n = firstNeighbour.length - 1;
    this.firstNeighbour = firstNeighbour.clone();
    this.neighbours = neighbours.clone();
    this.weights = weights.clone();
    if (start != null) {
      if (start.length != 2 || start[0].length != n || start[1].length != n) {
        throw new IllegalArgumentException(
            "start positions must be two arrays of " + n + " values");
      }
      this.startX = start[0].clone();
      this.startY = start[1].clone();
    } else {
      Random random = new Random(options.seed());
      double side = 10 * Math.sqrt(Math.max(1, n));
      this.startX = new double[n];
      this.startY = new double[n];
      for (int i = 0; i < n; i++) {
        startX[i] = (random.nextDouble() - 0.5) * side;
        startY[i] = (random.nextDouble() - 0.5) * side;
      }
    }
  }

  /** The options in use. */
  public Options options() {
    return options;
  }

  /**
   * The positions {@code {x[], y[]}}, computed on the first call and kept.
   *
   * @return copies of the coordinate arrays
   */
  public synchronized double[][] positions() {
    return positions(iterations -> {});
  }

  /**
   * The positions, as {@link #positions()}; when they are computed by this call, each iteration
   * done is reported to {@code iterationsDone} (one unit each, {@link Options#iterations()} in all,
   * from the calling thread).
   *
   * @return copies of the coordinate arrays
   */
  public synchronized double[][] positions(LongConsumer iterationsDone) {
    if (result == null) {
      result = new Algorithm().run(iterationsDone);
    }
    return new double[][] {result[0].clone(), result[1].clone()};
  }

  /** The scratch state of one run, dropped once the result is kept. */
  private final class Algorithm {
    final double[] x = startX.clone();
    final double[] y = startY.clone();
    final double[] dx = new double[n];
    final double[] dy = new double[n];
    final double[] oldDx = new double[n];
    final double[] oldDy = new double[n];
    final double[] mass = new double[n];
    final double[] edgeFactor = new double[neighbours.length];
    final QuadTree tree = new QuadTree(n);
    double speed = 1;
    double speedEfficiency = 1;
    final boolean parallel = options.parallel(n);

    double[][] run(LongConsumer iterationsDone) {
      for (int i = 0; i < n; i++) {
        mass[i] = 1 + (firstNeighbour[i + 1] - firstNeighbour[i]);
      }
      for (int e = 0; e < neighbours.length; e++) {
        double w = weights[e];
        edgeFactor[e] =
            options.edgeWeightInfluence() == 0
                ? 1
                : options.edgeWeightInfluence() == 1
                    ? w
                    : Math.pow(w, options.edgeWeightInfluence());
      }
      if (n > 0) {
        for (int it = 0; it < options.iterations(); it++) {
          iterate();
          iterationsDone.accept(1);
        }
        centre();
      }
      return new double[][] {x, y};
    }

    void iterate() {
      System.arraycopy(dx, 0, oldDx, 0, n);
      System.arraycopy(dy, 0, oldDy, 0, n);
      Arrays.fill(dx, 0);
      Arrays.fill(dy, 0);

      // Repulsion between all pairs, through the quadtree unless theta is 0.
      double kr = options.scalingRatio();
      if (options.theta() > 0) {
        tree.build(x, y, mass, parallel ? options.threads() : 1);
        if (!parallel) {
          int[] stack = new int[64];
          for (int k = 0; k < n; k++) {
            stack = tree.repel(tree.body(k), dx, dy, kr, options.theta(), stack);
          }
        } else {
          // Each node's force is summed by one thread in a fixed order: the result is
          // thread-independent.
          Parallel.forEach(
              options.threads(),
              n,
              () -> new int[][] {new int[64]},
              (stack, k) ->
                  stack[0] = tree.repel(tree.body(k), dx, dy, kr, options.theta(), stack[0]));
        }
      } else {
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++) {
            double xd = x[i] - x[j];
            double yd = y[i] - y[j];
            double d2 = xd * xd + yd * yd;
            if (d2 > 0) {
              double f = kr * mass[i] * mass[j] / d2;
              dx[i] += xd * f;
              dy[i] += yd * f;
              dx[j] -= xd * f;
              dy[j] -= yd * f;
            }
          }
        }
      }

      // Gravity towards the origin: constant (or growing with distance when strong), scaled by
      // mass.
      double g = options.gravity();
      if (g > 0) {
        for (int i = 0; i < n; i++) {
          double d = Math.sqrt(x[i] * x[i] + y[i] * y[i]);
          if (d > 0) {
            double f = options.strongGravity() ? kr * mass[i] * g : kr * mass[i] * g / (kr * d);
            dx[i] -= x[i] * f;
            dy[i] -= y[i] * f;
          }
        }
      }

      // Attraction along edges; each undirected edge is stored twice, so each end pulls itself.
      for (int i = 0; i < n; i++) {
        for (int e = firstNeighbour[i]; e < firstNeighbour[i + 1]; e++) {
          int j = neighbours[e];
          double xd = x[i] - x[j];
          double yd = y[i] - y[j];
          double f;
          if (options.linLog()) {
            double d = Math.sqrt(xd * xd + yd * yd);
            if (d <= 0) {
              continue;
            }
            f = -edgeFactor[e] * Math.log1p(d) / d;
          } else {
            f = -edgeFactor[e];
          }
          dx[i] += xd * f;
          dy[i] += yd * f;
        }
      }

      adjustSpeedAndMove();
    }

    // The adaptive speed of section "Adaptive speed" of the paper, with Gephi's constants.
    void adjustSpeedAndMove() {
      double totalSwinging = 0;
      double totalTraction = 0;
      for (int i = 0; i < n; i++) {
        double sx = oldDx[i] - dx[i];
        double sy = oldDy[i] - dy[i];
        totalSwinging += mass[i] * Math.sqrt(sx * sx + sy * sy);
        double tx = oldDx[i] + dx[i];
        double ty = oldDy[i] + dy[i];
        totalTraction += mass[i] * 0.5 * Math.sqrt(tx * tx + ty * ty);
      }
      if (totalSwinging <= 0 || totalTraction <= 0) {
        return;
      }
      double estimatedOptimalJitter = 0.05 * Math.sqrt(n);
      double minJitter = Math.sqrt(estimatedOptimalJitter);
      double maxJitter = 10;
      double jitter =
          options.jitterTolerance()
              * Math.max(
                  minJitter,
                  Math.min(maxJitter, estimatedOptimalJitter * totalTraction / ((double) n * n)));
      double minSpeedEfficiency = 0.05;
      if (totalSwinging / totalTraction > 2.0) {
        if (speedEfficiency > minSpeedEfficiency) {
          speedEfficiency *= 0.5;
        }
        jitter = Math.max(jitter, options.jitterTolerance());
      }
      double targetSpeed = jitter * speedEfficiency * totalTraction / totalSwinging;
      if (totalSwinging > jitter * totalTraction) {
        if (speedEfficiency > minSpeedEfficiency) {
          speedEfficiency *= 0.7;
        }
      } else if (speed < 1000) {
        speedEfficiency *= 1.3;
      }
      double maxRise = 0.5;
      speed = speed + Math.min(targetSpeed - speed, maxRise * speed);

      for (int i = 0; i < n; i++) {
        double sx = oldDx[i] - dx[i];
        double sy = oldDy[i] - dy[i];
        double swinging = mass[i] * Math.sqrt(sx * sx + sy * sy);
        double factor = speed / (1 + Math.sqrt(speed * swinging));
        x[i] += dx[i] * factor;
        y[i] += dy[i] * factor;
      }
    }

    void centre() {
      double mx = 0;
      double my = 0;
      for (int i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
      }
      mx /= n;
      my /= n;
      for (int i = 0; i < n; i++) {
        x[i] -= mx;
        y[i] -= my;
      }
    }
  }

  /**
   * A Barnes-Hut quadtree in flat arrays, rebuilt every iteration. A cell is empty, holds one body,
   * or is internal (four children); a cell deeper than {@link #MAX_DEPTH} keeps any further bodies
   * as one point mass, so coincident nodes cannot recurse forever. What {@link #repel} reads of a
   * cell (centre of mass, mass, half width; body, first child) lies side by side in two arrays, so
   * a visit touches one or two cache lines instead of six, and {@link #order} lists the bodies as
   * the tree holds them, so that consecutive bodies walk mostly the same cells.
   */
  static final class QuadTree {
    private static final int EMPTY = -1;
    private static final int INTERNAL = -2;
    private static final int CROWDED = -3;
    private static final int MAX_DEPTH = 48;

    /**
     * Per cell: centre of mass x, y, mass, half width (the centre of mass is a sum until built).
     */
    private static final int MX = 0;

    private static final int MY = 1;
    private static final int MASS = 2;
    private static final int HALF = 3;
    private static final int STRIDE = 4;

    private int cells;
    private double[] cell = new double[0];

    /** Per cell: body (or EMPTY, INTERNAL, CROWDED), first child (-1 for none). */
    private int[] link = new int[0];

    private double[] cx = new double[0];
    private double[] cy = new double[0];
    private int[] depth = new int[0];
    private double[] bx;
    private double[] by;
    private double[] bm;
    private int[] order = new int[0];
    private boolean[] placed = new boolean[0];

    /** Bodies by quadrant of the root, for {@link #buildQuadrants}. */
    private int[] quadrantBodies = new int[0];

    /** The trees of the root's four quadrants, for {@link #buildQuadrants}; null in those trees. */
    private final QuadTree[] quadrants;

    QuadTree(int n) {
      this(n, true);
    }

    private QuadTree(int n, boolean whole) {
      grow(Math.max(16, 2 * n + 1));
      quadrants = whole ? new QuadTree[4] : null;
      if (whole) {
        // each starts small and grows by doubling; kept, so its size settles after a few builds
        for (int q = 0; q < 4; q++) {
          quadrants[q] = new QuadTree(0, false);
        }
      }
    }

    private void grow(int capacity) {
      cell = Arrays.copyOf(cell, STRIDE * capacity);
      link = Arrays.copyOf(link, 2 * capacity);
      cx = Arrays.copyOf(cx, capacity);
      cy = Arrays.copyOf(cy, capacity);
      depth = Arrays.copyOf(depth, capacity);
    }

    private int newCell(double x, double y, double h, int d) {
      if (cells == cx.length) {
        grow(cells * 2);
      }
      int c = cells++;
      cx[c] = x;
      cy[c] = y;
      cell[STRIDE * c + HALF] = h;
      cell[STRIDE * c + MASS] = 0;
      cell[STRIDE * c + MX] = 0;
      cell[STRIDE * c + MY] = 0;
      link[2 * c] = EMPTY;
      link[2 * c + 1] = -1;
      depth[c] = d;
      return c;
    }

    /**
     * Builds the tree of bodies {@code (x[i], y[i])} of mass {@code m[i]}, on up to {@code threads}
     * threads: from {@link #PARALLEL_BUILD_FROM} bodies on, the root's four quadrants are built as
     * separate trees at once and then copied in (the build was ~40 % of the layout's thread, on one
     * core). Each cell sums its bodies' masses in index order either way, and the tree has the same
     * shape, so the forces are the same bit for bit.
     */
    void build(double[] x, double[] y, double[] m, int threads) {
      bx = x;
      by = y;
      bm = m;
      cells = 0;
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < x.length; i++) {
        minX = Math.min(minX, x[i]);
        maxX = Math.max(maxX, x[i]);
        minY = Math.min(minY, y[i]);
        maxY = Math.max(maxY, y[i]);
      }
      double h = (Math.max(maxX - minX, maxY - minY) / 2 + 1e-9) * 1.0001;
      newCell((minX + maxX) / 2, (minY + maxY) / 2, h, 0);
      if (threads > 1 && x.length >= PARALLEL_BUILD_FROM) {
        buildQuadrants(x.length, threads);
      } else {
        for (int i = 0; i < x.length; i++) {
          insert(i);
        }
        for (int c = 0; c < cells; c++) {
          centreOfMass(c);
        }
      }
      buildOrder(x.length);
    }

    /** Bodies from which {@link #build} builds the root's quadrants on several threads. */
    static final int PARALLEL_BUILD_FROM = 2048;

    /**
     * Builds the tree below a root that holds two bodies or more, as {@link #insert} would: the
     * root's mass is summed here in index order, each quadrant's bodies are inserted in index order
     * into a tree of its own (one per quadrant, kept from one build to the next), and those are
     * copied in as the root's children and their subtrees.
     */
    private void buildQuadrants(int n, int threads) {
      for (int i = 0; i < n; i++) {
        addMass(0, i);
      }
      link[0] = INTERNAL;
      double h = cell[HALF] / 2;
      if (quadrantBodies.length != n) {
        quadrantBodies = new int[n];
      }
      int[] start = new int[5];
      for (int i = 0; i < n; i++) {
        start[childFor(0, 0, bx[i], by[i]) + 1]++;
      }
      for (int q = 0; q < 4; q++) {
        start[q + 1] += start[q];
      }
      int[] fill = Arrays.copyOf(start, 4);
      for (int i = 0; i < n; i++) {
        quadrantBodies[fill[childFor(0, 0, bx[i], by[i])]++] = i;
      }
      double x0 = cx[0];
      double y0 = cy[0];
      Parallel.forEachTask(
          threads,
          4,
          () -> null,
          (none, q) -> {
            QuadTree t = quadrants[q];
            t.bx = bx;
            t.by = by;
            t.bm = bm;
            t.cells = 0;
            t.newCell(x0 + ((q & 1) == 0 ? -h : h), y0 + ((q & 2) == 0 ? -h : h), h, 1);
            for (int k = start[q]; k < start[q + 1]; k++) {
              t.insert(quadrantBodies[k]);
            }
          });
      // the quadrants' roots are cells 1 to 4, the root's children; their subtrees follow
      int[] base = new int[4];
      int total = 5;
      for (int q = 0; q < 4; q++) {
        base[q] = total;
        total += quadrants[q].cells - 1;
      }
      int capacity = Math.max(1, cx.length);
      while (capacity < total) {
        capacity *= 2;
      }
      if (capacity > cx.length) {
        grow(capacity);
      }
      cells = total;
      link[1] = 1;
      centreOfMass(0);
      Parallel.forEachTask(threads, 4, () -> null, (none, q) -> copy(quadrants[q], 1 + q, base[q]));
    }

    /**
     * Copies the cells of a quadrant's tree t in, its root as cell {@code root} and its cell j &gt;
     * 0 as {@code base + j - 1}, with their centres of mass.
     */
    private void copy(QuadTree t, int root, int base) {
      for (int j = 0; j < t.cells; j++) {
        int c = j == 0 ? root : base + j - 1;
        System.arraycopy(t.cell, STRIDE * j, cell, STRIDE * c, STRIDE);
        link[2 * c] = t.link[2 * j];
        int first = t.link[2 * j + 1];
        link[2 * c + 1] = first < 0 ? -1 : base + first - 1;
        centreOfMass(c);
      }
    }

    /** Turns cell c's mass-weighted sums of positions into its centre of mass. */
    private void centreOfMass(int c) {
      double mc = cell[STRIDE * c + MASS];
      if (mc > 0) {
        cell[STRIDE * c + MX] /= mc;
        cell[STRIDE * c + MY] /= mc;
      }
    }

    /**
     * The bodies in depth-first order of the tree's leaves, then those a crowded cell merged, in
     * index order.
     */
    private void buildOrder(int n) {
      if (order.length != n) {
        order = new int[n];
        placed = new boolean[n];
      } else {
        Arrays.fill(placed, false);
      }
      int k = 0;
      int[] stack = new int[64];
      int top = 0;
      stack[top++] = 0;
      while (top > 0) {
        int c = stack[--top];
        int b = link[2 * c];
        if (b >= 0) {
          order[k++] = b;
          placed[b] = true;
        } else if (b == INTERNAL) {
          if (top + 4 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
          }
          int first = link[2 * c + 1];
          for (int q = 3; q >= 0; q--) {
            stack[top++] = first + q;
          }
        }
      }
      for (int i = 0; i < n && k < n; i++) {
        if (!placed[i]) {
          order[k++] = i;
        }
      }
    }

    /** The k-th body in the tree's order (see {@link #buildOrder}). */
    int body(int k) {
      return order[k];
    }

    private void addMass(int c, int b) {
      cell[STRIDE * c + MASS] += bm[b];
      cell[STRIDE * c + MX] += bm[b] * bx[b];
      cell[STRIDE * c + MY] += bm[b] * by[b];
    }

    private void insert(int b) {
      int c = 0;
      while (true) {
        addMass(c, b);
        if (link[2 * c] == EMPTY && link[2 * c + 1] < 0) {
          link[2 * c] = b;
          return;
        }
        if (link[2 * c] == CROWDED) {
          return;
        }
        if (link[2 * c] >= 0) {
          if (depth[c] >= MAX_DEPTH) {
            link[2 * c] = CROWDED;
            return;
          }
          // Split the leaf: its body moves down into a child, then b goes on down.
          int old = link[2 * c];
          link[2 * c] = INTERNAL;
          double h = cell[STRIDE * c + HALF] / 2;
          int first = newCell(cx[c] - h, cy[c] - h, h, depth[c] + 1);
          newCell(cx[c] + h, cy[c] - h, h, depth[c] + 1);
          newCell(cx[c] - h, cy[c] + h, h, depth[c] + 1);
          newCell(cx[c] + h, cy[c] + h, h, depth[c] + 1);
          link[2 * c + 1] = first;
          int child = childFor(c, bx[old], by[old]);
          addMass(child, old);
          link[2 * child] = old;
        }
        c = childFor(c, bx[b], by[b]);
      }
    }

    private int childFor(int c, double x, double y) {
      return childFor(c, link[2 * c + 1], x, y);
    }

    /** The child of cell c, whose first child is {@code first}, that holds point (x, y). */
    private int childFor(int c, int first, double x, double y) {
      return first + (x >= cx[c] ? 1 : 0) + (y >= cy[c] ? 2 : 0);
    }

    /**
     * Adds to {@code dx, dy} of body i the repulsion of every other body, approximated per theta.
     * Reads the tree only, so threads may call it for different bodies at once, each with its own
     * stack; returns the stack (grown if it had to be).
     */
    int[] repel(int i, double[] dx, double[] dy, double kr, double theta, int[] stack) {
      int top = 0;
      stack[top++] = 0;
      double xi = bx[i];
      double yi = by[i];
      double mi = bm[i];
      double theta2 = theta * theta;
      // summed here in the same order as into dx[i], dy[i] (which start each iteration at 0)
      double fx = dx[i];
      double fy = dy[i];
      while (top > 0) {
        int c = stack[--top];
        int b = link[2 * c];
        int at = STRIDE * c;
        double mc = cell[at + MASS];
        if (mc == 0 || b == i) {
          continue;
        }
        double xd = xi - cell[at + MX];
        double yd = yi - cell[at + MY];
        double d2 = xd * xd + yd * yd;
        double h = cell[at + HALF];
        // A leaf, a crowded cell, or a cell small enough seen from i acts as one point mass.
        if (b >= 0 || b == CROWDED || 4 * h * h < theta2 * d2) {
          if (d2 > 0) {
            double f = kr * mi * mc / d2;
            fx += xd * f;
            fy += yd * f;
          }
        } else {
          if (top + 4 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
          }
          int first = link[2 * c + 1];
          for (int q = 3; q >= 0; q--) {
            stack[top++] = first + q;
          }
        }
      }
      dx[i] = fx;
      dy[i] = fy;
      return stack;
    }
  }
}
