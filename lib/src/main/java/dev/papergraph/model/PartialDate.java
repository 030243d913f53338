package dev.papergraph.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.Year;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date that may be partial: a year alone, a year and month, a full date, or a month
 * and day without a year (listings such as "Apr 29" never say which year, and we never invent one).
 *
 * <p>The text form follows ISO 8601 and its reduced-precision forms: {@code 2024-04-29}, {@code
 * 2024-04}, {@code 2024}, and {@code --04-29} for a month and day without a year.
 *
 * @param year the year, or {@code null} when unknown
 * @param month the month 1-12, or {@code null} when unknown
 * @param day the day of month 1-31, or {@code null} when unknown (requires a month; without a year,
 *     both month and day are required)
 */
public record PartialDate(Integer year, Integer month, Integer day)
    implements Comparable<PartialDate> {

  private static final Pattern ISO =
      Pattern.compile("(?:(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?|--(\\d{2})-(\\d{2}))");

  private static final Comparator<PartialDate> ORDER =
      Comparator.comparing(PartialDate::year, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(PartialDate::month, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(PartialDate::day, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * @throws IllegalArgumentException if nothing is known, a day comes without a month, or the
   *     fields do not make a calendar date
   */
  public PartialDate {
    if (year == null && (month == null || day == null)) {
      throw new IllegalArgumentException(
          "a partial date without a year needs a month and a day: month " + month + " day " + day);
    }
    if (day != null && month == null) {
      throw new IllegalArgumentException("a day needs a month: day " + day);
    }
    if (month != null && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("month out of range 1-12: " + month);
    }
    if (day != null) {
      try {
        if (year != null) {
          LocalDate.of(year, month, day);
        } else {
          MonthDay.of(month, day);
        }
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "not a calendar date: year " + year + " month " + month + " day " + day, e);
      }
    }
    if (year != null && (year < 1000 || year > 9999)) {
      throw new IllegalArgumentException("year out of range 1000-9999: " + year);
    }
  }

  /** A date with a year only. */
  public static PartialDate ofYear(int year) {
    return new PartialDate(year, null, null);
  }

  /** A full date. */
  public static PartialDate of(int year, int month, int day) {
    return new PartialDate(year, month, day);
  }

  /** A month and day whose year is not known. */
  public static PartialDate ofMonthDay(int month, int day) {
    return new PartialDate(null, month, day);
  }

  /**
   * Parses the ISO text form written by {@link #toString()}.
   *
   * @throws IllegalArgumentException if the text is not one of the accepted forms
   */
  @JsonCreator
  public static PartialDate parse(String text) {
    Matcher m = ISO.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an ISO date (yyyy, yyyy-mm, yyyy-mm-dd, --mm-dd): " + text);
    }
    if (m.group(4) != null) {
      return new PartialDate(null, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
    }
    return new PartialDate(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? null : Integer.parseInt(m.group(2)),
        m.group(3) == null ? null : Integer.parseInt(m.group(3)));
  }

  /** The year, when known. */
  public Optional<Year> knownYear() {
    return year == null ? Optional.empty() : Optional.of(Year.of(year));
  }

  /** True when year, month and day are all known. */
  public boolean isComplete() {
    return year != null && month != null && day != null;
  }

  /** The number of known fields (0-3), used to keep the most precise of two dates. */
  public int precision() {
    return (year == null ? 0 : 1) + (month == null ? 0 : 1) + (day == null ? 0 : 1);
  }

  /** The full date, when complete. */
  public Optional<LocalDate> toLocalDate() {
    return isComplete() ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
  }

  /** A human form such as "Apr 29" or "Apr 29, 2024". */
  public String display() {
    StringBuilder b = new StringBuilder();
    if (month != null) {
      String name = Month.of(month).name();
      b.append(name.charAt(0)).append(name.substring(1, 3).toLowerCase(Locale.ROOT));
      if (day != null) {
        b.append(' ').append(day);
      }
    }
    if (year != null) {
      b.append(b.length() > 0 ? ", " : "").append(year);
    }
    return b.toString();
  }

  @Override
  public int compareTo(PartialDate o) {
    return ORDER.compare(this, o);
  }

  @JsonValue
  @Override
  public String toString() {
    // by hand, not String.format: every paper's JSON holds its date (the workspace's paper index
    // writes or compares the JSON of every paper of a build), and a Formatter costs more than this
    StringBuilder b = new StringBuilder(10);
    if (year == null) {
      b.append('-');
    } else {
      padded(b, year, 4);
    }
    if (month != null) {
      padded(b.append('-'), month, 2);
      if (day != null) {
        padded(b.append('-'), day, 2);
      }
    }
    return b.toString();
  }

  /** A non-negative value's digits, zero-padded to the width ({@code %0{width}d}). */
  private static void padded(StringBuilder b, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    b.append(digits);
  }
}
