package dev.papergraph.read;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The check every paper passes before it enters a corpus, whatever reader made it, so that what a
 * corpus holds can always be stored and read back (stage files, JSON, Lucene) and printed:
 *
 * <ul>
 *   <li>an id (the paper's own or an external one) holding a control character (tab, newline, …) or
 *       longer than {@link Limits#MAX_ID_CHARS}: the record is rejected;
 *   <li>an abstract longer than {@link Limits#MAX_ABSTRACT_CHARS}, a title, venue, organisation or
 *       author name longer than {@link Limits#MAX_SHORT_TEXT_CHARS}, more than {@link
 *       Limits#MAX_LIST_ITEMS} authors, topics or references: the record is rejected (nothing is
 *       silently truncated);
 *   <li>text is cleaned, never rejected for its characters: in titles, names, venues and topics
 *       every run of white space and control characters becomes one space; in abstracts control
 *       characters other than tab and line breaks are dropped; everywhere a lone surrogate becomes
 *       U+FFFD and the non-characters U+FFFE/U+FFFF are dropped.
 * </ul>
 */
final class RecordDoor {

  private RecordDoor() {}

  /** What the door made of a paper: the paper to keep, or the reason it is rejected. */
  record Outcome(Paper paper, String rejection) {}

  static Outcome check(Paper p) {
    ExternalIds ids = p.ids();
    String bad = idProblem("doi", ids.doi());
    if (bad == null) bad = idProblem("arxiv id", ids.arxiv());
    if (bad == null) bad = idProblem("openalex id", ids.openalex());
    if (bad == null) bad = idProblem("s2 id", ids.s2());
    if (bad == null) bad = idProblem("pmid", ids.pmid());
    if (bad == null) bad = idProblem("id", p.id());
    if (bad == null) bad = tooLong("abstract", p.abstractText(), Limits.MAX_ABSTRACT_CHARS);
    if (bad == null) bad = tooLong("title", p.title(), Limits.MAX_SHORT_TEXT_CHARS);
    if (bad == null) bad = tooLong("venue", p.venue(), Limits.MAX_SHORT_TEXT_CHARS);
    if (bad == null) bad = tooLong("organisation", p.organisation(), Limits.MAX_SHORT_TEXT_CHARS);
    if (bad == null) bad = tooMany("authors", p.authors().size());
    if (bad == null) bad = tooMany("topics", p.topics().size());
    if (bad == null) bad = tooMany("references", p.references().size());
    for (int i = 0; bad == null && i < p.authors().size(); i++) {
      bad = tooLong("author name", p.authors().get(i), Limits.MAX_SHORT_TEXT_CHARS);
    }
    for (int i = 0; bad == null && i < p.references().size(); i++) {
      bad = idProblem("reference", p.references().get(i));
    }
    if (bad != null) {
      return new Outcome(null, bad);
    }
    return clean(p);
  }

  private static Outcome clean(Paper p) {
    String title = line(p.title());
    if (title.isEmpty()) {
      return new Outcome(null, "title has no visible characters");
    }
    String abs = p.abstractText() == null ? null : prose(p.abstractText());
    if (abs != null && abs.isBlank()) {
      abs = null;
    }
    List<String> authors = cleanList(p.authors());
    String venue = lineOrNull(p.venue());
    String org = lineOrNull(p.organisation());
    boolean topicsChanged = false;
    List<Topic> topics = new ArrayList<>(p.topics().size());
    for (Topic t : p.topics()) {
      String label = line(t.term());
      if (label.isEmpty()) {
        topicsChanged = true;
        continue;
      }
      if (!label.equals(t.term())) {
        topicsChanged = true;
        topics.add(new Topic(label, t.weight(), t.source()));
      } else {
        topics.add(t);
      }
    }
    if (title.equals(p.title())
        && Objects.equals(abs, p.abstractText())
        && authors == null
        && Objects.equals(venue, p.venue())
        && Objects.equals(org, p.organisation())
        && !topicsChanged) {
      return new Outcome(p, null);
    }
    Paper.Builder b = p.toBuilder().title(title).abstractText(abs).venue(venue).organisation(org);
    if (authors != null) {
      b.authors(authors);
    }
    if (topicsChanged) {
      b.topics(topics);
    }
    return new Outcome(b.build(), null);
  }

  /** The list cleaned, or {@code null} when no name changed. */
  private static List<String> cleanList(List<String> names) {
    List<String> out = null;
    for (int i = 0; i < names.size(); i++) {
      String n = line(names.get(i));
      if (out == null && !n.equals(names.get(i))) {
        out = new ArrayList<>(names.subList(0, i));
      }
      if (out != null && !n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  private static String idProblem(String what, String id) {
    if (id == null) {
      return null;
    }
    if (id.length() > Limits.MAX_ID_CHARS) {
      return what
          + " is "
          + id.length()
          + " characters long, over the limit of "
          + Limits.MAX_ID_CHARS;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)
          || c == '\u2028'
          || c == '\u2029'
          || Character.isSurrogate(c) && !validPair(id, i)) {
        return what + " \"" + visible(id) + "\" holds the control character " + name(c);
      }
    }
    return null;
  }

  private static String tooLong(String what, String text, int max) {
    return text != null && text.length() > max
        ? what + " is " + text.length() + " characters long, over the limit of " + max
        : null;
  }

  private static String tooMany(String what, int n) {
    return n > Limits.MAX_LIST_ITEMS
        ? n + " " + what + ", over the limit of " + Limits.MAX_LIST_ITEMS
        : null;
  }

  /** One line: white space and control runs to one space, stripped. */
  static String line(String s) {
    if (isLine(s)) {
      // most texts are lines already: one scan, nothing copied
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        if (!space) {
          b.append(' ');
          space = true;
        }
        continue;
      }
      char out = replacement(s, i);
      if (out != 0) {
        b.append(out);
        space = false;
      }
    }
    int end = b.length();
    if (end > 0 && b.charAt(end - 1) == ' ') {
      b.setLength(end - 1);
    }
    return b.length() == s.length() && b.toString().equals(s) ? s : b.toString();
  }

  /**
   * Whether {@link #line} leaves the text as it is: single spaces between other characters, none of
   * which is white space, a control character, a lone surrogate or a non-character.
   */
  private static boolean isLine(String s) {
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (space) {
          return false;
        }
        space = true;
        continue;
      }
      // below 128 only the control characters (white space among them) are changed
      if (c < 128
          ? c < ' ' || c == 127
          : Character.isWhitespace(c)
              || Character.isSpaceChar(c)
              || Character.isISOControl(c)
              || replacement(s, i) != c) {
        return false;
      }
      space = false;
    }
    return !space;
  }

  private static String lineOrNull(String s) {
    if (s == null) {
      return null;
    }
    String l = line(s);
    return l.isEmpty() ? null : l;
  }

  /** Prose: control characters other than tab and line breaks dropped, surrogates repaired. */
  static String prose(String s) {
    // printable ASCII, tabs and line breaks stay as they are: the loop below starts at the first
    // other character
    int start = 0;
    while (start < s.length()) {
      char c = s.charAt(start);
      if (c < 128 && (c >= ' ' ? c != 127 : c == '\t' || c == '\n' || c == '\r')) {
        start++;
      } else {
        break;
      }
    }
    StringBuilder b = null;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean drop = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
      char out = drop ? c : replacement(s, i);
      drop |= out == 0;
      if (b == null && (drop || out != c)) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null && !drop) {
        b.append(out);
      }
    }
    return b == null ? s : b.toString();
  }

  /** The character at i, U+FFFD for a lone surrogate, 0 (dropped) for a non-character. */
  private static char replacement(String s, int i) {
    char c = s.charAt(i);
    if (c == '\uFFFE' || c == '\uFFFF') {
      return 0;
    }
    if (Character.isSurrogate(c) && !validPair(s, i)) {
      return '\uFFFD';
    }
    return c;
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String name(char c) {
    return switch (c) {
      case '\t' -> "TAB";
      case '\n' -> "LF (a line break)";
      case '\r' -> "CR";
      default -> String.format(Locale.ROOT, "U+%04X", (int) c);
    };
  }

  private static String visible(String id) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < id.length() && b.length() < 80; i++) {
      char c = id.charAt(i);
      b.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    return b.toString();
  }
}
