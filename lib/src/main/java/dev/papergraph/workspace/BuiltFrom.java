package dev.papergraph.workspace;

import dev.papergraph.analysis.RunManifest;
import dev.papergraph.read.InputSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a workspace was built from, as its marker records it: two SHA-256 digests, one of the
 * settings (the code that built it, every build parameter, and the stop words and thesaurus in
 * full), one of the inputs (each input's name and the SHA-256 of its bytes, in order, found files
 * that were skipped included). A build is deterministic: its files depend on these and on nothing
 * else (not on the threads, not on the time but the manifest's "created"), so a build whose
 * settings and inputs have the same digests as the workspace it would replace has nothing to do.
 *
 * @param settings hex SHA-256 of the settings
 * @param inputs hex SHA-256 of the inputs
 */
record BuiltFrom(String settings, String inputs) {

  /** The digest of a build's settings: the code identity and every parameter, in full. */
  static String settings(BuildOptions options) {
    MessageDigest sha = sha256();
    update(sha, "papergraph build settings 1");
    update(sha, TermVectorFile.code());
    // every parameter by its manifest name (threads are none: the files do not depend on them)
    update(sha, options.parameters().toString());
    update(sha, String.join("\n", options.engine().text().stopWords()));
    options
        .engine()
        .text()
        .thesaurus()
        .forEach(
            (term, replacement) -> {
              update(sha, term);
              update(sha, replacement);
            });
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The digest of the inputs, from each one's hash ({@code hashes[i]} of {@code sources[i]}); empty
   * when an input could not be hashed (a build from it is never taken as up to date).
   */
  static Optional<String> inputs(List<InputSource> sources, RunManifest.Input[] hashes) {
    MessageDigest sha = sha256();
    update(sha, "papergraph build inputs 1");
    for (int i = 0; i < sources.size(); i++) {
      if (hashes[i] == null) {
        return Optional.empty();
      }
      update(sha, sources.get(i).name());
      update(sha, hashes[i].sha256());
    }
    return Optional.of(HexFormat.of().formatHex(sha.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Adds a string to the digest: its UTF-8 length, then its bytes. */
  private static void update(MessageDigest sha, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
    sha.update(b);
  }
}
