package dev.papergraph.write;

/**
 * Text cells made safe for spreadsheets: the one place CSV exports and the command line's {@code
 * --output csv} tables neutralise formula injection.
 *
 * <p>A spreadsheet (Excel, LibreOffice Calc, Google Sheets) evaluates a cell whose text starts with
 * {@code =}, {@code +}, {@code -} or {@code @} as a formula, and a leading TAB or CR can hide such
 * a start, so a paper titled {@code =HYPERLINK("http://evil","click")} would run when its CSV is
 * opened. As the OWASP "CSV Injection" page recommends, such a cell gets a leading single quote
 * ({@code '}), which spreadsheets show as text and do not evaluate. Only text taken from the input
 * (titles, abstracts, authors, ids, terms) is neutralised; numbers that papergraph formats itself
 * (e.g. {@code -0.25}) are written as they are.
 */
public final class CsvCells {

  private CsvCells() {}

  /**
   * Whether a text cell would be evaluated as a formula by a spreadsheet (see the class comment).
   */
  public static boolean isRisky(String cell) {
    if (cell == null || cell.isEmpty()) {
      return false;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * The text cell neutralised for spreadsheets: prefixed with {@code '} when {@link #isRisky} says
   * so, otherwise unchanged ({@code null} stays {@code null}).
   */
  public static String neutralise(String cell) {
    return isRisky(cell) ? "'" + cell : cell;
  }
}
