package dev.papergraph.text;

import dev.papergraph.text.ScanningPatternFilter.Rule;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Cleans the text of titles and abstracts before analysis, as a chain of Lucene char filters (so
 * token offsets still point into the text as the source gave it):
 *
 * <ol>
 *   <li>three {@code HTMLStripCharFilter}s: each decodes character entities and strips HTML, JATS
 *       and MathML tags; three passes undo double escaping ({@code &amp;lt;b&amp;gt;} becomes
 *       {@code &lt;b&gt;}, then {@code <b>}, then nothing);
 *   <li>pattern filters ({@link ScanningPatternFilter}: Lucene's {@code PatternReplaceCharFilter}
 *       tried only where a match can start; Lucene's own for e-mail addresses) for URLs, DOIs and
 *       e-mail addresses (removed), LaTeX math ({@code $…$}, {@code $$…$$}, {@code \(…\)}, {@code
 *       \[…\]}: removed), LaTeX commands that wrap words ({@code \emph{…}}, {@code \textbf{…}}, …:
 *       the words kept), references ({@code \cite{…}}, {@code \ref{…}}: removed), other commands
 *       and braces (removed).
 * </ol>
 *
 * Numbers, percentages and statistics are removed later, by the analysis chain ({@link
 * PaperAnalyzer}); {@link #readable} keeps them, as a reader wants them.
 *
 * <p>The stored abstract stays as the source gave it; what users see (viewer, {@code explain},
 * exports) is {@link #readable}. Stateless and thread-safe.
 */
public final class TextCleaner {

  // a URL or DOI never ends with the punctuation of the sentence around it ("see www.x.org, and")
  private static final String LINK_END = "[^\\s<>\".,;:!?)\\]]";
  // each rule's last argument: the characters its matches start with (ScanningPatternFilter tries
  // the pattern only there)
  private static final Rule URL =
      new Rule(
          Pattern.compile(
              "(?i)(?:\\b(?:https?|ftp)://[^\\s<>\"]*"
                  + LINK_END
                  + "|\\bwww\\.[^\\s<>\"]*"
                  + LINK_END
                  + ")"),
          " ",
          "hHfFwW");
  private static final Rule DOI =
      new Rule(
          Pattern.compile("(?i)\\b(?:doi:?\\s*)?10\\.\\d{4,9}/[^\\s<>\"]*" + LINK_END), " ", "dD1");
  // an address starts with almost any character: Lucene's filter, where an '@' is in the text
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Rule DISPLAY_MATH =
      new Rule(Pattern.compile("\\$\\$[^$]*\\$\\$|\\\\\\[.*?\\\\\\]", Pattern.DOTALL), " ", "$\\");
  private static final Rule INLINE_MATH =
      new Rule(Pattern.compile("\\$[^$]{0,400}\\$|\\\\\\(.*?\\\\\\)", Pattern.DOTALL), " ", "$\\");
  private static final Rule WORD_COMMAND =
      new Rule(
          Pattern.compile(
              "\\\\(?:emph|textit|textbf|textsc|texttt|textrm|textsf|textup|textnormal|underline|uline|mbox|text)"
                  + "\\s*\\{([^{}]*)\\}"),
          "$1",
          "\\");
  private static final Rule REFERENCE_COMMAND =
      new Rule(
          Pattern.compile(
              "\\\\(?:cite[tp]?|citealp|ref|eqref|autoref|cref|label|url|footnote|href)\\*?\\s*(?:\\[[^\\]]*\\])?\\{[^{}]*\\}"),
          " ",
          "\\");
  private static final Rule ESCAPED_CHAR = new Rule(Pattern.compile("\\\\([%&#_$])"), "$1", "\\");
  private static final Rule OTHER_COMMAND =
      new Rule(Pattern.compile("\\\\[A-Za-z]+\\*?|\\\\.|[{}~]"), " ", "\\{}~");

  /** The rules of the pattern filters, in the chain's order (for the tests). */
  static List<Rule> rules() {
    return List.of(
        URL,
        DOI,
        DISPLAY_MATH,
        INLINE_MATH,
        WORD_COMMAND,
        REFERENCE_COMMAND,
        ESCAPED_CHAR,
        OTHER_COMMAND);
  }

  // what removing a link, a formula or a reference leaves: "(see )", "( )", "bounds ."
  static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*[,;]?\\s*\\)|\\[\\s*\\]");
  private static final Pattern SPACE_BEFORE = Pattern.compile(" ([.,;:!?)\\]])");
  private static final Pattern SPACE_AFTER = Pattern.compile("([(\\[]) ");

  private TextCleaner() {}

  /**
   * The char filters over a reader, as {@link PaperAnalyzer} uses them (offsets corrected back to
   * the raw text).
   */
  public static Reader wrap(Reader raw) {
    Reader r = new HTMLStripCharFilter(raw);
    r = new HTMLStripCharFilter(r);
    r = new HTMLStripCharFilter(r);
    r = URL.over(r);
    r = DOI.over(r);
    r = new PatternReplaceCharFilter(EMAIL, " ", r);
    r = DISPLAY_MATH.over(r);
    r = INLINE_MATH.over(r);
    r = WORD_COMMAND.over(r);
    r = REFERENCE_COMMAND.over(r);
    r = ESCAPED_CHAR.over(r);
    r = OTHER_COMMAND.over(r);
    return r;
  }

  /**
   * The char filters of {@link #wrap(Reader)} that can change this text, over a reader of it: the
   * same characters and offsets come out, with less work. None for a text {@link #needsCleaning}
   * passes; all of them for a text with markup ({@code <} or {@code &}: an entity may stand for any
   * character). Otherwise the HTML filters change nothing, and each pattern filter can match only
   * where the characters it needs occur in the text: the filters before it only remove text, put a
   * space in its place, or keep a part of it ({@code \emph{…}}'s words), so they never create them.
   *
   * @param text the whole text the reader gives
   */
  static Reader wrap(String text, Reader raw) {
    if (!needsCleaning(text)) {
      return raw;
    }
    if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
      return wrap(raw);
    }
    boolean backslash = text.indexOf('\\') >= 0;
    Reader r = raw;
    if (text.contains("://") || containsWww(text)) {
      r = URL.over(r);
    }
    if (mayHoldDoi(text)) {
      r = DOI.over(r);
    }
    if (text.indexOf('@') >= 0) {
      r = new PatternReplaceCharFilter(EMAIL, " ", r);
    }
    // the filters up to the word commands put a space where they remove text, so a run without
    // white space that a later filter needs (a command's name, "$$", "\(") is a run of the text
    // itself; a word command's words ("$1") may join a backslash before them to what follows, so
    // after one the reference and escape filters run wherever there is a backslash
    if (text.contains("$$") || text.contains("\\[")) {
      r = DISPLAY_MATH.over(r);
    }
    if (text.indexOf('$') >= 0 || text.contains("\\(")) {
      r = INLINE_MATH.over(r);
    }
    boolean wordCommand = backslash && followsBackslash(text, WORD_COMMAND_NAMES);
    if (wordCommand) {
      r = WORD_COMMAND.over(r);
    }
    if (wordCommand || backslash && followsBackslash(text, REFERENCE_COMMAND_NAMES)) {
      r = REFERENCE_COMMAND.over(r);
    }
    if (wordCommand || backslash && followsBackslash(text, ESCAPED_CHARS)) {
      r = ESCAPED_CHAR.over(r);
    }
    if (backslash || text.indexOf('{') >= 0 || text.indexOf('}') >= 0 || text.indexOf('~') >= 0) {
      r = OTHER_COMMAND.over(r);
    }
    return r;
  }

  /** The starts of {@link #WORD_COMMAND}'s command names. */
  private static final String[] WORD_COMMAND_NAMES = {"emph", "text", "underline", "uline", "mbox"};

  /** The starts of {@link #REFERENCE_COMMAND}'s command names. */
  private static final String[] REFERENCE_COMMAND_NAMES = {
    "cite", "ref", "eqref", "autoref", "cref", "label", "url", "footnote", "href"
  };

  /** The characters {@link #ESCAPED_CHAR} unescapes. */
  private static final String[] ESCAPED_CHARS = {"%", "&", "#", "_", "$"};

  /** Whether a backslash in the text is followed by one of these strings. */
  private static boolean followsBackslash(String text, String[] next) {
    for (int i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
      for (String s : next) {
        if (text.startsWith(s, i + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the text holds what every match of {@link #DOI} holds: {@code 10.}, four to nine
   * digits, {@code /}.
   */
  private static boolean mayHoldDoi(String text) {
    for (int i = text.indexOf("10."); i >= 0; i = text.indexOf("10.", i + 1)) {
      int j = i + 3;
      while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
        j++;
      }
      int digits = j - i - 3;
      if (digits >= 4 && digits <= 9 && j < text.length() && text.charAt(j) == '/') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the text contains {@code www.} in any case, as {@code regionMatches} ignoring case
   * finds it: only a {@code w} or a {@code W} matches its first letter ignoring case, so only their
   * places are tried (found by {@code indexOf}).
   */
  private static boolean containsWww(String text) {
    for (char first : new char[] {'w', 'W'}) {
      for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
        if (text.regionMatches(true, i, "www.", 0, 4)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The readable text of a raw title or abstract: entities decoded, markup, math, LaTeX commands,
   * URLs and DOIs removed, the words of {@code \emph{…}} kept, white space collapsed. Numbers stay.
   * {@code null} gives {@code null}.
   */
  public static String readable(String raw) {
    if (raw == null) {
      return null;
    }
    if (!needsCleaning(raw)) {
      return collapseSpaces(raw).strip();
    }
    StringBuilder b = new StringBuilder(raw.length());
    char[] buf = new char[1024];
    try (Reader r = wrap(raw, new StringReader(raw))) {
      for (int c; (c = r.read(buf)) != -1; ) {
        b.append(buf, 0, c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return readableOfFiltered(b.toString());
  }

  /**
   * {@link #readable} of a text that {@link #needsCleaning}, from what the char filters of {@link
   * #wrap(String, Reader)} made of it (which the analysis chain reads too): white space collapsed,
   * the brackets and spaces removing text left behind removed.
   */
  static String readableOfFiltered(String filtered) {
    // each pattern runs only where it can match (a scan of the text costs less than its matcher)
    String t = collapseSpaces(filtered);
    if (hasEmptyBrackets(t)) {
      t = collapseSpaces(EMPTY_BRACKETS.matcher(t).replaceAll(""));
    }
    if (t.contains("( ") || t.contains("[ ")) {
      t = SPACE_AFTER.matcher(t).replaceAll("$1");
    }
    if (hasSpaceBefore(t)) {
      t = SPACE_BEFORE.matcher(t).replaceAll("$1");
    }
    return t.strip();
  }

  /** Whether {@link #SPACE_BEFORE} matches in the text: a space before {@code .,;:!?)]}. */
  private static boolean hasSpaceBefore(String text) {
    for (int i = text.indexOf(' '); i >= 0 && i + 1 < text.length(); i = text.indexOf(' ', i + 1)) {
      if (".,;:!?)]".indexOf(text.charAt(i + 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@link #EMPTY_BRACKETS} matches in the text: {@code (}, white space, at most one {@code
   * ,} or {@code ;}, white space, {@code )}; or {@code [}, white space, {@code ]}.
   */
  static boolean hasEmptyBrackets(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char open = text.charAt(i);
      if (open != '(' && open != '[') {
        continue;
      }
      int j = skipSpaces(text, i + 1);
      if (open == '(' && j < n && (text.charAt(j) == ',' || text.charAt(j) == ';')) {
        j = skipSpaces(text, j + 1);
      }
      if (j < n && text.charAt(j) == (open == '(' ? ')' : ']')) {
        return true;
      }
    }
    return false;
  }

  private static int skipSpaces(String text, int from) {
    int j = from;
    while (j < text.length() && isSpace(text.charAt(j))) {
      j++;
    }
    return j;
  }

  /**
   * {@code text.replaceAll("\\s+", " ")}, each run of white space ({@code \\s}: {@code [
   * \\t\\n\\x0B\\f\\r]}) one space, by a scan: most abstracts hold line breaks, and the matcher
   * cost several times more. Text whose only white space is single spaces comes back as it is.
   */
  static String collapseSpaces(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' ? i + 1 < n && isSpace(text.charAt(i + 1)) : isSpace(c)) {
        break;
      }
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder b = new StringBuilder(n).append(text, 0, i);
    while (i < n) {
      char c = text.charAt(i++);
      if (isSpace(c)) {
        b.append(' ');
        while (i < n && isSpace(text.charAt(i))) {
          i++;
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A white-space character of {@code \\s}: {@code [ \\t\\n\\x0B\\f\\r]}. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /**
   * Whether a text contains anything the char filters would change (a fast path for clean text):
   * one of {@code <&$\\{}~@}, or {@code ://}, {@code www.} or {@code 10.}. It is asked of every
   * title and abstract, twice in the analysis pass: a search per character or sequence ({@code
   * indexOf}, which the JIT compiler turns into vector instructions) costs less than one scan
   * testing each character against all of them.
   */
  static boolean needsCleaning(String raw) {
    for (int i = 0; i < CLEANED_CHARS.length(); i++) {
      if (raw.indexOf(CLEANED_CHARS.charAt(i)) >= 0) {
        return true;
      }
    }
    return raw.contains("://") || raw.contains("www.") || raw.contains("10.");
  }

  /** The characters that make a text need cleaning wherever they are. */
  private static final String CLEANED_CHARS = "<&$\\{}~@";
}
