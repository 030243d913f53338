package dev.papergraph.embed;

import java.util.List;

/**
 * A sentence-embedding model: texts in, L2-normalised vectors of a fixed dimension out. Open to any
 * model of that shape; {@link MiniLmEmbeddingModel} is the default.
 */
public interface EmbeddingModel extends AutoCloseable {

  /**
   * A stable identifier of the model and its weights, e.g. "all-minilm-l6-v2-q@1.19.0-beta29"; keys
   * the cache.
   */
  String id();

  /** The model's name, e.g. "all-MiniLM-L6-v2 (quantized)". */
  String name();

  /** The version of the artifact that ships the model. */
  String version();

  /** SHA-256 of the model's weights file, hex. */
  String checksum();

  /** The dimension of the vectors. */
  int dimension();

  /**
   * The unit-length vectors of these texts, in order. The result does not depend on how the work is
   * split over threads.
   */
  float[][] embed(List<String> texts);

  /** Releases native resources. */
  @Override
  void close();
}
