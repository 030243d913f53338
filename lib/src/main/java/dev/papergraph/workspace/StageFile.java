package dev.papergraph.workspace;

import java.util.Optional;

/**
 * The registry of the files a workspace may hold beside its marker ({@code workspace.json}) and its
 * Lucene index folder. A stage that saves a new file adds one constant here: the file is then
 * checksummed when the workspace is sealed, verified when it is read, and counted as papergraph's
 * own when a build decides whether it may replace a folder. A name not listed here makes a folder
 * foreign, and papergraph never replaces a foreign folder.
 */
enum StageFile {
  /** The run manifest: inputs with SHA-256, counts, parameters, versions. */
  MANIFEST("manifest.json"),
  /** What happened to every input record. */
  REPORT("import-report.json"),
  /** Id, community, external ids and title of every paper. */
  CATALOG("catalog.tsv"),
  /** The similarity links with their explanations. */
  EDGES("edges.tsv"),
  /** The labelled communities and the modularity. */
  COMMUNITIES("communities.json"),
  /** Every measure of every paper. */
  CENTRALITIES("centralities.tsv"),
  /** The position of every paper. */
  LAYOUT("layout.tsv"),
  /** The similarity engine's options. */
  ENGINE("engine-options.json"),
  /**
   * The papers' term vectors ({@link TermVectorFile}), to explain pairs that are not linked without
   * analysing every text again; absent from workspaces written before it existed.
   */
  VECTORS("term-vectors.bin"),
  /**
   * How much of the corpus each feature can use ({@code Coverage}), so that {@code info} need not
   * read every paper; absent from workspaces written before it existed.
   */
  COVERAGE("coverage.json");

  private final String fileName;

  StageFile(String fileName) {
    this.fileName = fileName;
  }

  /** The file's name inside the workspace folder. */
  String fileName() {
    return fileName;
  }

  /** The stage file with this name. */
  static Optional<StageFile> byName(String name) {
    for (StageFile f : values()) {
      if (f.fileName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
