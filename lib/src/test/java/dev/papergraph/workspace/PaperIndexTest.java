package dev.papergraph.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.NativeCorpus;
import dev.papergraph.read.Seeds;
import dev.papergraph.text.AnalysedTokens;
import dev.papergraph.text.PaperAnalyzer;
import dev.papergraph.text.TermVectors;
import dev.papergraph.text.TextOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperIndexTest {

  private static final Corpus SEEDS = Seeds.corpus();

  @Test
  void storesEveryPaperLosslesslyAndFindsItById(@TempDir Path dir) throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(415, index.addOrUpdate(SEEDS.papers()));
    }
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(415, index.size());
      assertEquals(SEEDS.papers(), index.papers());
      Paper p = SEEDS.papers().get(123);
      assertEquals(p, index.get(p.id()).orElseThrow());
      assertTrue(index.get("doi:10.0/none").isEmpty());
    }
  }

  @Test
  void addingAgainUpdatesInPlaceAndAppendsNewPapers(@TempDir Path dir) throws IOException {
    List<Paper> first = SEEDS.papers().subList(0, 100);
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addOrUpdate(first);
      Paper changed = first.get(10).toBuilder().title("Grokking, revised").build();
      Paper fresh = Paper.builder().id("doi:10.1/new").title("A new paper on grokking").build();
      assertEquals(1, index.addOrUpdate(List.of(changed, fresh)));
      assertEquals(101, index.size());
      List<Paper> all = index.papers();
      assertEquals(changed, all.get(10));
      assertEquals(fresh, all.get(100));
      assertEquals("Grokking, revised", index.get(changed.id()).orElseThrow().title());
    }
  }

  @Test
  void freeTextSearchFindsTheNearestPapers(@TempDir Path dir) throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addOrUpdate(SEEDS.papers());
      List<PaperIndex.SearchHit> hits =
          index.search(
              "We propose a post-training quantization method for vision transformers that calibrates "
                  + "quantization parameters with a small calibration set.",
              5);
      assertEquals(5, hits.size());
      for (PaperIndex.SearchHit h : hits) {
        assertTrue(h.paper().title().toLowerCase(Locale.ROOT).contains("quant"), h.paper().title());
      }
      for (int i = 1; i < hits.size(); i++) {
        assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
      }
      assertTrue(
          index.search("grokking", 3).stream()
              .allMatch(h -> h.paper().title().toLowerCase(Locale.ROOT).contains("grok")));
      assertEquals(List.of(), index.search("the of and", 3));
    }
  }

  @Test
  void rebuildKeepsTheDocumentsOfUnchangedPapersAndSearchesAsAFreshIndex(@TempDir Path dir)
      throws IOException {
    List<Paper> seeds = SEEDS.papers();
    Path saved = dir.resolve("saved");
    try (PaperIndex index = PaperIndex.open(saved)) {
      assertEquals(415, index.replaceAll(seeds));
    }
    assertTrue(PaperIndex.reusable(saved, TextOptions.DEFAULTS));
    assertFalse(
        PaperIndex.reusable(saved, TextOptions.DEFAULTS.withStemmer(TextOptions.Stemmer.KSTEM)));

    // the same papers: nothing analysed, the saved index untouched
    Path same = dir.resolve("same");
    PaperIndex.linkOrCopyFiles(saved, same);
    try (PaperIndex index = PaperIndex.open(same)) {
      assertEquals(0, index.replaceAll(seeds));
      assertEquals(seeds, index.papers());
    }

    // one paper changed, one gone (the later ones move up a place), one new at the end
    List<Paper> next = new ArrayList<>(seeds);
    next.set(7, seeds.get(7).toBuilder().title("Grokking, revised").build());
    next.remove(400);
    next.add(Paper.builder().id("doi:10.1/new").title("A new paper on quantization").build());
    Path grown = dir.resolve("grown");
    PaperIndex.linkOrCopyFiles(saved, grown);
    Path fresh = dir.resolve("fresh");
    String query = "post-training quantization of vision transformers with calibration";
    try (PaperIndex index = PaperIndex.open(grown);
        PaperIndex reference = PaperIndex.open(fresh)) {
      // the changed paper, the 14 that moved up a place, the new one
      assertEquals(16, index.replaceAll(next));
      reference.addOrUpdate(next);
      assertEquals(next, index.papers());
      assertEquals(415, index.size());
      assertEquals(hits(reference.search(query, 20)), hits(index.search(query, 20)));
      assertEquals(hits(reference.search("grokking", 5)), hits(index.search("grokking", 5)));
    }
    try (PaperIndex index = PaperIndex.open(saved)) {
      assertEquals(seeds, index.papers(), "the saved index is unchanged");
    }
  }

  @Test
  void anIndexTakingTheAnalysedTokensHoldsThePostingsNormsAndScoresOfOneThatAnalyses(
      @TempDir Path dir) throws IOException {
    // five copies of the seeds (ties), and texts that take the chain's other branches: markup,
    // LaTeX, numbers and stop words leaving gaps of many positions, no abstract
    List<Paper> papers = new ArrayList<>();
    for (int copy = 0; copy < 5; copy++) {
      for (Paper p : SEEDS.papers()) {
        papers.add(copy == 0 ? p : p.toBuilder().id(p.id() + "/copy" + copy).build());
      }
    }
    papers.add(
        Paper.builder()
            .id("doi:10.1/markup")
            .title("A &amp;lt;i&amp;gt;novel&amp;lt;/i&amp;gt; non-intrusive method")
            .abstractText(
                "We <b>propose</b> $x^2$ \\emph{emphasised words} \\cite{ref} see"
                    + " https://example.org/x: 1 2 3 4 5 6 7 8 9 10 of the to 95.3% accuracy"
                    + " on ImageNet-1K, and quantization of the network.")
            .build());
    papers.add(Paper.builder().id("doi:10.1/bare").title("Quantization, 1 2 3 4 5 bare").build());
    // fewer distinct terms than phrases at the words' positions (norms count neither)
    papers.add(
        Paper.builder()
            .id("doi:10.1/repeated")
            .title("Graph networks graph networks graph networks graph networks")
            .abstractText("Graph graph graph graph graph networks networks graph graph.")
            .build());
    // terms past the basic multilingual plane and above U+E000: UTF-16 and the index's UTF-8
    // order them differently
    papers.add(
        Paper.builder()
            .id("doi:10.1/\uD835\uDD3D")
            .title(
                "Double-struck \uD835\uDD3D\uD835\uDD5A\uD835\uDD56\uD835\uDD5D\uD835\uDD55"
                    + " and \uFF46\uFF55\uFF4C\uFF4C\uFF57\uFF49\uFF44\uFF54\uFF48 letters")
            .abstractText(
                "\uFF46\uFF55\uFF4C\uFF4C\uFF57\uFF49\uFF44\uFF54\uFF48 forms of"
                    + " \uD835\uDD3D\uD835\uDD5A\uD835\uDD56\uD835\uDD5D\uD835\uDD55 quantization")
            .build());
    AtomicReference<AnalysedTokens> recorded = new AtomicReference<>();
    TermVectors vectors =
        TermVectors.build(papers, TextOptions.DEFAULTS, 2, n -> {}, recorded::set);
    assertEquals(
        TermVectors.build(papers, TextOptions.DEFAULTS, 2).termCounts(papers.size() - 4),
        vectors.termCounts(papers.size() - 4),
        "recording changes no vector");
    try (PaperIndex analysing = PaperIndex.open(dir.resolve("analysing"));
        PaperIndex replaying = PaperIndex.open(dir.resolve("replaying"))) {
      analysing.replaceAll(papers);
      replaying.replaceAll(papers, () -> Optional.of(recorded.get()));
      String expected = postingsAndNorms(analysing.reader());
      // what is compared holds frequencies and norms (the markup paper's)
      assertTrue(expected.contains("abstract network 2075 1\n"), "frequencies");
      assertTrue(expected.contains("abstract norm 2075 7\n"), "norms");
      assertEquals(expected, postingsAndNorms(replaying.reader()));
      // a new index of analysed papers is written from the tokens, as one segment (the analysing
      // one flushes as a writer does): what is compared comes from two ways of writing
      assertEquals(1, replaying.reader().leaves().size(), "written from the tokens");
      assertEquals(ids(analysing.reader()), ids(replaying.reader()));
      assertTrue(checked(dir.resolve("replaying")), "Lucene's CheckIndex finds no fault");
      // a large index's postings are inverted a slice of terms at a time: here 97 postings
      try (PaperIndex sliced = PaperIndex.open(dir.resolve("sliced"))) {
        sliced.replaceAll(papers, () -> Optional.of(recorded.get()), 97);
        assertEquals(expected, postingsAndNorms(sliced.reader()));
        assertEquals(ids(analysing.reader()), ids(sliced.reader()));
      }
      assertTrue(checked(dir.resolve("sliced")), "Lucene's CheckIndex finds no fault, sliced");
      List<String> queries =
          List.of(
              "post-training quantization of vision transformers with calibration",
              "grokking",
              "novel non-intrusive quantization of the network",
              "emphasised words",
              "\uD835\uDD3D\uD835\uDD5A\uD835\uDD56\uD835\uDD5D\uD835\uDD55",
              "\uFF46\uFF55\uFF4C\uFF4C\uFF57\uFF49\uFF44\uFF54\uFF48 letters");
      for (String query : queries) {
        assertEquals(hits(analysing.search(query, 40)), hits(replaying.search(query, 40)), query);
      }
      assertFalse(replaying.search(queries.get(4), 5).isEmpty(), "a term past the BMP is found");
      assertEquals(papers, replaying.papers());
      assertEquals(papers.get(1500), replaying.get(papers.get(1500).id()).orElseThrow());
      assertEquals(0, replaying.replaceAll(papers), "a rebuild keeps every document");
      // documents added later, the usual way, join the index written from the tokens
      List<Paper> grown = new ArrayList<>(papers);
      grown.set(7, grown.get(7).toBuilder().title("Grokking quantization, retitled").build());
      grown.add(Paper.builder().id("doi:10.1/new").title("Grokking at the edge").build());
      analysing.replaceAll(grown);
      replaying.replaceAll(grown);
      assertEquals(postingsAndNorms(analysing.reader()), postingsAndNorms(replaying.reader()));
      for (String query : queries) {
        assertEquals(hits(analysing.search(query, 40)), hits(replaying.search(query, 40)), query);
      }
      assertEquals(grown, replaying.papers());
    }
  }

  /** The id field's terms, each with its document's place in the order. */
  private static List<String> ids(IndexReader reader) throws IOException {
    StoredFields stored = reader.storedFields();
    List<String> out = new ArrayList<>();
    TermsEnum terms = MultiTerms.getTerms(reader, "id").iterator();
    for (BytesRef t = terms.next(); t != null; t = terms.next()) {
      PostingsEnum p = terms.postings(null, PostingsEnum.NONE);
      for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
        out.add(t.utf8ToString() + " " + stored.document(d).get("seq"));
      }
    }
    return out;
  }

  /** Whether Lucene's CheckIndex passes the index in this folder. */
  private static boolean checked(Path folder) throws IOException {
    try (Directory d = FSDirectory.open(folder);
        CheckIndex check = new CheckIndex(d)) {
      return check.checkIndex().clean;
    }
  }

  /**
   * Every term of the title and abstract fields with each of its live documents (by the paper's
   * place in the order) and frequency, then each document's norms, sorted: what an analysed field
   * leaves in the index and BM25 reads (the positions of an index that has them are left out: no
   * search reads them).
   */
  private static String postingsAndNorms(IndexReader reader) throws IOException {
    Bits live = MultiBits.getLiveDocs(reader);
    StoredFields stored = reader.storedFields();
    long[] seq = new long[reader.maxDoc()];
    for (int d = 0; d < seq.length; d++) {
      seq[d] = stored.document(d, Set.of("seq")).getField("seq").numericValue().longValue();
    }
    List<String> lines = new ArrayList<>();
    for (String field : List.of("title", "abstract")) {
      TermsEnum terms = MultiTerms.getTerms(reader, field).iterator();
      for (BytesRef t = terms.next(); t != null; t = terms.next()) {
        PostingsEnum p = terms.postings(null, PostingsEnum.FREQS);
        for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
          if (live == null || live.get(d)) {
            lines.add(field + " " + t.utf8ToString() + " " + seq[d] + " " + p.freq());
          }
        }
      }
      NumericDocValues norms = MultiDocValues.getNormValues(reader, field);
      for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
        if (live == null || live.get(d)) {
          lines.add(field + " norm " + seq[d] + " " + norms.longValue());
        }
      }
    }
    Collections.sort(lines);
    return String.join("\n", lines) + "\n";
  }

  @Test
  void anIndexWrittenWithPositionsGrowsWithThemAndScoresAsANewIndexWithout(@TempDir Path dir)
      throws IOException {
    List<Paper> seeds = SEEDS.papers();
    Path old = dir.resolve("old");
    writeWithPositions(old, seeds.subList(0, 300));
    List<Paper> next = new ArrayList<>(seeds);
    next.set(7, seeds.get(7).toBuilder().title("Grokking, revised").build());
    try (PaperIndex index = PaperIndex.open(old);
        PaperIndex fresh = PaperIndex.open(dir.resolve("fresh"))) {
      // added to, then rebuilt with a changed paper: the documents written keep the positions
      assertEquals(100, index.addOrUpdate(seeds.subList(300, 400)));
      assertEquals(16, index.replaceAll(next));
      assertEquals(next, index.papers());
      assertEquals(415, fresh.replaceAll(next));
      for (String field : List.of("title", "abstract")) {
        assertEquals(
            IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, indexOptions(index.reader(), field), field);
        assertEquals(IndexOptions.DOCS_AND_FREQS, indexOptions(fresh.reader(), field), field);
      }
      assertEquals(postingsAndNorms(fresh.reader()), postingsAndNorms(index.reader()));
      for (String query :
          List.of(
              "post-training quantization of vision transformers with calibration",
              "grokking, revised",
              "large language models reasoning")) {
        List<String> hits = hits(fresh.search(query, 40));
        assertTrue(hits.size() >= 10, query);
        assertEquals(hits, hits(index.search(query, 40)), query);
      }
    }
  }

  private static IndexOptions indexOptions(IndexReader reader, String field) {
    return FieldInfos.getMergedFieldInfos(reader).fieldInfo(field).getIndexOptions();
  }

  /**
   * An index of these papers as papergraph wrote it before it left positions out: the title and
   * abstract as {@link TextField}s (positions indexed), the same stored fields and commit data.
   */
  private static void writeWithPositions(Path dir, List<Paper> papers) throws IOException {
    PaperIndex.open(dir).close();
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(d, new IndexWriterConfig(new PaperAnalyzer(TextOptions.DEFAULTS)))) {
      for (int i = 0; i < papers.size(); i++) {
        Paper p = papers.get(i);
        Document doc = new Document();
        doc.add(new StringField("id", p.id(), Field.Store.YES));
        doc.add(new TextField("title", p.title(), Field.Store.NO));
        if (p.abstractText() != null) {
          doc.add(new TextField("abstract", p.abstractText(), Field.Store.NO));
        }
        doc.add(
            new StoredField(
                "json", PaperIndex.unlimited(NativeCorpus.mapper()).writeValueAsBytes(p)));
        doc.add(new StoredField("seq", (long) i));
        w.addDocument(doc);
      }
      w.setLiveCommitData(
          Map.of(
                  PaperIndex.TEXT_OPTIONS_KEY,
                  TextOptions.DEFAULTS.toMap("").toString(),
                  PaperIndex.ANALYSIS_KEY,
                  String.valueOf(PaperIndex.ANALYSIS_VERSION))
              .entrySet());
      w.commit();
    }
  }

  @Test
  void anIndexWithoutTheAnalysisVersionIsNotReusedNorClaimedWhenGrown(@TempDir Path dir)
      throws IOException {
    // an index as papergraph wrote it before the analysis version was recorded
    commitWithoutAnalysisVersion(dir);
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addOrUpdate(SEEDS.papers().subList(0, 3));
    }
    assertTrue(PaperIndex.reusable(dir, TextOptions.DEFAULTS), "empty: nothing to re-analyse");
    commitWithoutAnalysisVersion(dir);
    assertFalse(PaperIndex.reusable(dir, TextOptions.DEFAULTS));
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addOrUpdate(SEEDS.papers().subList(3, 5));
      assertThrows(IllegalArgumentException.class, () -> index.replaceAll(SEEDS.papers()));
    }
    assertFalse(PaperIndex.reusable(dir, TextOptions.DEFAULTS), "old documents are still there");
  }

  /**
   * The analysis chain's terms (and positions, which set the lengths BM25 scores with) on the seeds
   * and on crafted texts that take every branch of the cleaning, pinned to {@link
   * PaperIndex#ANALYSIS_VERSION}: a rebuild keeps saved documents only when the chain is the one
   * that indexed them. When this fails because the chain changed on purpose, bump ANALYSIS_VERSION
   * and record the new fingerprint here.
   */
  @Test
  void analysisChainFingerprintBelongsToItsVersion() throws Exception {
    List<String> texts = new ArrayList<>();
    for (Paper p : SEEDS.papers()) {
      texts.add(p.title());
      texts.add(p.abstractText() == null ? "" : p.abstractText());
    }
    texts.add(
        "We <b>propose</b> a &amp;lt;i&amp;gt;novel&amp;lt;/i&amp;gt; method: see"
            + " https://example.org/x, doi:10.1234/abc.5 or a@b.org; $x^2$ and $$y$$ \\(z\\)"
            + " \\emph{emphasised words} \\cite{ref} 95.3% accuracy on ImageNet-1K.");
    texts.add(
        "Large language models' reasoning: LLMs, vision transformers (ViTs) and graph neural"
            + " networks for state-of-the-art zero-shot learning.");
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (PaperAnalyzer analyzer = new PaperAnalyzer(TextOptions.DEFAULTS)) {
      for (int i = 0; i < texts.size(); i++) {
        String field = i % 2 == 0 ? "title" : "abstract";
        try (TokenStream ts = analyzer.tokenStream(field, texts.get(i))) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            md.update((term + "/" + inc.getPositionIncrement() + " ").getBytes(UTF_8));
          }
          ts.end();
        }
        md.update((byte) '\n');
      }
    }
    assertEquals(1, PaperIndex.ANALYSIS_VERSION);
    assertEquals(
        "613ced884fb5c31accca76ac4344151af423098968ebb56a348402a1cf7f5623",
        HexFormat.of().formatHex(md.digest()));
  }

  /** Commits the index in this folder as papergraph did before it recorded the chain's version. */
  private static void commitWithoutAnalysisVersion(Path dir) throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      w.setLiveCommitData(
          Map.of(PaperIndex.TEXT_OPTIONS_KEY, TextOptions.DEFAULTS.toMap("").toString())
              .entrySet());
      w.commit();
    }
  }

  private static List<String> hits(List<PaperIndex.SearchHit> hits) {
    return hits.stream().map(h -> h.paper().id() + " " + h.score()).toList();
  }

  @Test
  void refusesAnIndexBuiltWithOtherTextOptions(@TempDir Path dir) throws IOException {
    PaperIndex.open(dir).close();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PaperIndex.open(dir, TextOptions.DEFAULTS.withStemmer(TextOptions.Stemmer.KSTEM)));
    assertTrue(e.getMessage().contains("rebuild it"), e.getMessage());
  }
}
