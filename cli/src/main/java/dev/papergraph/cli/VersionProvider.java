package dev.papergraph.cli;

import dev.papergraph.analysis.LibraryVersions;
import picocli.CommandLine.IVersionProvider;

/**
 * papergraph's version (from the lib jar's Maven metadata, "dev" when run from classes) and the
 * runtime's.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "papergraph " + LibraryVersions.papergraph(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
