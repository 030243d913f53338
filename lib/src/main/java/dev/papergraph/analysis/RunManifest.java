package dev.papergraph.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How an analysis was made, so that it can be checked and re-run: the inputs with their SHA-256,
 * record counts, every parameter, library versions and the time. Re-running with the same manifest
 * gives identical output.
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
    counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    libraries = Collections.unmodifiableMap(new TreeMap<>(libraries));
  }

  /** This manifest with another creation time (to compare two runs). */
  public RunManifest withCreated(String when) {
    return new RunManifest(tool, when, inputs, counts, parameters, libraries);
  }

  /** A builder for a new manifest, with the versions of the libraries papergraph uses. */
  public static Builder builder() {
    return new Builder(Clock.systemUTC());
  }

  /** A builder taking the creation time from a clock (tests). */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /**
   * Collects a manifest. Inputs are hashed as they are added, by streaming their bytes; parameter
   * values must be numbers, strings, booleans or lists of them so that the manifest prints the same
   * on every run.
   */
  public static final class Builder {
    private final Clock clock;
    private String tool = "papergraph " + LibraryVersions.papergraph();
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> libraries = new LinkedHashMap<>(LibraryVersions.all());

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sets the tool string (default "papergraph" and its version). */
    public Builder tool(String name) {
      this.tool = Objects.requireNonNull(name, "tool");
      return this;
    }

    /**
     * Adds an input file, hashing its bytes.
     *
     * @param name the file as the user named it
     * @param format the format it was read as
     * @throws IOException if the file cannot be read
     */
    public Builder input(String name, String format, Path file) throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        return input(name, format, in);
      }
    }

    /**
     * Adds an input read from a stream (e.g. a bundled resource), hashing its bytes; the stream is
     * read to its end and not closed.
     */
    public Builder input(String name, String format, InputStream in) throws IOException {
      MessageDigest sha = sha256();
      long bytes = 0;
      byte[] buf = new byte[1 << 16];
      try (DigestInputStream d =
          new DigestInputStream(
              new FilterInputStream(in) {
                @Override
                public void close() {
                  // the caller owns the stream
                }
              },
              sha)) {
        for (int r; (r = d.read(buf)) >= 0; ) bytes += r;
      }
      inputs.add(new Input(name, format, bytes, HexFormat.of().formatHex(sha.digest())));
      return this;
    }

    /** Adds an input hashed before (e.g. one of an earlier manifest). */
    public Builder input(Input input) {
      inputs.add(Objects.requireNonNull(input, "input"));
      return this;
    }

    /** Sets a count, e.g. "papers". */
    public Builder count(String key, long value) {
      counts.put(key, value);
      return this;
    }

    /**
     * Sets a parameter.
     *
     * @throws IllegalArgumentException if the value is not a number, string, boolean, enum or list
     */
    public Builder parameter(String key, Object value) {
      parameters.put(key, checked(key, value));
      return this;
    }

    /** Sets every parameter of a map (e.g. the engine's options map). */
    public Builder parameters(Map<String, ?> values) {
      values.forEach(this::parameter);
      return this;
    }

    /** Sets a library version (the common ones are filled in already). */
    public Builder library(String name, String version) {
      libraries.put(name, version);
      return this;
    }

    /** The manifest, created now (to the millisecond, UTC). */
    public RunManifest build() {
      String created = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
      return new RunManifest(tool, created, inputs, counts, parameters, libraries);
    }

    private static Object checked(String key, Object v) {
      if (v instanceof Number || v instanceof String || v instanceof Boolean) return v;
      if (v instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        for (Object x : l) out.add(checked(key, x));
        return List.copyOf(out);
      }
      throw new IllegalArgumentException(
          "parameter "
              + key
              + " has a value of unprintable type "
              + (v == null ? "null" : v.getClass().getName())
              + ": use a number, string, boolean or list");
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every JVM", e);
      }
    }
  }
}
