package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the shared data folder, {@code ../shared} beside the project root. A missing file skips
 * the test, except on CI ({@code CI=true}), where the data is expected and its absence fails.
 */
final class SharedData {

  private SharedData() {}

  /** The file at this path under the shared folder, or a skip (a failure on CI) when it is absent. */
  static Path require(String relative) {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("cli/pom.xml"))) {
      root = root.getParent();
    }
    Path file = root == null ? Path.of("../shared").resolve(relative) : root.resolve("../shared").resolve(relative);
    if (!Files.exists(file)) {
      if ("true".equals(System.getenv("CI"))) {
        fail("shared data missing on CI: " + file);
      }
      assumeTrue(false, "shared data not here: " + file);
    }
    return file.normalize();
  }
}
