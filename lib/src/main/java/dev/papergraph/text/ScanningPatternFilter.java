package dev.papergraph.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Lucene's {@link PatternReplaceCharFilter}, the same characters and the same offset corrections,
 * for a pattern whose matches can only start with one of a few characters: the places to try are
 * found by {@link String#indexOf(int, int)} for each of those characters, and the pattern is tried
 * only there ({@link Matcher#lookingAt} over a region with transparent bounds, so that look-behinds
 * and word boundaries see the text before the region, as {@link Matcher#find} does).
 *
 * <p>Why not Lucene's filter itself: {@code find} tries the pattern at every place of the text,
 * each try a virtual call into the pattern's first node and a character read through the {@code
 * CharSequence} interface. On arXiv abstracts Lucene's pattern filters took 3.7 % of a 74,728-paper
 * build's CPU and 5.6 % of a 300,000-paper one (async-profiler, docs/BENCHMARKS.md, session 29),
 * three quarters of it in those tries; with this filter the term vectors of the 74,728 papers cost
 * ~14 % less CPU. The replacement, the offset map and the order of matches are Lucene's ({@code
 * processPattern}, Lucene 9.12), which {@code ScanningPatternFilterTest} checks against Lucene's
 * filter, text by text and offset by offset.
 */
final class ScanningPatternFilter extends BaseCharFilter {

  /**
   * A pattern, its replacement and the characters any match of it starts with.
   *
   * @param pattern the pattern; every match it can make is non-empty and starts with one of {@code
   *     starts}
   * @param replacement literal text without {@code $} or {@code \}, or exactly one group reference
   *     {@code $n}
   * @param starts the ASCII characters a match can start with
   */
  record Rule(Pattern pattern, String replacement, String starts) {

    Rule {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(replacement, "replacement");
      if (starts.isEmpty() || !starts.chars().allMatch(c -> c < 128)) {
        throw new IllegalArgumentException("starts must be ASCII characters: " + starts);
      }
      int group = group(replacement);
      if (group < 0 && (replacement.contains("$") || replacement.contains("\\"))) {
        throw new IllegalArgumentException(
            "a replacement is literal text or one group reference: " + replacement);
      }
      if (group > pattern.matcher("").groupCount()) {
        throw new IllegalArgumentException("no group " + group + " in " + pattern);
      }
    }

    /** This rule's filter over a reader. */
    Reader over(Reader in) {
      return new ScanningPatternFilter(this, in);
    }

    /** The group a replacement {@code $n} names, or -1 for literal text. */
    private static int group(String replacement) {
      // up to $99: a longer number names no group of these patterns
      if (replacement.length() < 2 || replacement.length() > 3 || replacement.charAt(0) != '$') {
        return -1;
      }
      for (int i = 1; i < replacement.length(); i++) {
        if (replacement.charAt(i) < '0' || replacement.charAt(i) > '9') {
          return -1;
        }
      }
      return Integer.parseInt(replacement.substring(1));
    }
  }

  private final Rule rule;
  private final int group;
  private Reader transformed;

  private ScanningPatternFilter(Rule rule, Reader in) {
    super(in);
    this.rule = rule;
    this.group = Rule.group(rule.replacement());
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (transformed == null) {
      fill();
    }
    return transformed.read(cbuf, off, len);
  }

  @Override
  public int read() throws IOException {
    if (transformed == null) {
      fill();
    }
    return transformed.read();
  }

  @Override
  protected int correct(int currentOff) {
    return Math.max(0, super.correct(currentOff));
  }

  private void fill() throws IOException {
    StringBuilder buffered = new StringBuilder();
    char[] temp = new char[1024];
    for (int cnt = input.read(temp); cnt > 0; cnt = input.read(temp)) {
      buffered.append(temp, 0, cnt);
    }
    transformed = new StringReader(process(buffered.toString()));
  }

  /** Replaces every match, left to right, and records the offset corrections as Lucene does. */
  private String process(String s) {
    String starts = rule.starts();
    int n = s.length();
    // the next place of each start character at or after the scan's position (-1: none left)
    int[] next = new int[starts.length()];
    for (int j = 0; j < next.length; j++) {
      next[j] = s.indexOf(starts.charAt(j));
    }
    Matcher m = rule.pattern().matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    StringBuilder out = null;
    int cumulative = 0;
    int lastMatchEnd = 0;
    int from = 0;
    while (from < n) {
      int p = -1;
      for (int j = 0; j < next.length; j++) {
        if (next[j] >= 0 && next[j] < from) {
          next[j] = s.indexOf(starts.charAt(j), from);
        }
        if (next[j] >= 0 && (p < 0 || next[j] < p)) {
          p = next[j];
        }
      }
      if (p < 0) {
        break;
      }
      m.region(p, n);
      if (!m.lookingAt()) {
        from = p + 1;
        continue;
      }
      int end = m.end();
      if (out == null) {
        out = new StringBuilder(n);
      }
      int groupSize = end - p;
      out.append(s, lastMatchEnd, p);
      int lengthBeforeReplacement = out.length();
      if (group < 0) {
        out.append(rule.replacement());
      } else if (m.start(group) >= 0) {
        out.append(s, m.start(group), m.end(group));
      }
      int replacementSize = out.length() - lengthBeforeReplacement;
      if (groupSize != replacementSize) {
        if (replacementSize < groupSize) {
          // the replacement is shorter: the next index after it is corrected by the difference
          cumulative += groupSize - replacementSize;
          addOffCorrectMap(lengthBeforeReplacement + replacementSize, cumulative);
        } else {
          // the replacement is longer: every new index points to the last character of the match
          for (int i = groupSize; i < replacementSize; i++) {
            addOffCorrectMap(lengthBeforeReplacement + i, --cumulative);
          }
        }
      }
      lastMatchEnd = end;
      // after an empty match find() goes on one place later
      from = end > p ? end : end + 1;
    }
    if (out == null) {
      return s;
    }
    out.append(s, lastMatchEnd, n);
    return out.toString();
  }
}
