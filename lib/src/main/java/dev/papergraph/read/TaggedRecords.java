package dev.papergraph.read;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line-tagged export formats (RIS, MEDLINE/PubMed text, Web of Science tagged), read line by
 * line: each record is collected as tag → values and mapped when it ends, so memory is bounded by
 * one record. The dialect says how tags, continuation lines and record boundaries look.
 */
final class TaggedRecords {

  /** How one tagged format writes its lines. */
  enum Dialect {
    /** {@code TY - JOUR} … {@code ER - }; wrapped lines (no tag) continue the last field. */
    RIS(Pattern.compile("\\s*([A-Z][A-Z0-9])  -(?: (.*))?"), "TY", "ER", "RIS"),
    /** {@code PMID- 123}; continuation lines start with six spaces; a blank line ends a record. */
    MEDLINE(Pattern.compile("([A-Z]{2,4}) {0,3}- ?(.*)"), "PMID", null, "MEDLINE text"),
    /** {@code PT J} … {@code ER}; continuation lines start with three spaces. */
    WOS(Pattern.compile("([A-Z][A-Z0-9])(?: (.*))?"), "PT", "ER", "Web of Science tagged text");

    final Pattern tag;
    final String start;
    final String end;
    final String label;

    Dialect(Pattern tag, String start, String end, String label) {
      this.tag = tag;
      this.start = start;
      this.end = end;
      this.label = label;
    }
  }

  /** WoS tags whose continuation lines are further values, not wrapped text. */
  private static final Set<String> WOS_LISTS =
      Set.of("AU", "AF", "CR", "C1", "BE", "BA", "BF", "CA", "RI", "OI");

  private TaggedRecords() {}

  /** One record being collected. */
  private static final class Rec {
    final long line;
    final long record;
    final Map<String, List<String>> fields = new LinkedHashMap<>();
    String lastTag;

    Rec(long line, long record) {
      this.line = line;
      this.record = record;
    }

    void add(String tag, String value) {
      fields.computeIfAbsent(tag, t -> new ArrayList<>()).add(value == null ? "" : value.strip());
      lastTag = tag;
    }

    void extend(String more, boolean asNewValue) {
      if (lastTag == null) return;
      List<String> values = fields.get(lastTag);
      if (asNewValue) {
        values.add(more.strip());
      } else {
        int i = values.size() - 1;
        values.set(i, (values.get(i) + " " + more.strip()).strip());
      }
    }
  }

  static void read(InputSource source, RecordSink sink, Dialect d) throws IOException {
    String file = source.name();
    long records = 0;
    boolean sawTag = false;
    try (TextLines r = new TextLines(source.openText())) {
      String text;
      long line = 0;
      Rec rec = null;
      while ((text = r.next()) != null) {
        line++;
        text = text.replace("\uFEFF", "");
        if (text.isBlank()) {
          if (d == Dialect.MEDLINE && rec != null) {
            finish(rec, file, sink, d);
            rec = null;
          }
          continue;
        }
        boolean continuation =
            d == Dialect.MEDLINE
                ? text.startsWith("      ")
                : d == Dialect.WOS && text.startsWith("   ");
        Matcher m = continuation ? null : d.tag.matcher(text);
        if (m == null || !m.matches()) {
          if (rec != null) {
            rec.extend(text, d == Dialect.WOS && WOS_LISTS.contains(rec.lastTag));
          }
          continue;
        }
        sawTag = true;
        String tag = m.group(1);
        String value = m.group(2);
        if (tag.equals(d.start)) {
          if (rec != null) {
            if (d.end != null) {
              sink.reject(
                  new ImportIssue(
                      file,
                      rec.line,
                      rec.record,
                      "truncated "
                          + d.label
                          + " record: no "
                          + d.end
                          + " line before the next "
                          + d.start
                          + " at line "
                          + line));
            } else {
              finish(rec, file, sink, d);
            }
          }
          rec = new Rec(line, ++records);
          rec.add(tag, value);
        } else if (d.end != null && tag.equals(d.end)) {
          if (rec != null) {
            finish(rec, file, sink, d);
            rec = null;
          }
        } else if (rec != null) {
          rec.add(tag, value);
        }
      }
      if (rec != null) {
        if (d.end != null) {
          sink.reject(
              new ImportIssue(
                  file,
                  rec.line,
                  rec.record,
                  "truncated " + d.label + " record: end of file before its " + d.end + " line"));
        } else {
          finish(rec, file, sink, d);
        }
      }
    }
    if (records == 0) {
      if (sawTag || source.head(1).length == 0) {
        sink.warn(file, "no " + d.label + " records");
      } else {
        throw new CorpusFormatException(file, "not " + d.label + ": no tagged lines");
      }
    }
  }

  private static void finish(Rec rec, String file, RecordSink sink, Dialect d) {
    try {
      sink.accept(map(rec, new Provenance(file, rec.line, rec.record), d));
    } catch (RecordException e) {
      sink.reject(new ImportIssue(file, rec.line, rec.record, e.reason()));
    } catch (IllegalArgumentException e) {
      sink.reject(new ImportIssue(file, rec.line, rec.record, e.getMessage()));
    }
  }

  private static final Pattern YEAR =
      Pattern.compile("(\\d{4})(?:[/-](\\d{1,2}))?(?:[/-](\\d{1,2}))?");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final Pattern DOI_IN_REF = Pattern.compile("DOI (?:\\[)?(10\\.\\S+?)(?:,|\\]|$)");

  private static Paper map(Rec rec, Provenance where, Dialect d) throws RecordException {
    Map<String, List<String>> f = rec.fields;
    Paper.Builder b = Paper.builder().addProvenance(where);
    String title;
    String abstractText;
    String doi = null;
    String pmid = null;
    String venue;
    PartialDate date;
    List<String> authors;
    List<Topic> topics = new ArrayList<>();
    switch (d) {
      case RIS -> {
        title = first(f, "TI", "T1", "CT", "BT", "ST");
        abstractText = first(f, "AB", "N2");
        doi = ExternalIds.normalizeDoi(first(f, "DO")).orElse(null);
        if (doi == null) {
          for (String url : f.getOrDefault("UR", List.of())) {
            doi =
                ExternalIds.normalizeDoi(URLDecoder.decode(url, StandardCharsets.UTF_8))
                    .orElse(null);
            if (doi != null) break;
          }
        }
        venue = first(f, "T2", "JF", "JO", "JA", "J2", "SO");
        date = date(first(f, "PY", "Y1", "DA", "Y2"));
        authors = names(all(f, "AU", "A1"));
        for (String k : all(f, "KW")) {
          if (!k.isBlank()) topics.add(new Topic(k, 1.0, TopicSource.KEYWORD));
        }
        String an = first(f, "AN");
        if (an != null && an.matches("\\d{1,9}") && "PubMed".equalsIgnoreCase(first(f, "DB")))
          pmid = an;
      }
      case MEDLINE -> {
        pmid = first(f, "PMID");
        title = first(f, "TI", "BTI");
        abstractText = first(f, "AB");
        for (String lid : all(f, "LID", "AID")) {
          if (lid.endsWith("[doi]")) {
            doi = ExternalIds.normalizeDoi(lid.substring(0, lid.length() - 5)).orElse(null);
            break;
          }
        }
        venue = first(f, "JT", "TA");
        date = date(first(f, "DP", "DEP"));
        authors = names(f.containsKey("FAU") ? all(f, "FAU") : all(f, "AU"));
        for (String mh : all(f, "MH")) {
          String term = mh.split("/")[0];
          boolean major = mh.contains("*");
          term = term.replace("*", "").strip();
          if (!term.isEmpty()) topics.add(new Topic(term, major ? 1.0 : 0.5, TopicSource.MESH));
        }
        for (String k : all(f, "OT")) {
          if (!k.isBlank()) topics.add(new Topic(k, 1.0, TopicSource.KEYWORD));
        }
      }
      case WOS -> {
        title = first(f, "TI");
        abstractText = first(f, "AB");
        doi = ExternalIds.normalizeDoi(first(f, "DI")).orElse(null);
        pmid = first(f, "PM");
        venue = first(f, "SO");
        String py = first(f, "PY");
        String pd = first(f, "PD");
        date = date(py == null ? null : py + (pd == null ? "" : " " + pd));
        authors = names(f.containsKey("AF") ? all(f, "AF") : all(f, "AU"));
        for (String tag : new String[] {"DE", "ID"}) {
          for (String k : String.join(" ", all(f, tag)).split(";")) {
            if (!k.isBlank()) topics.add(new Topic(k, 1.0, TopicSource.KEYWORD));
          }
        }
        for (String ref : all(f, "CR")) {
          Matcher m = DOI_IN_REF.matcher(ref);
          if (m.find()) {
            ExternalIds.normalizeDoi(m.group(1)).ifPresent(found -> b.addReference("doi:" + found));
          }
        }
      }
      default -> throw new IllegalStateException("dialect " + d);
    }
    if (title == null) {
      throw new RecordException(
          d.label
              + " record has no title"
              + (doi != null ? " (DOI " + doi + ")" : pmid != null ? " (PMID " + pmid + ")" : ""));
    }
    return b.title(title)
        .abstractText(abstractText)
        .ids(ExternalIds.of(doi, null, null, null, pmid))
        .venue(venue)
        .date(date)
        .authors(authors)
        .topics(dedupe(topics))
        .build();
  }

  private static List<Topic> dedupe(List<Topic> topics) {
    Map<String, Topic> m = new LinkedHashMap<>();
    for (Topic t : topics) m.merge(t.key(), t, (x, y) -> x.weight() >= y.weight() ? x : y);
    return new ArrayList<>(m.values());
  }

  private static String first(Map<String, List<String>> f, String... tags) {
    for (String t : tags) {
      for (String v : f.getOrDefault(t, List.of())) {
        if (!v.isBlank()) return v.replaceAll("\\s+", " ").strip();
      }
    }
    return null;
  }

  private static List<String> all(Map<String, List<String>> f, String... tags) {
    List<String> out = new ArrayList<>();
    for (String t : tags) {
      for (String v : f.getOrDefault(t, List.of())) {
        if (!v.isBlank()) out.add(v.strip());
      }
    }
    return out;
  }

  /** "Last, First" → "First Last". */
  private static List<String> names(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String n : raw) {
      int comma = n.indexOf(',');
      String name =
          comma > 0
              ? (n.substring(comma + 1).strip() + " " + n.substring(0, comma).strip()).strip()
              : n.strip();
      if (!name.isEmpty()) out.add(name);
    }
    return out;
  }

  /** "2014", "2014/03/01/", "2019//", "2020 Feb", "2004 JUN 8", "2020-01-05". */
  static PartialDate date(String s) {
    if (s == null) return null;
    Matcher m = YEAR.matcher(s);
    if (!m.find()) return null;
    String year = m.group(1);
    Integer month = m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
    Integer day = m.group(3) != null ? Integer.valueOf(m.group(3)) : null;
    if (month == null) {
      String rest = s.substring(m.end()).strip().toLowerCase(Locale.ROOT);
      if (rest.length() >= 3 && MONTHS.contains(rest.substring(0, 3))) {
        month = MONTHS.indexOf(rest.substring(0, 3)) + 1;
        Matcher dm = Pattern.compile("^[a-z]+\\.?\\s+(\\d{1,2})\\b").matcher(rest);
        if (dm.find()) day = Integer.valueOf(dm.group(1));
      }
    }
    String iso =
        year
            + (month == null || month == 0
                ? ""
                : String.format("-%02d", month)
                    + (day == null || day == 0 ? "" : String.format("-%02d", day)));
    return JsonFields.date(iso);
  }
}
