package dev.papergraph.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find the shared data (corpora too big to bundle): the folder {@code shared} beside
 * the project root, i.e. {@code ../shared} relative to the folder holding the parent {@code
 * pom.xml}; the environment variable {@code PAPERGRAPH_SHARED} overrides it.
 *
 * <p>A test asks for the file or folder it needs with {@link #require(String)}. When it is absent
 * the test is skipped on a developer machine, but under {@code CI=true} (CI has the data there) the
 * test fails, naming the missing path: a skipped test would hide the claim it guards.
 */
public final class SharedData {

  /** The environment variable that points at the shared folder instead of {@code ../shared}. */
  public static final String ENV = "PAPERGRAPH_SHARED";

  private SharedData() {}

  /**
   * The shared folder: {@code $PAPERGRAPH_SHARED}, else {@code ../shared} from the project root.
   */
  public static Path root() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    return projectRoot().resolve("../shared").normalize();
  }

  /**
   * The project root: the highest folder, going up from the working directory (a module folder when
   * Maven runs the tests), that still holds a {@code pom.xml} in an unbroken chain of them.
   */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    Path root = dir;
    for (Path p = dir; p != null && Files.isRegularFile(p.resolve("pom.xml")); p = p.getParent()) {
      root = p;
    }
    return root;
  }

  /** Whether missing data fails the run ({@code CI=true}) instead of skipping the test. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * A path under the shared folder that must exist, e.g. {@code corpus/arxiv-daily/daily}.
   *
   * @throws org.opentest4j.TestAbortedException when it is absent (the test is skipped)
   * @throws org.opentest4j.AssertionFailedError when it is absent and {@code CI=true}
   */
  public static Path require(String relative) {
    return find(relative)
        .orElseGet(
            () -> {
              String message =
                  "shared data missing: "
                      + root().resolve(relative)
                      + " (tests read it from ../shared beside the project root, or $"
                      + ENV
                      + ")";
              if (required()) {
                Assertions.fail(message + "; CI=true, so a missing data file fails the run");
              }
              Assumptions.abort(message + ": skipped");
              throw new AssertionError("unreachable");
            });
  }

  /** A path under the shared folder if it exists, with no skipping or failing. */
  public static Optional<Path> find(String relative) {
    Path p = root().resolve(relative);
    return Files.exists(p) ? Optional.of(p) : Optional.empty();
  }
}
