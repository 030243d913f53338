package dev.papergraph.analysis;

import java.util.Locale;

/** The quality function Leiden optimises. */
public enum QualityFunction {
  /**
   * Newman-Girvan modularity with a resolution parameter γ: {@code Q = Σ_c [w_c / W - γ (K_c /
   * 2W)²]}, with {@code w_c} the weight inside community c, {@code K_c} the summed strengths of its
   * papers and {@code W} the total edge weight. γ = 1 is standard modularity.
   */
  MODULARITY,
  /**
   * Constant Potts model (Traag, Van Dooren and Nesterov 2011) as CWTS implements it: {@code Σ_c
   * [w_c - γ n_c² / 2] / W}, with {@code n_c} the number of papers in c; γ is a density threshold
   * in edge-weight units (communities are denser than γ inside), free of the resolution limit.
   */
  CPM;

  /** The lower-case name used in options and manifests. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
