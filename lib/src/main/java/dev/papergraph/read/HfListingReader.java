package dev.papergraph.read;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads "daily papers" listing pages: a page header ("new", "Subscribe", "Daily Papers", "by AK and
 * the research community", a capture date such as "Nov 18"), then per paper a title paragraph, an
 * abstract paragraph and optionally a metadata block of consecutive lines: {@code • N authors}
 * and/or an organisation line, a {@code ·} line and a date line ({@code Apr 29 15} is April 29 with
 * no year and 15 upvotes; {@code Jun 22, 2020} has a year and no upvotes; {@code Jan 29, 2024 1}
 * has both).
 *
 * <p>Paragraphs are separated by blank lines. CRLF, a UTF-8 byte-order mark and trailing spaces are
 * accepted. A title followed by its metadata block or by the next title (a missing abstract), and a
 * title alone at the end of the file (a truncated record), are rejected with their line.
 */
public final class HfListingReader implements CorpusReader {

  private static final Set<String> HEADER_LINES =
      Set.of(
          "new",
          "get trending papers in your email inbox!",
          "subscribe",
          "daily papers",
          "byak and the research community",
          "by ak and the research community");
  private static final Pattern CAPTURE_DATE = Pattern.compile("[A-Z][a-z]{2} \\d{1,2}");
  private static final Pattern AUTHORS =
      Pattern.compile("•\\s*(\\d+)\\s+authors?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE =
      Pattern.compile(
          "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? (\\d{1,2})(?:, (\\d{4}))?(?: (\\d+))?");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /** A title is short and has no closing full stop; an abstract is prose. */
  private static final int TITLE_MAX_WORDS = 40;

  private static final int ABSTRACT_MIN_WORDS = 20;

  /**
   * The number of words of a text as {@code text.split("\\s+").length} counts them (an empty text
   * is one word, a text of only white space none, a leading white space adds an empty word),
   * without the regular expression and the array: a listing's every paragraph is counted.
   */
  static int wordCount(String text) {
    if (text.isEmpty()) {
      return 1;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      // the white space of \s: space, tab, line feed, vertical tab, form feed, carriage return
      char c = text.charAt(i);
      boolean space = c == ' ' || (c >= '\t' && c <= '\r');
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    char first = text.charAt(0);
    boolean leadingSpace = first == ' ' || (first >= '\t' && first <= '\r');
    return words > 0 && leadingSpace ? words + 1 : words;
  }

  @Override
  public Format format() {
    return Format.HF_LISTING;
  }

  /** A block of consecutive non-blank lines, with the line number it starts on. */
  private record Paragraph(int line, List<String> lines) {
    String text() {
      return String.join(" ", lines);
    }

    boolean isMetadata() {
      for (String l : lines) {
        if (l.equals("·") || AUTHORS.matcher(l).matches()) {
          return true;
        }
      }
      return false;
    }

    int words() {
      return wordCount(text());
    }

    boolean looksLikeTitle() {
      String t = text();
      return lines.size() == 1 && words() <= TITLE_MAX_WORDS && !t.endsWith(".");
    }
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    List<Paragraph> paragraphs = paragraphs(source);
    String file = source.name();
    int i = 0;
    while (i < paragraphs.size() && isHeader(paragraphs.get(i))) {
      i++;
    }
    if (i == paragraphs.size()) {
      sink.warn(
          file, paragraphs.isEmpty() ? "empty file: no records" : "only a page header: no records");
      return;
    }
    long record = 0;
    while (i < paragraphs.size()) {
      Paragraph title = paragraphs.get(i);
      record++;
      if (title.isMetadata()) {
        sink.reject(
            new ImportIssue(
                file,
                title.line(),
                record,
                "metadata block (authors/date) without a title and abstract before it"));
        i++;
        continue;
      }
      if (i + 1 == paragraphs.size()) {
        sink.reject(
            new ImportIssue(
                file,
                title.line(),
                record,
                "truncated record: title \""
                    + clip(title.text())
                    + "\" has no abstract at end of file"));
        break;
      }
      Paragraph abs = paragraphs.get(i + 1);
      if (abs.isMetadata()) {
        sink.reject(
            new ImportIssue(
                file,
                title.line(),
                record,
                "record \""
                    + clip(title.text())
                    + "\" has no abstract (metadata follows the title)"));
        i += 2;
        continue;
      }
      if (abs.looksLikeTitle() && i + 2 < paragraphs.size()) {
        Paragraph next = paragraphs.get(i + 2);
        if (!next.isMetadata()
            && next.words() >= ABSTRACT_MIN_WORDS
            && next.words() > 2 * abs.words()) {
          // the next paragraph is an abstract, so `abs` is the next record's title
          sink.reject(
              new ImportIssue(
                  file,
                  title.line(),
                  record,
                  "record \""
                      + clip(title.text())
                      + "\" has no abstract (another title follows it)"));
          i += 1;
          continue;
        }
      }
      Paper.Builder b =
          Paper.builder()
              .title(title.text())
              .abstractText(abs.text())
              .addProvenance(new Provenance(file, title.line(), record));
      i += 2;
      if (i < paragraphs.size() && paragraphs.get(i).isMetadata()) {
        String problem = readMetadata(paragraphs.get(i), b);
        if (problem != null) {
          sink.warn(file, "line " + paragraphs.get(i).line() + ": " + problem);
        }
        i++;
      }
      sink.accept(b.build());
    }
  }

  /**
   * Fills author count, organisation, date and upvotes; returns a problem to warn about, or null.
   */
  private static String readMetadata(Paragraph meta, Paper.Builder b) {
    String problem = null;
    boolean afterDot = false;
    for (String line : meta.lines()) {
      Matcher a = AUTHORS.matcher(line);
      if (line.equals("·")) {
        afterDot = true;
      } else if (a.matches()) {
        b.authorCount(Integer.parseInt(a.group(1)));
      } else if (afterDot) {
        Matcher d = DATE.matcher(line);
        if (d.matches()) {
          try {
            int month = MONTHS.indexOf(d.group(1).toLowerCase(Locale.ROOT)) + 1;
            int day = Integer.parseInt(d.group(2));
            b.date(
                d.group(3) == null
                    ? PartialDate.ofMonthDay(month, day)
                    : PartialDate.of(Integer.parseInt(d.group(3)), month, day));
          } catch (IllegalArgumentException e) {
            problem = "date \"" + line + "\" is not a calendar date; kept without a date";
          }
          if (d.group(4) != null) {
            b.upvotes(Integer.parseInt(d.group(4)));
          }
        } else {
          problem = "unrecognised date line \"" + line + "\"; kept without a date";
        }
      } else {
        b.organisation(line);
      }
    }
    return problem;
  }

  private static boolean isHeader(Paragraph p) {
    if (p.lines().size() != 1) {
      return false;
    }
    String l = p.lines().get(0);
    return HEADER_LINES.contains(l.toLowerCase(Locale.ROOT)) || CAPTURE_DATE.matcher(l).matches();
  }

  private static List<Paragraph> paragraphs(InputSource source) throws IOException {
    List<Paragraph> out = new ArrayList<>();
    try (TextLines r = new TextLines(source.openText())) {
      List<String> cur = new ArrayList<>();
      int start = 0;
      int n = 0;
      String line;
      while ((line = r.next()) != null) {
        n++;
        line = line.strip();
        if (line.isEmpty()) {
          if (!cur.isEmpty()) {
            out.add(new Paragraph(start, cur));
            cur = new ArrayList<>();
          }
        } else {
          if (cur.isEmpty()) {
            start = n;
          }
          cur.add(line);
        }
      }
      if (!cur.isEmpty()) {
        out.add(new Paragraph(start, cur));
      }
    }
    return out;
  }

  private static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
