package dev.papergraph.workspace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A workspace that cannot be used as asked (a user mistake, not a bug): missing, not a papergraph
 * workspace, written by a newer papergraph, or damaged. The message is one line naming the folder,
 * the problem and what to do.
 */
public class WorkspaceException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path dir;

  /**
   * @param dir the workspace folder
   * @param problem what is wrong, e.g. "no papergraph workspace"
   * @param advice what to do, e.g. "build one with `papergraph build`"
   */
  public WorkspaceException(Path dir, String problem, String advice) {
    super(problem + " in " + dir + ": " + advice);
    this.dir = dir;
  }

  /** As {@link #WorkspaceException(Path, String, String)}, with the cause kept for diagnosis. */
  public WorkspaceException(Path dir, String problem, String advice, Throwable cause) {
    super(problem + " in " + dir + ": " + advice, cause);
    this.dir = dir;
  }

  /** The workspace folder. */
  public Path dir() {
    return dir;
  }
}
