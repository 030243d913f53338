package dev.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --output table|json|csv|tsv}: the form of the data a command writes to standard output.
 * The option names of papergraph keep one meaning each: {@code --output FORM} is always this form
 * of standard output; a file to write is {@code -o, --out FILE}.
 */
final class OutputOptions {

  /** The forms data can take on standard output. */
  enum Form {
    table,
    json,
    csv,
    tsv
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--output",
      paramLabel = "FORM",
      defaultValue = "table",
      description =
          "Form of the data on standard output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
              + "Tables fit the terminal (COLUMNS, else 80); the other forms are never shortened.")
  Form form = Form.table;

  /** Whether the data is for people (a table) rather than programs. */
  boolean table() {
    return form == Form.table;
  }

  /** Standard output. */
  PrintWriter out() {
    return mixee.commandLine().getOut();
  }

  /** The columns a table may take. */
  int columns() {
    return GlobalOptions.of(mixee).columns;
  }

  /** Prints the table on standard output in the chosen form. */
  void print(Table t) throws IOException {
    t.print(out(), form, columns());
  }

  /**
   * A line for people above a table (only in table form), terminal-safe and wrapped to the width.
   */
  void heading(String line) {
    if (table()) {
      Text.wrap(Text.terminal(line), columns()).forEach(out()::println);
    }
  }

  /** Writes a JSON document and a newline. */
  void json(Object doc) throws IOException {
    Table.json().writeValue(out(), doc);
    out().println();
  }
}
