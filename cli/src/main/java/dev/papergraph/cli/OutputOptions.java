package dev.papergraph.cli;

import picocli.CommandLine.Option;

/** {@code --output table|json|csv|tsv}: how data is written to standard output. */
final class OutputOptions {

  /** The forms data can take on standard output. */
  enum Form { table, json, csv, tsv }

  @Option(names = "--output", paramLabel = "FORM", defaultValue = "table",
      description = "Form of the data on standard output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Form form = Form.table;
}
