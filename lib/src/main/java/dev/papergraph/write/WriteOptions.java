package dev.papergraph.write;

import static dev.papergraph.model.Arguments.require;

import dev.papergraph.analysis.Measure;
import java.util.Objects;

/**
 * How exports are written: validated, immutable; start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * @param overwrite whether an existing file may be replaced (default false: the write fails with
 *     {@link java.nio.file.FileAlreadyExistsException})
 * @param abstracts whether abstracts are exported as a node attribute (default true)
 * @param sharedTerms how many top shared terms an edge lists, 0-50 (default 5)
 * @param sizeBy the centrality node sizes follow (default PageRank; degree when not computed)
 * @param gexfVersion the GEXF version written (default {@link GexfVersion#V1_2DRAFT})
 */
public record WriteOptions(
    boolean overwrite,
    boolean abstracts,
    int sharedTerms,
    Measure sizeBy,
    GexfVersion gexfVersion) {

  /** The defaults: no overwrite, abstracts on, 5 shared terms, size by PageRank, GEXF 1.2draft. */
  public static WriteOptions defaults() {
    return new WriteOptions(false, true, 5, Measure.PAGERANK, GexfVersion.V1_2DRAFT);
  }

  /**
   * @throws IllegalArgumentException if {@code sharedTerms} is outside 0-50
   * @throws NullPointerException if {@code sizeBy} or {@code gexfVersion} is null
   */
  public WriteOptions {
    Objects.requireNonNull(sizeBy, "sizeBy");
    Objects.requireNonNull(gexfVersion, "gexfVersion");
    require(
        sharedTerms >= 0 && sharedTerms <= 50,
        "shared terms per edge must be 0-50: %s",
        sharedTerms);
  }

  /** These options with overwriting allowed or not. */
  public WriteOptions withOverwrite(boolean value) {
    return new WriteOptions(value, abstracts, sharedTerms, sizeBy, gexfVersion);
  }

  /** These options with or without abstracts. */
  public WriteOptions withAbstracts(boolean value) {
    return new WriteOptions(overwrite, value, sharedTerms, sizeBy, gexfVersion);
  }

  /** These options with another number of shared terms per edge; see the record's contract. */
  public WriteOptions withSharedTerms(int value) {
    return new WriteOptions(overwrite, abstracts, value, sizeBy, gexfVersion);
  }

  /** These options with node sizes from another centrality. */
  public WriteOptions withSizeBy(Measure value) {
    return new WriteOptions(overwrite, abstracts, sharedTerms, value, gexfVersion);
  }

  /** These options with another GEXF version. */
  public WriteOptions withGexfVersion(GexfVersion value) {
    return new WriteOptions(overwrite, abstracts, sharedTerms, sizeBy, value);
  }
}
