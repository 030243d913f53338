package dev.papergraph.workspace;

import dev.papergraph.read.ImportIssue;
import dev.papergraph.read.ImportReport;
import java.nio.file.Path;

/**
 * A build or addition whose inputs gave no paper (a wrong {@code --format}, every record rejected,
 * no record at all): nothing was written and the previous workspace, if any, is kept. The message
 * is one line with the counts and the first rejection; {@link #report()} says what happened to
 * every record.
 */
public final class NothingImportedException extends WorkspaceException {

  private static final long serialVersionUID = 1L;

  private final transient ImportReport report;

  /**
   * @param dir the workspace folder
   * @param report the import report of the inputs
   * @param previous whether a workspace was there before (and is kept)
   * @param adding whether the inputs were being added to a workspace
   */
  NothingImportedException(Path dir, ImportReport report, boolean previous, boolean adding) {
    super(
        dir,
        problem(report, adding),
        (previous ? "the workspace there is unchanged" : "no workspace was written")
            + "; check the inputs and --format (the import report lists every rejected record)");
    this.report = report;
  }

  private static String problem(ImportReport r, boolean adding) {
    String what = adding ? "no records to add" : "no papers imported";
    if (r.read() == 0) {
      return what + ": the inputs hold no record papergraph can read";
    }
    StringBuilder b =
        new StringBuilder(what)
            .append(": ")
            .append(r.read())
            .append(" records read, ")
            .append(r.rejected())
            .append(" rejected");
    if (!r.rejections().isEmpty()) {
      ImportIssue first = r.rejections().get(0);
      String m = first.message().replaceAll("\\p{Cntrl}", " ");
      b.append(" (first: ").append(m.length() > 200 ? m.substring(0, 200) + "…" : m).append(')');
    }
    return b.toString();
  }

  /** What happened to every record of the inputs. */
  public ImportReport report() {
    return report;
  }
}
