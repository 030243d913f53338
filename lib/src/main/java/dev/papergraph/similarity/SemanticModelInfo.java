package dev.papergraph.similarity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The embedding model behind a semantic score, as the run manifest records it.
 *
 * @param id the cache key of the model (name and artifact version)
 * @param name a readable name
 * @param version the version of the artifact shipping it
 * @param checksum SHA-256 of the weights, hex
 * @param dimension the vectors' dimension
 */
public record SemanticModelInfo(
    String id, String name, String version, String checksum, int dimension) {
  public SemanticModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(checksum, "checksum");
  }

  /** The manifest parameter holding {@link #name}. */
  public static final String NAME_KEY = "semantic.model.name";

  /** The fields under "semantic.model.", in a fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("semantic.model.id", id);
    m.put(NAME_KEY, name);
    m.put("semantic.model.version", version);
    m.put("semantic.model.sha256", checksum);
    m.put("semantic.model.dimension", dimension);
    return m;
  }
}
