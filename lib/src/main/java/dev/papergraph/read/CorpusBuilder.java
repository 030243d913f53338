package dev.papergraph.read;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Titles;
import dev.papergraph.model.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Collects records from readers into one corpus, merging duplicates as they arrive and counting
 * every record.
 *
 * <p>Two records are the same paper when they share an external id (DOI, arXiv, OpenAlex, Semantic
 * Scholar, PubMed, tried in that order, unless a more trusted id differs), else when their
 * normalised titles are equal ({@link Titles#normalize}, never empty), their years do not differ
 * (or differ by one and the abstracts are identical or the author lists overlap) and they have no
 * conflicting external id. The merged paper keeps the richest value of each field (the longer
 * abstract, the longer author list, the more precise date, the higher counts), the union of ids,
 * topics and references, and every provenance.
 *
 * <p>Call {@link #beginFile} before feeding a file's records so that the report counts per file.
 */
public final class CorpusBuilder implements RecordSink {

  private final List<Paper> slots = new ArrayList<>();
  private final List<Boolean> mergedSlot = new ArrayList<>();
  private final Map<String, Integer> byKey = new HashMap<>();
  private final Map<String, List<Integer>> byTitle = new HashMap<>();
  private final List<PendingMerge> merges = new ArrayList<>();
  private final List<ImportIssue> rejections = new ArrayList<>();
  private final List<ImportReport.Warning> warnings = new ArrayList<>();
  private final Map<String, long[]> fileCounts = new LinkedHashMap<>();
  private final Map<String, String> fileFormats = new LinkedHashMap<>();
  private String currentFile = "(unnamed)";
  private final List<ImportReport.Skipped> skipped = new ArrayList<>();
  private final Map<Path, String> inputsByPath = new LinkedHashMap<>();
  private final Map<Path, String> hashes = new HashMap<>();
  private final Map<Long, List<Path>> inputsBySize = new HashMap<>();

  private record PendingMerge(Provenance record, int slot, String matchedBy) {}

  private record Supplement(String key, String abstractText, Provenance where, long[] counts) {}

  private final List<Supplement> supplements = new ArrayList<>();

  private static final int READ = 0, IMPORTED = 1, MERGED = 2, REJECTED = 3;

  /**
   * Starts from papers already merged (a saved corpus), so that the records read next merge into
   * them exactly as if their files were read again first. The papers are not counted as records:
   * the report of {@link #build} covers what is read after this call. In the built corpus they come
   * first, in this order; a paper that merges with a new record may take a better id, as it would
   * in a fresh build.
   *
   * @throws IllegalStateException if records were read already
   */
  public CorpusBuilder seed(List<Paper> papers) {
    if (!fileCounts.isEmpty() || !slots.isEmpty()) {
      throw new IllegalStateException("seed before reading any record");
    }
    for (Paper p : papers) {
      int slot = slots.size();
      slots.add(p);
      // a saved paper with several provenances was merged when it was built: its id was derived
      mergedSlot.add(p.provenance().size() > 1);
      index(slot, p);
    }
    return this;
  }

  /**
   * Starts counting records for a new file read in the given format (a file read again, as the
   * entries of one zip archive are, keeps the format it was first read in).
   */
  public CorpusBuilder beginFile(String file, Format format) {
    currentFile = Objects.requireNonNull(file, "file");
    fileCounts.computeIfAbsent(file, f -> new long[4]);
    fileFormats.putIfAbsent(file, format.cliName());
    return this;
  }

  /** Notes an input that is not read, with the reason, for the report's skipped list. */
  public void skip(String file, String reason) {
    skipped.add(new ImportReport.Skipped(file, reason));
  }

  /**
   * The name of an input read before that is this one: the same file (by its real path, so links
   * and other spellings of the path count) or a file of the same size and content (SHA-256). The
   * source is remembered when it is new.
   */
  public Optional<String> sameInputAs(InputSource source) throws IOException {
    if (source.file() == null) {
      return Optional.empty();
    }
    Path real;
    long size;
    try {
      real = source.file().toRealPath();
      size = Files.size(real);
    } catch (IOException e) {
      return Optional.empty(); // reading it will name the problem
    }
    String byPath = inputsByPath.get(real);
    if (byPath != null) {
      return Optional.of(byPath);
    }
    List<Path> sameSize = inputsBySize.computeIfAbsent(size, k -> new ArrayList<>(1));
    for (Path other : sameSize) {
      if (sha256(other).equals(sha256(real))) {
        return Optional.of(inputsByPath.get(other));
      }
    }
    sameSize.add(real);
    inputsByPath.put(real, source.name());
    return Optional.empty();
  }

  private String sha256(Path file) throws IOException {
    String known = hashes.get(file);
    if (known != null) {
      return known;
    }
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      String h = HexFormat.of().formatHex(md.digest());
      hashes.put(file, h);
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /**
   * Takes a paper read from a record. It first passes {@link RecordDoor}: a paper with an id
   * holding a control character or a value over a {@link Limits} bound is rejected here, with its
   * position and reason; its text is cleaned of control characters.
   */
  @Override
  public void accept(Paper read) {
    RecordDoor.Outcome door = RecordDoor.check(read);
    if (door.paper() == null) {
      Provenance at =
          read.provenance().isEmpty()
              ? new Provenance(currentFile, 0, 0)
              : read.provenance().get(0);
      reject(new ImportIssue(at.file(), at.line(), at.record(), door.rejection()));
      return;
    }
    Paper paper = door.paper();
    long[] c = counts();
    c[READ]++;
    Match match = find(paper);
    if (match == null) {
      int slot = slots.size();
      slots.add(paper);
      mergedSlot.add(false);
      index(slot, paper);
      c[IMPORTED]++;
    } else {
      Paper merged = merge(slots.get(match.slot), paper);
      slots.set(match.slot, merged);
      mergedSlot.set(match.slot, true);
      index(match.slot, merged);
      Provenance where =
          paper.provenance().isEmpty()
              ? new Provenance(currentFile, 0, 0)
              : paper.provenance().get(0);
      merges.add(new PendingMerge(where, match.slot, match.by));
      c[MERGED]++;
    }
  }

  @Override
  public void reject(ImportIssue issue) {
    long[] c = counts();
    c[READ]++;
    c[REJECTED]++;
    rejections.add(issue);
  }

  /** Kept until {@link #build}, so the paper may come later in the same or another file. */
  @Override
  public void supplement(String key, String abstractText, Provenance where) {
    if (abstractText.length() > Limits.MAX_ABSTRACT_CHARS) {
      reject(
          new ImportIssue(
              where.file(),
              where.line(),
              where.record(),
              "abstract for "
                  + key
                  + " is "
                  + abstractText.length()
                  + " characters long, over the limit of "
                  + Limits.MAX_ABSTRACT_CHARS));
      return;
    }
    abstractText = RecordDoor.prose(abstractText);
    long[] c = counts();
    c[READ]++;
    supplements.add(new Supplement(key, abstractText, where, c));
  }

  @Override
  public void warn(String file, String message) {
    warnings.add(new ImportReport.Warning(file, message));
  }

  /** The corpus of everything added so far (abstract supplements are joined now). */
  public Corpus build() {
    for (Supplement s : supplements) {
      Integer slot = byKey.get(s.key);
      if (slot == null) {
        s.counts[REJECTED]++;
        rejections.add(
            new ImportIssue(
                s.where.file(),
                s.where.line(),
                s.where.record(),
                "abstract for "
                    + s.key
                    + ": no paper with this id was read, so it was not joined"));
      } else {
        Paper p = slots.get(slot);
        slots.set(
            slot,
            p.toBuilder()
                .abstractText(longer(p.abstractText(), s.abstractText))
                .addProvenance(s.where)
                .build());
        mergedSlot.set(slot, true);
        merges.add(new PendingMerge(s.where, slot, s.key.substring(0, s.key.indexOf(':'))));
        s.counts[MERGED]++;
      }
    }
    supplements.clear();
    List<Paper> papers = new ArrayList<>(slots.size());
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < slots.size(); i++) {
      Paper p = slots.get(i);
      // a merged paper may have gained a better external id than the one it was first read with
      String id = mergedSlot.get(i) ? p.derivedId() : p.id();
      // distinct papers can only share an id through a hash collision or hand-written ids
      for (int n = 2; !taken.add(id); n++) {
        id = (mergedSlot.get(i) ? p.derivedId() : p.id()) + "~" + n;
      }
      papers.add(id.equals(p.id()) ? p : p.toBuilder().id(id).build());
    }
    List<ImportReport.Merge> mergeList = new ArrayList<>(merges.size());
    for (PendingMerge m : merges) {
      mergeList.add(new ImportReport.Merge(m.record, papers.get(m.slot).id(), m.matchedBy));
    }
    long[] total = new long[4];
    List<ImportReport.FileCounts> files = new ArrayList<>();
    for (Map.Entry<String, long[]> e : fileCounts.entrySet()) {
      long[] c = e.getValue();
      for (int k = 0; k < 4; k++) total[k] += c[k];
      files.add(
          new ImportReport.FileCounts(
              e.getKey(),
              fileFormats.getOrDefault(e.getKey(), "?"),
              c[READ],
              c[IMPORTED],
              c[MERGED],
              c[REJECTED]));
    }
    ImportReport report =
        new ImportReport(
            total[READ],
            total[IMPORTED],
            total[MERGED],
            total[REJECTED],
            files,
            mergeList,
            rejections,
            warnings,
            skipped);
    return new Corpus(papers, report);
  }

  private long[] counts() {
    return fileCounts.computeIfAbsent(currentFile, f -> new long[4]);
  }

  private record Match(int slot, String by) {}

  private Match find(Paper p) {
    for (String key : p.ids().keys()) {
      Integer slot = byKey.get(key);
      // a shared weaker id (sources do attach one PubMed id to two works) is no match when a
      // more trusted id says the records are different works
      if (slot != null && !strongerIdsConflict(key, p.ids(), slots.get(slot).ids())) {
        return new Match(slot, key.substring(0, key.indexOf(':')));
      }
    }
    String title = Titles.normalize(p.title());
    // a title of only emoji or punctuation normalises to nothing: it identifies no paper
    List<Integer> candidates = title.isEmpty() ? null : byTitle.get(title);
    if (candidates != null) {
      for (int slot : candidates) {
        Paper q = slots.get(slot);
        if (yearsAgree(p, q) && !idsConflict(p.ids(), q.ids())) {
          return new Match(slot, "title");
        }
      }
    }
    return null;
  }

  private void index(int slot, Paper p) {
    for (String key : p.ids().keys()) {
      byKey.putIfAbsent(key, slot);
    }
    String title = Titles.normalize(p.title());
    if (title.isEmpty()) {
      return;
    }
    List<Integer> list = byTitle.computeIfAbsent(title, t -> new ArrayList<>(1));
    if (!list.contains(slot)) {
      list.add(slot);
    }
  }

  /**
   * Equal years, or a year unknown, or years one apart when other evidence says the records are one
   * paper: a preprint dated by its arXiv id and its journal version published the next year.
   */
  private static boolean yearsAgree(Paper a, Paper b) {
    Integer ya = a.date() == null ? null : a.date().year();
    Integer yb = b.date() == null ? null : b.date().year();
    if (ya == null || yb == null || ya.equals(yb)) {
      return true;
    }
    return Math.abs(ya - yb) == 1 && (sameAbstract(a, b) || authorsOverlap(a, b));
  }

  private static boolean sameAbstract(Paper a, Paper b) {
    if (a.abstractText() == null || b.abstractText() == null) {
      return false;
    }
    String x = Titles.normalize(a.abstractText());
    return !x.isEmpty() && x.equals(Titles.normalize(b.abstractText()));
  }

  /**
   * At least half the authors of the shorter list (and at least one) share a family name with the
   * other list; names are compared by their last word, case and accents folded, since sources write
   * "Vaswani, Ashish", "A. Vaswani" and "Ashish Vaswani".
   */
  private static boolean authorsOverlap(Paper a, Paper b) {
    if (a.authors().isEmpty() || b.authors().isEmpty()) {
      return false;
    }
    Set<String> fa = familyNames(a.authors());
    Set<String> fb = familyNames(b.authors());
    int shared = 0;
    for (String f : fa) {
      if (fb.contains(f)) shared++;
    }
    int smaller = Math.min(fa.size(), fb.size());
    return shared >= 1 && 2 * shared >= smaller;
  }

  private static Set<String> familyNames(List<String> authors) {
    Set<String> out = new HashSet<>();
    for (String name : authors) {
      String n = name.contains(",") ? name.substring(0, name.indexOf(',')) : name;
      String folded =
          Titles.normalize(Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
      if (!folded.isEmpty()) {
        out.add(folded.substring(folded.lastIndexOf(' ') + 1));
      }
    }
    return out;
  }

  private static boolean idsConflict(ExternalIds a, ExternalIds b) {
    return differ(a.doi(), b.doi())
        || differ(a.arxiv(), b.arxiv())
        || differ(a.openalex(), b.openalex())
        || differ(a.s2(), b.s2())
        || differ(a.pmid(), b.pmid());
  }

  /** True when an id more trusted than the kind of {@code key} differs between the two. */
  private static boolean strongerIdsConflict(String key, ExternalIds a, ExternalIds b) {
    String kind = key.substring(0, key.indexOf(':'));
    boolean doiConflict = differ(a.doi(), b.doi()) && !isArxivDoi(a.doi()) && !isArxivDoi(b.doi());
    return switch (kind) {
      case "doi" -> false;
      case "arxiv" -> doiConflict;
      case "openalex" -> doiConflict || differ(a.arxiv(), b.arxiv());
      case "s2" ->
          doiConflict || differ(a.arxiv(), b.arxiv()) || differ(a.openalex(), b.openalex());
      default ->
          doiConflict
              || differ(a.arxiv(), b.arxiv())
              || differ(a.openalex(), b.openalex())
              || differ(a.s2(), b.s2());
    };
  }

  /** arXiv's DataCite DOIs name the preprint, which is the same work as its journal version. */
  private static boolean isArxivDoi(String doi) {
    return doi != null && doi.startsWith("10.48550/arxiv.");
  }

  private static boolean differ(String x, String y) {
    return x != null && y != null && !x.equals(y);
  }

  /** The richest of two records of one paper; {@code a} was read first and wins ties. */
  static Paper merge(Paper a, Paper b) {
    Paper.Builder m = a.toBuilder();
    m.abstractText(longer(a.abstractText(), b.abstractText()));
    if (b.authors().size() > a.authors().size()) {
      m.authors(b.authors());
    }
    m.authorCount(max(a.authorCount(), b.authorCount()));
    m.organisation(a.organisation() != null ? a.organisation() : b.organisation());
    m.date(richer(a.date(), b.date()));
    m.upvotes(max(a.upvotes(), b.upvotes()));
    m.citedByCount(max(a.citedByCount(), b.citedByCount()));
    m.venue(a.venue() != null ? a.venue() : b.venue());
    m.ids(a.ids().orElse(b.ids()));
    Map<String, Topic> topics = new LinkedHashMap<>();
    for (Topic t : a.topics()) topics.putIfAbsent(t.key(), t);
    for (Topic t : b.topics()) topics.merge(t.key(), t, (x, y) -> x.weight() >= y.weight() ? x : y);
    m.topics(new ArrayList<>(topics.values()));
    List<String> refs = new ArrayList<>(a.references());
    refs.addAll(b.references());
    m.references(refs);
    List<Provenance> prov = new ArrayList<>(a.provenance());
    prov.addAll(b.provenance());
    m.provenance(prov);
    return m.build();
  }

  private static String longer(String x, String y) {
    if (x == null) return y;
    if (y == null) return x;
    return y.length() > x.length() ? y : x;
  }

  private static Integer max(Integer x, Integer y) {
    if (x == null) return y;
    if (y == null) return x;
    return Math.max(x, y);
  }

  private static PartialDate richer(PartialDate x, PartialDate y) {
    if (x == null) return y;
    if (y == null) return x;
    return y.precision() > x.precision() ? y : x;
  }
}
