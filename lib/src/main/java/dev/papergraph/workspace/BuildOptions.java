package dev.papergraph.workspace;

import dev.papergraph.read.Format;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a workspace is built: the input format (detected per input when absent) and the parameters
 * of each stage. Immutable; every parameter lands in the run manifest.
 *
 * @param format the format every input is read as, or {@code null} to detect each input's format
 */
public record BuildOptions(Format format) {

  /** Detect formats; every stage with its defaults. */
  public static final BuildOptions DEFAULTS = new BuildOptions(null);

  /** The forced input format, if any. */
  public Optional<Format> forcedFormat() {
    return Optional.ofNullable(format);
  }

  /** A copy reading every input as {@code format} ({@code null}: detect). */
  public BuildOptions withFormat(Format format) {
    return new BuildOptions(format);
  }

  /** Every parameter by its manifest name, in a fixed order. */
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("read.format", format == null ? "detect" : format.cliName());
    return p;
  }
}
