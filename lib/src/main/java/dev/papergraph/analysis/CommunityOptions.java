package dev.papergraph.analysis;

import static dev.papergraph.model.Arguments.require;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Options of community detection (Leiden), validated at construction. Start from {@link
 * #defaults()} and change with the {@code with…} methods.
 *
 * @param quality the quality function optimised
 * @param resolution γ: for modularity 1 is standard and higher gives more, smaller communities; for
 *     CPM a density threshold in edge-weight units
 * @param seed seed of the random generator; the same seed gives the same communities
 * @param iterations Leiden iterations per start; 0 means "until stable": iterate until an iteration
 *     moves no node or does not raise the quality, at most {@link #UNTIL_STABLE_CAP} times
 * @param starts independent random starts (one random generator seeded once, used in turn); the
 *     partition of highest quality is kept; on large graphs fewer are run ({@link
 *     LeidenCommunities#START_WORK_BUDGET})
 * @param randomness Leiden's θ, the randomness of the refinement phase (CWTS default 0.01)
 * @param minSize minimum community size; smaller ones are handled by {@code small}
 * @param small what happens to communities below {@code minSize}
 * @param input the graph Leiden partitions: the shared-nearest-neighbour graph of the papers' top-k
 *     lists, or the similarity graph itself; the reported modularity is that of the similarity
 *     graph either way, and small communities merge along similarity links
 */
public record CommunityOptions(
    QualityFunction quality,
    double resolution,
    long seed,
    int iterations,
    int starts,
    double randomness,
    int minSize,
    SmallCommunities small,
    CommunityInput input) {

  /** Default quality function: modularity. */
  public static final QualityFunction QUALITY_DEFAULT = QualityFunction.MODULARITY;

  /**
   * Default resolution: 0.5. On the shared-neighbour input (the default) it gives about as many
   * communities as resolution 1 on the similarity graph did (the SYNERGY sets 45 against 57, 10,000
   * arXiv papers 33 against 28, the seeds 8 against 10), keeps more citation pairs inside one
   * community at the same granularity, and all ten post-training quantization seed papers in one;
   * see docs/BENCHMARKS.md.
   */
  public static final double RESOLUTION_DEFAULT = 0.5;

  /** Default seed. */
  public static final long SEED_DEFAULT = 42L;

  /** Default iterations per start: until stable. */
  public static final int ITERATIONS_DEFAULT = 0;

  /**
   * Most Leiden iterations per start when {@code iterations} is 0 ("until stable"): 50, recorded in
   * the manifest as {@code leiden.untilStableCap}. Rounding can make two partitions of equal
   * quality alternate forever; real runs stabilise in a few iterations (karate, dolphins and the
   * seed corpus test graphs in at most 7).
   */
  public static final int UNTIL_STABLE_CAP = 50;

  /** Default number of random starts. */
  public static final int STARTS_DEFAULT = 10;

  /** Default randomness θ of the refinement phase. */
  public static final double RANDOMNESS_DEFAULT = 0.01;

  /** Default minimum community size. */
  public static final int MIN_SIZE_DEFAULT = 3;

  /** Default Leiden input: the shared-nearest-neighbour graph of the top-k lists. */
  public static final CommunityInput INPUT_DEFAULT = CommunityInput.SHARED_NEIGHBOURS;

  /**
   * @throws NullPointerException if quality, small or input is null
   * @throws IllegalArgumentException naming the value, if resolution is negative or not finite,
   *     iterations negative, starts below 1, randomness not positive or minSize below 1
   */
  public CommunityOptions {
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(small, "small");
    Objects.requireNonNull(input, "input");
    require(
        resolution >= 0 && Double.isFinite(resolution),
        "resolution must be finite and non-negative: %s",
        resolution);
    require(iterations >= 0, "iterations cannot be negative (0 = until stable): %s", iterations);
    require(starts >= 1, "starts must be at least 1: %s", starts);
    require(
        randomness > 0 && Double.isFinite(randomness),
        "randomness must be positive and finite: %s",
        randomness);
    require(minSize >= 1, "minimum community size must be at least 1: %s", minSize);
  }

  /**
   * The defaults: modularity, resolution 0.5, seed 42, until stable, 10 starts, min size 3, merge,
   * on the shared-neighbour graph.
   */
  public static CommunityOptions defaults() {
    return new CommunityOptions(
        QUALITY_DEFAULT,
        RESOLUTION_DEFAULT,
        SEED_DEFAULT,
        ITERATIONS_DEFAULT,
        STARTS_DEFAULT,
        RANDOMNESS_DEFAULT,
        MIN_SIZE_DEFAULT,
        SmallCommunities.MERGE,
        INPUT_DEFAULT);
  }

  /** With another quality function. */
  public CommunityOptions withQuality(QualityFunction q) {
    return new CommunityOptions(
        q, resolution, seed, iterations, starts, randomness, minSize, small, input);
  }

  /** With another resolution. @throws IllegalArgumentException if negative or not finite */
  public CommunityOptions withResolution(double r) {
    return new CommunityOptions(
        quality, r, seed, iterations, starts, randomness, minSize, small, input);
  }

  /** With another seed. */
  public CommunityOptions withSeed(long s) {
    return new CommunityOptions(
        quality, resolution, s, iterations, starts, randomness, minSize, small, input);
  }

  /** With another number of iterations. @throws IllegalArgumentException if negative */
  public CommunityOptions withIterations(int i) {
    return new CommunityOptions(
        quality, resolution, seed, i, starts, randomness, minSize, small, input);
  }

  /** With another number of starts. @throws IllegalArgumentException if below 1 */
  public CommunityOptions withStarts(int s) {
    return new CommunityOptions(
        quality, resolution, seed, iterations, s, randomness, minSize, small, input);
  }

  /** With another randomness θ. @throws IllegalArgumentException if not positive */
  public CommunityOptions withRandomness(double r) {
    return new CommunityOptions(
        quality, resolution, seed, iterations, starts, r, minSize, small, input);
  }

  /** With another minimum size and policy. @throws IllegalArgumentException if size below 1 */
  public CommunityOptions withMinSize(int size, SmallCommunities policy) {
    return new CommunityOptions(
        quality, resolution, seed, iterations, starts, randomness, size, policy, input);
  }

  /** With another Leiden input graph. */
  public CommunityOptions withInput(CommunityInput i) {
    return new CommunityOptions(
        quality, resolution, seed, iterations, starts, randomness, minSize, small, i);
  }

  /** The options as manifest parameters, keys prefixed {@code leiden.}. */
  public Map<String, Object> parameters() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("leiden.quality", quality.key());
    m.put("leiden.resolution", resolution);
    m.put("leiden.seed", seed);
    m.put("leiden.iterations", iterations);
    m.put("leiden.untilStableCap", UNTIL_STABLE_CAP);
    m.put("leiden.starts", starts);
    m.put("leiden.randomness", randomness);
    m.put("leiden.minSize", minSize);
    m.put("leiden.small", small.name().toLowerCase(Locale.ROOT));
    m.put("leiden.input", input.key());
    if (input == CommunityInput.SHARED_NEIGHBOURS) {
      m.put("leiden.input.prune", SharedNeighbourGraph.PRUNE);
    }
    return m;
  }

  /**
   * The options a manifest's parameters describe (as {@link #parameters()} writes them, possibly
   * read back from JSON); missing keys take the defaults. {@code leiden.untilStableCap} and {@code
   * leiden.input.prune} are fixed constants recorded for the reader, not options, and are not read
   * back.
   *
   * @throws IllegalArgumentException naming the key, if a value has the wrong type or is invalid
   */
  public static CommunityOptions fromParameters(Map<String, ?> p) {
    CommunityOptions d = defaults();
    return new CommunityOptions(
        Parameters.enumValue(p, "leiden.quality", QualityFunction.class, d.quality()),
        Parameters.number(p, "leiden.resolution", d.resolution()).doubleValue(),
        Parameters.number(p, "leiden.seed", d.seed()).longValue(),
        Parameters.integer(p, "leiden.iterations", d.iterations()),
        Parameters.integer(p, "leiden.starts", d.starts()),
        Parameters.number(p, "leiden.randomness", d.randomness()).doubleValue(),
        Parameters.integer(p, "leiden.minSize", d.minSize()),
        Parameters.enumValue(p, "leiden.small", SmallCommunities.class, d.small()),
        Parameters.enumValue(p, "leiden.input", CommunityInput.class, d.input()));
  }
}
