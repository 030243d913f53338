package dev.papergraph.workspace;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.read.Format;
import dev.papergraph.similarity.EngineOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a workspace is built: the input format (detected per input when absent) and the options of
 * each stage. Immutable and validated by each stage's own options record; every parameter lands in
 * the run manifest.
 *
 * @param format the format every input is read as, or {@code null} to detect each input's format
 * @param engine the similarity engine's options (k, minimum score, weights, normalisation, text)
 * @param analysis the analysis options (Leiden resolution and seed, centralities, labels)
 * @param layoutSeed the seed of the layout's random start
 */
public record BuildOptions(
    Format format, EngineOptions engine, AnalysisStage.Options analysis, long layoutSeed) {

  /** Default layout seed (the same as the analysis's default seeds). */
  public static final long LAYOUT_SEED_DEFAULT = 42L;

  /** Detect formats; every stage with its defaults. */
  public static final BuildOptions DEFAULTS =
      new BuildOptions(
          null, EngineOptions.defaults(), AnalysisStage.Options.defaults(), LAYOUT_SEED_DEFAULT);

  /**
   * @throws NullPointerException if engine or analysis is null
   */
  public BuildOptions {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(analysis, "analysis");
  }

  /** The forced input format, if any. */
  public Optional<Format> forcedFormat() {
    return Optional.ofNullable(format);
  }

  /** A copy reading every input as {@code format} ({@code null}: detect). */
  public BuildOptions withFormat(Format format) {
    return new BuildOptions(format, engine, analysis, layoutSeed);
  }

  /** A copy with other engine options. */
  public BuildOptions withEngine(EngineOptions engine) {
    return new BuildOptions(format, engine, analysis, layoutSeed);
  }

  /** A copy with other analysis options. */
  public BuildOptions withAnalysis(AnalysisStage.Options analysis) {
    return new BuildOptions(format, engine, analysis, layoutSeed);
  }

  /** A copy with another layout seed. */
  public BuildOptions withLayoutSeed(long seed) {
    return new BuildOptions(format, engine, analysis, seed);
  }

  /** Every parameter by its manifest name, in a fixed order. */
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("read.format", format == null ? "detect" : format.cliName());
    p.putAll(engine.toMap());
    p.putAll(analysis.parameters());
    p.put("layout.seed", layoutSeed);
    return p;
  }
}
