package dev.papergraph.read;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.ConcateValue;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.LiteralValue;
import org.jbibtex.ObjectResolutionException;
import org.jbibtex.ParseException;
import org.jbibtex.ReferenceValue;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;

/**
 * Reads BibTeX and BibLaTeX. The file is cut into entries by a streaming scanner (so one broken
 * entry cannot take the rest of the file with it, and memory stays bounded by the largest entry);
 * each entry is parsed by jbibtex. {@code @string} macros apply to later entries, also across the
 * files of one {@link Session} (as when {@code abbrev.bib journals.bib articles.bib} are given
 * together); {@code crossref=} inherits the missing fields of the referenced entry (its {@code
 * title} as {@code booktitle}), also when that entry comes later or in a later file. LaTeX accents,
 * commands and braces become Unicode text.
 *
 * <p>Mapping: {@code title}, {@code abstract}, {@code author} ("Last, First" or "First Last",
 * {@code and}-separated), {@code date} (BibLaTeX) else {@code year} + {@code month}, {@code doi},
 * {@code eprint} with {@code archiveprefix}/{@code eprinttype} arXiv (or an arXiv URL), {@code
 * pmid}, {@code journal}/{@code journaltitle}/{@code booktitle} as venue, {@code keywords} as
 * {@link TopicSource#KEYWORD} topics. An entry without a title is rejected; an entry missing its
 * closing brace is rejected at the line it starts on and reading resumes at the next entry.
 */
public final class BibtexReader implements CorpusReader {

  private static final Set<String> NOT_RECORDS = Set.of("string", "comment", "preamble");

  /** Fields a crossref child inherits (besides title → booktitle). */
  private static final Set<String> INHERITED =
      Set.of(
          "booktitle",
          "editor",
          "publisher",
          "year",
          "date",
          "month",
          "address",
          "location",
          "series",
          "volume",
          "organization",
          "journal",
          "journaltitle",
          "institution",
          "school");

  private static final Pattern ARXIV_URL = Pattern.compile("arxiv\\.org/(?:abs|pdf)/([^\\s?#]+)");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  @Override
  public Format format() {
    return Format.BIBTEX;
  }

  /** Reads one file on its own: its macros and cross-references only. */
  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    Session s = new Session();
    s.read(source, sink);
    s.finish(sink, file -> {});
  }

  /** A new session: macros and crossref targets shared by the files read through it. */
  public Session session() {
    return new Session();
  }

  /** One entry as cut from the file. */
  private record Chunk(String type, String text, long line, long record) {}

  /** An entry waiting for the entry it cross-references. */
  private record Pending(
      String file, Map<String, String> fields, String key, String target, long line, long record) {}

  /**
   * Reads several files as one bibliography. Call {@link #read} per file in order, then {@link
   * #finish} once.
   */
  public final class Session {
    private final BibTeXParser parser;

    /** Inheritable fields of every entry read, by lower-case key. */
    private final Map<String, Map<String, String>> targets = new HashMap<>();

    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> undefined = new TreeSet<>();

    /** The expanded length of each macro added, by lower-case name. */
    private final Map<String, Long> macroSizes = new HashMap<>();

    private Session() {
      try {
        parser =
            new BibTeXParser() {
              @Override
              public void checkStringResolution(Key key, BibTeXString string) {
                if (string == null) undefined.add(key.getValue());
              }

              @Override
              public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
                // resolved by the session, which also sees later entries and files
              }
            };
      } catch (ParseException e) {
        throw new IllegalStateException("jbibtex parser cannot be created", e);
      }
    }

    /** Reads one file's entries into the sink (entries whose crossref target is unknown wait). */
    public void read(InputSource source, RecordSink sink) throws IOException {
      String file = source.name();
      undefined.clear();
      long[] counts = new long[2];
      try (Reader r = source.openText()) {
        new Scanner(
                r,
                file,
                sink,
                chunk -> {
                  if (!NOT_RECORDS.contains(chunk.type)) counts[0]++;
                  if (chunk.type.equals("string")) counts[1]++;
                  entry(chunk, file, sink);
                })
            .run();
      }
      if (counts[0] == 0 && counts[1] == 0) {
        sink.warn(file, "no BibTeX entries");
      }
      if (!undefined.isEmpty()) {
        sink.warn(
            file,
            undefined.size()
                + " undefined @string macros kept as their names (e.g. "
                + undefined.iterator().next()
                + "); give the file that defines them first, e.g. abbrev.bib");
      }
    }

    /**
     * Passes the entries still waiting for their crossref target, with what could be inherited.
     *
     * @param switchFile called with an entry's file before it is passed on, so per-file counts stay
     *     right
     */
    public void finish(RecordSink sink, Consumer<String> switchFile) {
      for (Pending p : pending) {
        switchFile.accept(p.file);
        Map<String, String> target = targets.get(p.target);
        if (target != null) {
          inherit(p.fields, target);
        } else {
          sink.warn(
              p.file,
              "line "
                  + p.line
                  + ": entry "
                  + p.key
                  + " cross-references "
                  + p.target
                  + ", which was not read; read without inherited fields");
        }
        emit(p.fields, p.key, p.file, p.line, p.record, sink);
      }
      pending.clear();
    }

    private void entry(Chunk chunk, String file, RecordSink sink) {
      if (chunk.type.equals("comment") || chunk.type.equals("preamble")) {
        return;
      }
      BibTeXDatabase db;
      try {
        String text = spaceConcatenation(chunk.text);
        if (concatenations(text) > MAX_CONCATENATIONS) {
          reject(
              chunk,
              file,
              sink,
              chunk.line,
              "@" + chunk.type + " entry joins more than " + MAX_CONCATENATIONS + " values with #");
          return;
        }
        int before = undefined.size();
        db = parser.parse(new StringReader(text));
        if (undefined.size() > before) {
          // BibTeX prints an undefined macro as nothing; keeping its name as a word loses less
          for (String name : undefined) {
            if (!parser.getMacros().containsKey(new Key(name)))
              parser.addMacro(name, " " + name + " ");
          }
          db = parser.parse(new StringReader(text));
        }
      } catch (ParseException e) {
        long line = chunk.line;
        if (e.currentToken != null && e.currentToken.next != null) {
          line += e.currentToken.next.beginLine - 1;
        }
        reject(chunk, file, sink, line, "BibTeX syntax error: " + firstLine(e.getMessage()));
        return;
      } catch (TokenMgrException | ObjectResolutionException e) {
        reject(chunk, file, sink, chunk.line, "BibTeX syntax error: " + firstLine(e.getMessage()));
        return;
      }
      for (BibTeXString s : db.getStrings().values()) {
        long size = expandedSize(s.getValue());
        if (size > Limits.MAX_MACRO_CHARS) {
          // not added: later uses keep the macro's name, as for an undefined one
          sink.warn(
              file,
              "line "
                  + chunk.line
                  + ": @string "
                  + s.getKey().getValue()
                  + " would expand to "
                  + size
                  + " characters, over the limit of "
                  + Limits.MAX_MACRO_CHARS
                  + "; ignored");
          continue;
        }
        macroSizes.put(s.getKey().getValue().toLowerCase(Locale.ROOT), size);
        parser.addMacro(s);
      }
      if (chunk.type.equals("string")) {
        return;
      }
      if (db.getEntries().isEmpty()) {
        sink.reject(
            new ImportIssue(
                file, chunk.line, chunk.record, "@" + chunk.type + " entry has no key or fields"));
        return;
      }
      BibTeXEntry e = db.getEntries().values().iterator().next();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("@type", e.getType().getValue().toLowerCase(Locale.ROOT));
      for (Map.Entry<Key, Value> f : e.getFields().entrySet()) {
        long size = expandedSize(f.getValue());
        if (size > Limits.MAX_RECORD_CHARS) {
          reject(
              chunk,
              file,
              sink,
              chunk.line,
              "field "
                  + f.getKey().getValue()
                  + " of entry "
                  + e.getKey().getValue()
                  + " expands to "
                  + size
                  + " characters, over the limit of "
                  + Limits.MAX_RECORD_CHARS);
          return;
        }
      }
      for (Map.Entry<Key, Value> f : e.getFields().entrySet()) {
        fields.put(f.getKey().getValue().toLowerCase(Locale.ROOT), userString(f.getValue()));
      }
      String key = e.getKey().getValue();
      Map<String, String> inheritable = new HashMap<>();
      for (String f : INHERITED) {
        if (fields.containsKey(f)) inheritable.put(f, fields.get(f));
      }
      if (fields.containsKey("title")) inheritable.put("title", fields.get("title"));
      targets.put(key.toLowerCase(Locale.ROOT), inheritable);
      String crossref = fields.remove("crossref");
      if (crossref != null && !crossref.isBlank()) {
        String target = crossref.strip().toLowerCase(Locale.ROOT);
        if (targets.containsKey(target)) {
          inherit(fields, targets.get(target));
        } else {
          pending.add(new Pending(file, fields, key, target, chunk.line, chunk.record));
          return;
        }
      }
      emit(fields, key, file, chunk.line, chunk.record, sink);
    }

    /**
     * The length a value expands to, computed without expanding it (a chain of macros each twice
     * the one before would not fit in memory); iterative, as a long {@code #} chain is a deep tree.
     */
    private long expandedSize(Value v) {
      long size = 0;
      ArrayDeque<Value> todo = new ArrayDeque<>();
      todo.push(v);
      while (!todo.isEmpty() && size <= Long.MAX_VALUE / 4) {
        Value x = todo.pop();
        if (x instanceof ConcateValue c) {
          todo.push(c.getRight());
          todo.push(c.getLeft());
        } else if (x instanceof ReferenceValue r) {
          Long known = macroSizes.get(r.getValue().getString().toLowerCase(Locale.ROOT));
          size += known != null ? known : r.getValue().getString().length() + 2;
        } else if (x instanceof LiteralValue l) {
          size += l.getString().length();
        }
      }
      return size;
    }

    private void reject(Chunk chunk, String file, RecordSink sink, long line, String reason) {
      if (NOT_RECORDS.contains(chunk.type)) {
        sink.warn(file, "line " + line + ": @" + chunk.type + " ignored: " + reason);
      } else {
        sink.reject(new ImportIssue(file, line, chunk.record, reason));
      }
    }
  }

  /**
   * Most {@code #} concatenations in one entry: real files join a handful of macros and strings.
   */
  private static final int MAX_CONCATENATIONS = 1_000;

  /** The number of {@code #} operators outside braces and quotes. */
  private static int concatenations(String entry) {
    int n = 0;
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == '"' && depth <= 1) quoted = !quoted;
      else if (c == '#' && depth <= 1 && !quoted) n++;
    }
    return n;
  }

  /**
   * Puts spaces around the {@code #} concatenation operator outside values: jbibtex reads {@code
   * Abramson_D #and# {B}} (common in curated files) as one name token and fails.
   */
  static String spaceConcatenation(String entry) {
    if (entry.indexOf('#') < 0) {
      return entry;
    }
    StringBuilder b = new StringBuilder(entry.length() + 16);
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      if (c == '{' || c == '(' && depth == 0) depth++;
      else if (c == '}' || c == ')' && depth == 1 && !quoted) depth--;
      else if (c == '"' && depth == 1) quoted = !quoted;
      if (c == '#' && depth == 1 && !quoted) {
        b.append(" # ");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static void inherit(Map<String, String> child, Map<String, String> parent) {
    for (Map.Entry<String, String> f : parent.entrySet()) {
      if (f.getKey().equals("title")) {
        child.putIfAbsent("booktitle", f.getValue());
      } else {
        child.putIfAbsent(f.getKey(), f.getValue());
      }
    }
  }

  private static void emit(
      Map<String, String> fields,
      String key,
      String file,
      long line,
      long record,
      RecordSink sink) {
    try {
      sink.accept(map(fields, key, new Provenance(file, line, record)));
    } catch (RecordException e) {
      sink.reject(new ImportIssue(file, line, record, e.reason()));
    } catch (IllegalArgumentException e) {
      sink.reject(new ImportIssue(file, line, record, "entry " + key + ": " + e.getMessage()));
    }
  }

  static Paper map(Map<String, String> f, String key, Provenance where) throws RecordException {
    String title = latex(f.get("title"));
    if (title == null) {
      throw new RecordException("@" + f.get("@type") + " entry " + key + " has no title");
    }
    String arxiv = null;
    String eprint = f.get("eprint");
    String archive = f.getOrDefault("archiveprefix", f.getOrDefault("eprinttype", ""));
    if (eprint != null && (archive.equalsIgnoreCase("arxiv") || archive.isEmpty())) {
      arxiv = ExternalIds.normalizeArxiv(eprint).orElse(null);
    }
    if (arxiv == null && f.get("url") != null) {
      Matcher m = ARXIV_URL.matcher(f.get("url"));
      if (m.find()) arxiv = ExternalIds.normalizeArxiv(m.group(1)).orElse(null);
    }
    String venue = latex(f.get("journal"));
    if (venue == null) venue = latex(f.get("journaltitle"));
    if (venue == null) venue = latex(f.get("booktitle"));
    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(latex(f.get("abstract")))
            .ids(ExternalIds.of(f.get("doi"), arxiv, null, null, f.get("pmid")))
            .venue(venue)
            .date(date(f))
            .addProvenance(where);
    String authors = f.get("author");
    if (authors != null) {
      for (String name : splitAuthors(authors)) {
        String n = latex(personName(name));
        if (n != null && !n.equalsIgnoreCase("others")) b.addAuthor(n);
      }
    }
    String keywords = latex(f.get("keywords"));
    if (keywords != null) {
      for (String k : keywords.split("[,;]")) {
        if (!k.isBlank()) b.addTopic(new Topic(k, 1.0, TopicSource.KEYWORD));
      }
    }
    return b.build();
  }

  private static PartialDate date(Map<String, String> f) {
    PartialDate d = JsonFields.date(f.get("date"));
    if (d != null) {
      return d;
    }
    String year = f.get("year");
    if (year == null) {
      return null;
    }
    Matcher y = Pattern.compile("(\\d{4})").matcher(year);
    if (!y.find()) {
      return null;
    }
    String month = f.get("month");
    if (month != null) {
      String m = month.strip().toLowerCase(Locale.ROOT);
      int mm =
          m.matches("\\d{1,2}")
              ? Integer.parseInt(m)
              : MONTHS.indexOf(m.length() >= 3 ? m.substring(0, 3) : m) + 1;
      if (mm >= 1 && mm <= 12) {
        return JsonFields.date(y.group(1) + String.format("-%02d", mm));
      }
    }
    return JsonFields.date(y.group(1));
  }

  /** Splits on " and " outside braces. */
  static List<String> splitAuthors(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    String lower = s.toLowerCase(Locale.ROOT);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (depth == 0
          && Character.isWhitespace(c)
          && lower.startsWith("and", i + 1)
          && i + 4 < s.length()
          && Character.isWhitespace(s.charAt(i + 4))) {
        out.add(s.substring(start, i).strip());
        start = i + 5;
        i += 4;
      }
    }
    out.add(s.substring(start).strip());
    out.removeIf(String::isEmpty);
    return out;
  }

  /** "Last, First" (or "Last, Jr, First") as "First Last"; "First Last" unchanged. */
  private static String personName(String name) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == ',' && depth == 0) {
        parts.add(name.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(name.substring(start).strip());
    if (parts.size() == 2) return parts.get(1) + " " + parts.get(0);
    if (parts.size() >= 3) return parts.get(2) + " " + parts.get(0) + ", " + parts.get(1);
    return name;
  }

  /** LaTeX to Unicode text (accents, commands, braces), white space collapsed; blank to null. */
  static String latex(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String prepared =
        s.replace("\\c{c}", "ç")
            .replace("\\c{C}", "Ç")
            .replace("\\c c", "ç")
            .replace("\\c{s}", "ş")
            .replace("\\c{S}", "Ş");
    String out;
    if (isPlain(prepared)) {
      out = prepared;
    } else {
      out = printLatex(prepared);
    }
    out = out.replaceAll("\\s+", " ").strip();
    if (out.isEmpty()) {
      // only commands the printer does not know (a user macro such as {\\MaxMinAntSystem}): keep
      // their names
      out = prepared.replaceAll("[{}\\\\]", "").replaceAll("\\s+", " ").strip();
    }
    return out.isEmpty() ? null : out;
  }

  private static final ThreadLocal<LaTeXParser> LATEX =
      ThreadLocal.withInitial(
          () -> {
            try {
              return new LaTeXParser();
            } catch (ParseException e) {
              throw new IllegalStateException("jbibtex LaTeX parser cannot be created", e);
            }
          });

  /** True when the text has nothing LaTeX would change (most abstracts). */
  private static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '{' || c == '}' || c == '~' || c == '$') return false;
    }
    return !s.contains("--") && !s.contains("``") && !s.contains("''");
  }

  private static String printLatex(String prepared) {
    try {
      return new LaTeXPrinter().print(LATEX.get().parse(prepared));
    } catch (ParseException | RuntimeException e) {
      // jbibtex stops at math ($), comments (%) and other specials, or an unbalanced brace: convert
      // the pieces between them, so one such character does not leave the whole text raw
      StringBuilder b = new StringBuilder();
      Matcher m = LATEX_SPECIAL.matcher(prepared);
      int from = 0;
      while (m.find()) {
        b.append(printPiece(prepared.substring(from, m.start())));
        if (!m.group().equals("$")) {
          b.append(m.group());
        }
        from = m.end();
      }
      return b.append(printPiece(prepared.substring(from))).toString();
    }
  }

  /** Characters the jbibtex LaTeX grammar does not take as text (unescaped). */
  private static final Pattern LATEX_SPECIAL = Pattern.compile("(?<!\\\\)[$%&#_^]");

  private static final Pattern ACCENT =
      Pattern.compile("\\\\([\"'`^~=.uvHckr])\\s*\\{?\\s*([A-Za-z])\\}?");
  private static final Pattern COMMAND_WITH_ARGUMENT =
      Pattern.compile("\\\\[A-Za-z]+\\*?\\s*(?:\\[[^\\]]*\\])?(?=\\{)");
  private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
  private static final Map<String, String> COMBINING =
      Map.ofEntries(
          Map.entry("\"", "\u0308"),
          Map.entry("'", "\u0301"),
          Map.entry("`", "\u0300"),
          Map.entry("^", "\u0302"),
          Map.entry("~", "\u0303"),
          Map.entry("=", "\u0304"),
          Map.entry(".", "\u0307"),
          Map.entry("u", "\u0306"),
          Map.entry("v", "\u030C"),
          Map.entry("H", "\u030B"),
          Map.entry("c", "\u0327"),
          Map.entry("k", "\u0328"),
          Map.entry("r", "\u030A"));

  /**
   * One piece of text: jbibtex when it can; else accents by hand, commands by their argument or
   * name.
   */
  private static String printPiece(String piece) {
    if (piece.isEmpty() || isPlain(piece)) {
      return piece;
    }
    try {
      return new LaTeXPrinter().print(LATEX.get().parse(piece));
    } catch (ParseException | RuntimeException e) {
      Matcher a = ACCENT.matcher(piece);
      StringBuilder b = new StringBuilder();
      while (a.find()) {
        a.appendReplacement(b, Matcher.quoteReplacement(a.group(2) + COMBINING.get(a.group(1))));
      }
      a.appendTail(b);
      String s = COMMAND_WITH_ARGUMENT.matcher(b).replaceAll("");
      s = COMMAND.matcher(s).replaceAll("$1").replace("\\", "").replace("{", "").replace("}", "");
      return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
  }

  private static String userString(Value v) {
    try {
      return v.toUserString();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String l = s.lines().findFirst().orElse("").strip();
    return l.length() > 120 ? l.substring(0, 117) + "..." : l;
  }

  /**
   * Cuts a BibTeX stream into entries, line by line: {@code @type{…}} or {@code @type(…)} with
   * balanced braces. Text between entries is a comment. A line starting with {@code @type{} while an
   * entry is still open means that entry lacks its closing brace: it is rejected at the line it
   * starts on and the new entry is read.
   */
  private static final class Scanner {
    private static final Pattern ENTRY_LINE = Pattern.compile("\\s*@\\s*[A-Za-z]+\\s*[{(].*");
    private static final Pattern AT_TYPE = Pattern.compile("@\\s*([A-Za-z]+)\\s*([{(])");

    private final TextLines in;
    private final String file;
    private final RecordSink sink;
    private final Consumer<Chunk> out;
    private long record;
    // the open entry, if any
    private StringBuilder text;
    private String type;
    private long startLine;
    private long entryRecord;
    private char close;
    private int depth;
    private boolean quoted;

    /**
     * Why the open entry is being skipped to its end instead of kept (a bound it broke), or null.
     */
    private String overBound;

    Scanner(Reader in, String file, RecordSink sink, Consumer<Chunk> out) {
      this.in = new TextLines(in);
      this.file = file;
      this.sink = sink;
      this.out = out;
    }

    void run() throws IOException {
      String l;
      long lineNo = 0;
      while ((l = in.next()) != null) {
        lineNo++;
        if (text != null && ENTRY_LINE.matcher(l).matches()) {
          fail(
              overBound != null
                  ? overBound
                  : "unterminated @"
                      + type
                      + " entry: a new entry starts at line "
                      + lineNo
                      + " before its closing '"
                      + close
                      + "'");
          text = null;
        }
        int pos = 0;
        while (pos < l.length()) {
          if (text == null) {
            int at = l.indexOf('@', pos);
            if (at < 0) {
              break;
            }
            Matcher m = AT_TYPE.matcher(l).region(at, l.length());
            if (!m.lookingAt()) {
              pos = at + 1; // an '@' in running text between entries: a comment
              continue;
            }
            type = m.group(1).toLowerCase(Locale.ROOT);
            close = m.group(2).equals("{") ? '}' : ')';
            startLine = lineNo;
            entryRecord = NOT_RECORDS.contains(type) ? 0 : ++record;
            // jbibtex reads only @type{…}: an entry in parentheses is handed over in braces
            text = new StringBuilder(l.substring(at, m.end() - 1)).append('{');
            depth = 1;
            quoted = false;
            overBound = null;
            pos = m.end();
            continue;
          }
          char c = l.charAt(pos++);
          if (overBound == null) {
            text.append(c);
          }
          // in @type( … ) only a ')' outside braces and quotes closes the entry
          if (c == '{') {
            depth++;
            if (depth > Limits.MAX_NESTING && overBound == null) {
              overBound = "@" + type + " entry has braces nested deeper than " + Limits.MAX_NESTING;
            }
          } else if (c == '}' && (close == '}' || depth > 1)) {
            depth--;
          } else if (c == '"' && close == ')' && depth == 1) {
            quoted = !quoted;
          } else if (c == ')' && close == ')' && depth == 1 && !quoted) {
            depth--;
          }
          if (depth == 0) {
            if (overBound != null) {
              fail(overBound);
            } else {
              text.setCharAt(text.length() - 1, '}');
              out.accept(new Chunk(type, text.toString(), startLine, entryRecord));
            }
            text = null;
          }
        }
        if (text != null && overBound == null) {
          text.append('\n');
          if (text.length() > Limits.MAX_RECORD_CHARS || in.overLong()) {
            overBound =
                "@" + type + " entry is over " + Limits.MAX_RECORD_CHARS + " characters long";
            text.setLength(0);
            text.trimToSize();
          }
        }
      }
      if (text != null) {
        fail(
            overBound != null
                ? overBound
                : "unterminated @"
                    + type
                    + " entry: end of file before its closing '"
                    + close
                    + "'");
      }
    }

    private void fail(String reason) {
      if (NOT_RECORDS.contains(type)) {
        sink.warn(file, "line " + startLine + ": " + reason);
      } else {
        sink.reject(new ImportIssue(file, startLine, entryRecord, reason));
      }
    }
  }
}
