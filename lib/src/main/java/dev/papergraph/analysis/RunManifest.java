package dev.papergraph.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * How an analysis was made, so that it can be checked and re-run: the inputs with their SHA-256,
 * record counts, every parameter, library versions and the time. Re-running with the same
 * manifest gives identical output.
 *
 * @param tool "papergraph" and its version
 * @param created ISO-8601 instant the run started (the one field that differs between re-runs)
 * @param inputs each input with size and SHA-256 of its bytes
 * @param counts record and graph counts, e.g. "records.read", "papers", "edges", "communities"
 * @param parameters every parameter by name, e.g. "similarity.k" = 10, "leiden.seed" = 42
 * @param libraries versions of the libraries used, e.g. "lucene" = "9.12.3"
 */
@JsonPropertyOrder({"tool", "created", "inputs", "counts", "parameters", "libraries"})
public record RunManifest(
    String tool,
    String created,
    List<Input> inputs,
    Map<String, Long> counts,
    Map<String, Object> parameters,
    Map<String, String> libraries) {

  /**
   * One input file.
   *
   * @param name the file as the user named it
   * @param format the format it was read as
   * @param bytes its size
   * @param sha256 hex SHA-256 of its bytes
   */
  public record Input(String name, String format, long bytes, String sha256) {}

  public RunManifest {
    inputs = List.copyOf(inputs);
    counts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(counts));
    parameters = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
    libraries = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(libraries));
  }
}
