package dev.papergraph.cli;

import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace DIR}: the workspace folder a command reads or builds. */
final class WorkspaceOptions {

  @Option(
      names = {"-w", "--workspace"},
      paramLabel = "DIR",
      defaultValue = "${env:PAPERGRAPH_WORKSPACE:-" + Workspace.DEFAULT_DIR + "}",
      description = "Workspace folder (default: ${DEFAULT-VALUE}; env PAPERGRAPH_WORKSPACE).")
  Path dir;

  /** Opens the workspace, failing with one line of advice when there is none. */
  Workspace open() throws IOException {
    return Workspace.open(dir);
  }
}
