package dev.papergraph.workspace;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.model.Paper;
import dev.papergraph.read.NativeCorpus;
import dev.papergraph.text.AnalysedTokens;
import dev.papergraph.text.PaperAnalyzer;
import dev.papergraph.text.TextOptions;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The papers of a workspace in a Lucene index on disk: every field of each paper (kept as
 * papergraph JSON, so nothing is lost), its title and abstract indexed through {@link
 * PaperAnalyzer}, looked up by id, searched by free text, and updated in place when papers are
 * added again.
 *
 * <p>Papers keep the order in which they were first added. Adding a paper whose id is already
 * present replaces the stored paper (merge before adding if both versions matter). Writes take
 * Lucene's write lock only while {@link #addOrUpdate} runs, so other processes can read meanwhile.
 * Not thread-safe for concurrent writes; close it when done.
 */
public final class PaperIndex implements Closeable {

  /** The index folder's commit key holding the text options it was built with. */
  static final String TEXT_OPTIONS_KEY = "papergraph.text";

  /**
   * The index folder's commit key holding {@link #ANALYSIS_VERSION} when every document in it was
   * analysed by this version of the analysis chain (absent in an index older than the key, or one
   * grown from such an index).
   */
  static final String ANALYSIS_KEY = "papergraph.analysis";

  /**
   * The version of the analysis chain ({@link PaperAnalyzer} with its {@link
   * dev.papergraph.text.TextCleaner}) the indexed terms come from: a rebuild reuses a saved index's
   * documents only when it was written by this version. Bump it whenever the chain's terms change;
   * PaperIndexTest pins the terms of the seeds and crafted texts to it and fails when they change.
   */
  static final int ANALYSIS_VERSION = 1;

  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String ABSTRACT = "abstract";

  /**
   * The paper's JSON as a binary doc value: Lucene writes and reads those bytes as they are, where
   * a stored field is compressed (LZ4) when written and decompressed on every read, work that cost
   * a first build's index about a fifth of its time and the compiles of LZ4's loops.
   */
  private static final String PAPER = "paper";

  /**
   * The paper's JSON as a stored field, in documents written before {@link #PAPER}: read, never
   * written (Lucene keeps one schema per field name, so the two cannot share a name).
   */
  private static final String JSON = "json";

  private static final String SEQ = "seq";

  /**
   * The papers' JSON mapper without Jackson's default limit on string length (20 M characters): the
   * index stores what the readers accepted, and must read back any paper it stored.
   */
  private static final ObjectMapper MAPPER = unlimited(NativeCorpus.mapper());

  /**
   * How a new index indexes the title and abstract: each term with its documents and frequencies,
   * and each document's length (norms), not the terms' positions. BM25 reads only frequencies and
   * norms, and no query here matches phrases by position (a phrase is a term of its own), so every
   * search scores as it would with positions, and writing them would be work spent for nothing.
   */
  private static final FieldType TEXT = textType(IndexOptions.DOCS_AND_FREQS);

  /**
   * How much a writer buffers before it writes a segment, in MiB: each segment written holds its
   * own terms dictionary, and with the papers' JSON buffered whole Lucene's default (16 MiB) made a
   * 10,000-paper index flush in several segments, writing most terms several times.
   */
  private static final double RAM_BUFFER_MB = 64;

  /** Lucene's default limit on the clauses of one boolean query. */
  private static final int MAX_QUERY_TERMS = 500;

  private final Path folder;
  private final Directory directory;
  private final TextOptions text;
  private final PaperAnalyzer analyzer;
  private final ObjectMapper json = MAPPER;
  private DirectoryReader reader;

  /** One search result: a paper and its BM25 score (higher is closer; not bounded). */
  public record SearchHit(Paper paper, double score) {
    public SearchHit {
      Objects.requireNonNull(paper, "paper");
    }
  }

  private PaperIndex(Path folder, Directory directory, TextOptions text, DirectoryReader reader) {
    this.folder = folder;
    this.directory = directory;
    this.text = text;
    this.analyzer = new PaperAnalyzer(text);
    this.reader = reader;
  }

  /** Opens (creating if needed) the index in this folder with the default text options. */
  public static PaperIndex open(Path folder) throws IOException {
    return open(folder, TextOptions.DEFAULTS);
  }

  /**
   * Opens the index in this folder, creating an empty one if the folder has none.
   *
   * @param text the analysis chain for indexing and queries; must be the one the index was built
   *     with
   * @throws IOException if the folder cannot be read or created
   * @throws IllegalArgumentException if the index was built with other text options
   */
  public static PaperIndex open(Path folder, TextOptions text) throws IOException {
    Objects.requireNonNull(text, "text");
    Files.createDirectories(folder);
    try (Directory dir = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(dir)) {
        try (IndexWriter w = new IndexWriter(dir, config(text))) {
          w.setLiveCommitData(
              Map.of(
                      TEXT_OPTIONS_KEY,
                      text.toMap("").toString(),
                      ANALYSIS_KEY,
                      String.valueOf(ANALYSIS_VERSION))
                  .entrySet());
          w.commit();
        }
      }
    }
    return openExisting(folder, text);
  }

  /**
   * Opens an existing index in this folder for reading and searching, never creating one.
   *
   * @throws org.apache.lucene.index.IndexNotFoundException if the folder holds no index
   * @throws IllegalArgumentException if the index was built with other text options
   */
  public static PaperIndex openExisting(Path folder, TextOptions text) throws IOException {
    Objects.requireNonNull(text, "text");
    Directory dir = FSDirectory.open(folder);
    try {
      DirectoryReader r = DirectoryReader.open(dir);
      String wanted = text.toMap("").toString();
      String built = r.getIndexCommit().getUserData().get(TEXT_OPTIONS_KEY);
      if (built != null && !built.equals(wanted)) {
        r.close();
        throw new IllegalArgumentException(
            folder
                + ": the index was built with text options "
                + built
                + ", not "
                + wanted
                + "; rebuild it");
      }
      return new PaperIndex(folder, dir, text, r);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** A copy of a mapper that reads strings of any length. */
  static ObjectMapper unlimited(ObjectMapper mapper) {
    ObjectMapper copy = mapper.copy();
    copy.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    return copy;
  }

  /** An indexed, tokenized, unstored text field type with norms and these index options. */
  private static FieldType textType(IndexOptions options) {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(options);
    t.freeze();
    return t;
  }

  /**
   * The field types that documents added to this index give the title and abstract: a field the
   * index already has keeps its index options (an index written before {@link #TEXT} has positions,
   * and Lucene refuses a field indexed two ways), a new one is indexed as {@link #TEXT}.
   */
  private TextTypes textTypes() {
    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
    return new TextTypes(existingOrNew(fields, TITLE), existingOrNew(fields, ABSTRACT));
  }

  private static FieldType existingOrNew(FieldInfos fields, String name) {
    FieldInfo info = fields.fieldInfo(name);
    if (info == null
        || info.getIndexOptions() == IndexOptions.NONE
        || info.getIndexOptions() == TEXT.indexOptions()) {
      return TEXT;
    }
    return textType(info.getIndexOptions());
  }

  /** The field types of the title and abstract of the documents a write adds. */
  private record TextTypes(FieldType title, FieldType abstractText) {}

  private static IndexWriterConfig config(TextOptions text) {
    return new IndexWriterConfig(new PaperAnalyzer(text))
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(RAM_BUFFER_MB);
  }

  /** The folder of the index. */
  public Path folder() {
    return folder;
  }

  /** The number of papers. */
  public int size() {
    return reader.numDocs();
  }

  /**
   * Adds papers, replacing any stored paper with the same id (which keeps its place in the order);
   * commits before returning, so the change is durable and visible to new readers.
   *
   * @return how many of the papers were new
   * @throws IllegalArgumentException if two of the given papers share an id
   */
  public int addOrUpdate(Collection<Paper> papers) throws IOException {
    return addOrUpdate(papers, Map.of());
  }

  /**
   * Adds papers as {@link #addOrUpdate(Collection)} does, where some stored papers have changed
   * their id (a merge gave them a better one): each such paper replaces the paper stored under its
   * previous id, in that paper's place in the order.
   *
   * @param previousIds the previous id of a paper by its new id
   * @return how many of the papers were new
   */
  public int addOrUpdate(Collection<Paper> papers, Map<String, String> previousIds)
      throws IOException {
    Map<String, Paper> byId = new LinkedHashMap<>();
    for (Paper p : papers) {
      if (byId.put(p.id(), p) != null) {
        throw new IllegalArgumentException("two papers to add share the id " + p.id());
      }
    }
    Map<String, Long> existing = sequences();
    long next = existing.values().stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
    int added = 0;
    // the documents already here keep the index's claim on the chain, or its absence
    boolean current = existing.isEmpty() || analysedByThisChain(reader);
    TextTypes types = textTypes();
    try (IndexWriter w = new IndexWriter(directory, config(text))) {
      for (Paper p : byId.values()) {
        String previous = previousIds.get(p.id());
        Long seq = existing.get(p.id());
        if (previous != null && !previous.equals(p.id()) && existing.containsKey(previous)) {
          seq = existing.get(previous);
          w.deleteDocuments(new Term(ID, previous));
        }
        if (seq == null) {
          seq = next++;
          added++;
        }
        w.updateDocument(
            new Term(ID, p.id()), document(p, seq, json.writeValueAsBytes(p), null, types));
      }
      commit(w, current);
    }
    refresh();
    return added;
  }

  /**
   * Makes this index (a copy of a saved one, or empty) hold exactly these papers in this order:
   * documents of the saved index whose paper is unchanged (the same stored JSON) in the same place
   * are kept as they are, the others are analysed and written, papers no longer given are deleted.
   * A rebuild of the same inputs analyses nothing. The index must have been written by this version
   * of the analysis chain with the same text options ({@link #reusable}), or be empty.
   *
   * @return how many papers were analysed and written
   * @throws IllegalArgumentException if two papers share an id, or the index holds documents of
   *     another analysis chain
   */
  int replaceAll(List<Paper> papers) throws IOException {
    return replaceAll(papers, Optional::empty);
  }

  /**
   * {@link #replaceAll(List)}, taking each paper's analysed title and abstract from the tokens
   * {@code analysed} gives, when it gives the tokens of these papers with this index's text
   * options, instead of running the analysis chain again: the documents and the scores of every
   * search are the same. It is asked only when some paper must be written, and may block until the
   * tokens exist. A new index (nothing stored yet) of papers whose tokens are all given is written
   * in one segment from those tokens inverted here ({@link AnalysedDocuments}, Lucene's {@code
   * addIndexes}), as a merge writes one, instead of document by document through Lucene's in-memory
   * term hash: the same terms, postings, norms, doc values and stored fields, for about half the
   * CPU time.
   */
  int replaceAll(List<Paper> papers, Supplier<Optional<AnalysedTokens>> analysed)
      throws IOException {
    return replaceAll(papers, analysed, AnalysedDocuments.SLICE_POSTINGS);
  }

  /**
   * {@link #replaceAll(List, Supplier)}, a new index's postings inverted at most this many at a
   * time (a test's small slices take the path a large index takes).
   */
  int replaceAll(List<Paper> papers, Supplier<Optional<AnalysedTokens>> analysed, int slicePostings)
      throws IOException {
    Map<String, Stored> old = storedDocuments();
    if (!old.isEmpty() && !analysedByThisChain(reader)) {
      throw new IllegalArgumentException(
          folder + ": the index holds documents of another analysis chain; write a new one");
    }
    Map<String, Integer> positions = new HashMap<>();
    List<Integer> changed = new ArrayList<>();
    // each changed paper's JSON, compared here with its stored one; a new index compares nothing,
    // and its papers' JSON is made as each document is written (null here): a million papers'
    // JSON held at once would be ~1.7 GB of heap kept live while the tokens are awaited
    List<byte[]> changedJson = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      Paper p = papers.get(i);
      if (positions.put(p.id(), i) != null) {
        throw new IllegalArgumentException("two papers to add share the id " + p.id());
      }
      if (old.isEmpty()) {
        changed.add(i);
        changedJson.add(null);
        continue;
      }
      byte[] bytes = json.writeValueAsBytes(p);
      Stored s = old.get(p.id());
      if (s == null || s.seq() != i || !Arrays.equals(s.json(), bytes)) {
        changed.add(i);
        changedJson.add(bytes);
      }
    }
    List<String> gone = new ArrayList<>();
    for (String id : old.keySet()) {
      if (!positions.containsKey(id)) {
        gone.add(id);
      }
    }
    if (changed.isEmpty() && gone.isEmpty() && !old.isEmpty()) {
      return 0;
    }
    AnalysedTokens tokens =
        changed.isEmpty()
            ? null
            : analysed
                .get()
                .filter(t -> t.options().equals(text) && t.size() == papers.size())
                .orElse(null);
    TextTypes types = textTypes();
    IndexWriterConfig config = config(text);
    if (old.isEmpty() && gone.isEmpty() && writesAnalysed(tokens, papers, types)) {
      // a new index of analysed papers: written as a merge writes a segment, from the tokens
      // inverted here (AnalysedDocuments), on this thread
      config.setMergePolicy(NoMergePolicy.INSTANCE).setMergeScheduler(new SerialMergeScheduler());
      try (IndexWriter w = new IndexWriter(directory, config)) {
        w.addIndexes(
            SlowCodecReaderWrapper.wrap(
                new AnalysedDocuments(
                    papers,
                    tokens,
                    json::writeValueAsBytes,
                    config.getSimilarity(),
                    slicePostings,
                    ID,
                    TITLE,
                    ABSTRACT,
                    PAPER,
                    SEQ)));
        commit(w, true);
      }
      refresh();
      return changed.size();
    }
    if (old.isEmpty()) {
      // a new index deletes nothing, so it has nothing to merge away: its segments stay as each
      // flush wrote them (a million papers: ~60 segments), instead of being read and written again
      // by merges beside the build's search (~17 CPU s at a million papers)
      config.setMergePolicy(NoMergePolicy.INSTANCE);
    } else {
      // deleted documents still count in BM25's statistics until merged away: with none left the
      // index scores as a new one written from these papers would
      TieredMergePolicy merges = new TieredMergePolicy();
      merges.setForceMergeDeletesPctAllowed(0);
      config.setMergePolicy(merges);
    }
    try (IndexWriter w = new IndexWriter(directory, config)) {
      for (String id : gone) {
        w.deleteDocuments(new Term(ID, id));
      }
      for (int c = 0; c < changed.size(); c++) {
        int i = changed.get(c);
        Paper p = papers.get(i);
        byte[] paperJson = changedJson.get(c);
        if (paperJson == null) {
          paperJson = json.writeValueAsBytes(p);
        }
        changedJson.set(c, null);
        Document d = document(p, i, paperJson, tokens, types);
        if (old.isEmpty()) {
          // nothing to replace: no lookup of the id in the segments written so far
          w.addDocument(d);
        } else {
          w.updateDocument(new Term(ID, p.id()), d);
        }
      }
      w.forceMergeDeletes();
      commit(w, true);
    }
    refresh();
    return changed.size();
  }

  /**
   * Whether every paper's document can be written from the analysis pass's tokens ({@link
   * AnalysedDocuments}): they are the tokens of these papers, and the title and abstract are
   * indexed as a new index indexes them.
   */
  private static boolean writesAnalysed(
      AnalysedTokens tokens, List<Paper> papers, TextTypes types) {
    if (tokens == null || types.title() != TEXT || types.abstractText() != TEXT) {
      return false;
    }
    for (int i = 0; i < papers.size(); i++) {
      if (!tokens.analysed(i, papers.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a saved index's documents can be kept by {@link #replaceAll} with these text options:
   * it was written with them, by this version of the analysis chain.
   *
   * @throws IOException if the folder holds no readable index
   */
  static boolean reusable(Path folder, TextOptions text) throws IOException {
    try (Directory dir = FSDirectory.open(folder);
        DirectoryReader r = DirectoryReader.open(dir)) {
      return text.toMap("")
              .toString()
              .equals(r.getIndexCommit().getUserData().get(TEXT_OPTIONS_KEY))
          && analysedByThisChain(r);
    }
  }

  private static boolean analysedByThisChain(DirectoryReader r) throws IOException {
    return String.valueOf(ANALYSIS_VERSION)
        .equals(r.getIndexCommit().getUserData().get(ANALYSIS_KEY));
  }

  /**
   * Fills a new folder with the files of a saved index: hard links where possible (Lucene never
   * changes a file once written, so the saved index stays as it was), else copies.
   */
  static void linkOrCopyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals("write.lock") || !Files.isRegularFile(f)) {
          continue;
        }
        try {
          Files.createLink(to.resolve(name), f);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(f, to.resolve(name));
        }
      }
    }
  }

  private void commit(IndexWriter w, boolean analysedByThisChain) throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(TEXT_OPTIONS_KEY, text.toMap("").toString());
    if (analysedByThisChain) {
      data.put(ANALYSIS_KEY, String.valueOf(ANALYSIS_VERSION));
    }
    w.setLiveCommitData(data.entrySet());
    w.commit();
  }

  private void refresh() throws IOException {
    DirectoryReader newer = DirectoryReader.openIfChanged(reader);
    if (newer != null) {
      reader.close();
      reader = newer;
    }
  }

  /** A stored document's place in the order and its paper's JSON. */
  private record Stored(long seq, byte[] json) {}

  private Map<String, Stored> storedDocuments() throws IOException {
    Map<String, Stored> out = new HashMap<>();
    forEachDocument(
        Set.of(ID, SEQ),
        (doc, paper) -> {
          BytesRef b = paper.json();
          out.put(
              doc.get(ID),
              new Stored(
                  doc.getField(SEQ).numericValue().longValue(),
                  Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length)));
        });
    return out;
  }

  /** Something done with a stored document and its paper's JSON. */
  private interface DocumentVisitor {
    void visit(Document doc, PaperJson paper) throws IOException;
  }

  /**
   * Visits the stored fields (these only) of every live document in index order, with a view of its
   * paper's JSON.
   */
  private void forEachDocument(Set<String> stored, DocumentVisitor visitor) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields fields = leaf.reader().storedFields();
      PaperJson paper = new PaperJson(leaf.reader(), fields);
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live == null || live.get(d)) {
          paper.doc = d;
          visitor.visit(fields.document(d, stored), paper);
        }
      }
    }
  }

  /**
   * The papers' JSON in one segment, read document by document in increasing order: from the doc
   * values, or from the stored field of a document written before them.
   */
  private static final class PaperJson {
    private final BinaryDocValues values;
    private final StoredFields stored;
    private int doc;

    PaperJson(LeafReader segment, StoredFields stored) throws IOException {
      this.values = segment.getBinaryDocValues(PAPER);
      this.stored = stored;
    }

    /** The JSON of the current document; valid until the next document is read. */
    BytesRef json() throws IOException {
      if (values != null && values.advanceExact(doc)) {
        return values.binaryValue();
      }
      return stored.document(doc, Set.of(JSON)).getBinaryValue(JSON);
    }
  }

  /**
   * A paper's document; its title and abstract (fields of these types) taken from the analysed
   * tokens of doc {@code seq} when they are given and are this paper's, else analysed by the
   * index's chain.
   */
  private Document document(
      Paper p, long seq, byte[] paperJson, AnalysedTokens tokens, TextTypes types) {
    Document d = new Document();
    d.add(new StringField(ID, p.id(), Field.Store.YES));
    if (tokens != null && tokens.analysed((int) seq, p)) {
      // a field without positions takes each distinct term once, with its frequency
      int doc = (int) seq;
      d.add(
          new Field(
              TITLE,
              positions(types.title()) ? tokens.title(doc) : tokens.titleTerms(doc),
              types.title()));
      if (p.abstractText() != null) {
        d.add(
            new Field(
                ABSTRACT,
                positions(types.abstractText())
                    ? tokens.abstractText(doc)
                    : tokens.abstractTerms(doc),
                types.abstractText()));
      }
    } else {
      d.add(new Field(TITLE, p.title(), types.title()));
      if (p.abstractText() != null) {
        d.add(new Field(ABSTRACT, p.abstractText(), types.abstractText()));
      }
    }
    d.add(new BinaryDocValuesField(PAPER, new BytesRef(paperJson)));
    d.add(new StoredField(SEQ, seq));
    return d;
  }

  private static boolean positions(FieldType type) {
    return type.indexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
  }

  /** The paper with this id. */
  public Optional<Paper> get(String id) throws IOException {
    IndexSearcher s = new IndexSearcher(reader);
    TopDocs top = s.search(new TermQuery(new Term(ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(papers(new int[] {top.scoreDocs[0].doc})[0]);
  }

  /** Every paper, in the order they were first added. */
  public List<Paper> papers() throws IOException {
    TreeMap<Long, Paper> bySeq = new TreeMap<>();
    forEachDocument(
        Set.of(SEQ),
        (doc, paper) -> {
          BytesRef b = paper.json();
          bySeq.put(
              doc.getField(SEQ).numericValue().longValue(),
              json.readValue(b.bytes, b.offset, b.length, Paper.class));
        });
    return List.copyOf(bySeq.values());
  }

  private Map<String, Long> sequences() throws IOException {
    Map<String, Long> out = new HashMap<>();
    forEachDocument(
        Set.of(ID, SEQ),
        (doc, paper) -> out.put(doc.get(ID), doc.getField(SEQ).numericValue().longValue()));
    return out;
  }

  /**
   * The papers nearest to a free text (a pasted abstract, a few keywords): BM25 over title and
   * abstract, the title counting {@link TextOptions#titleBoost()} times, the text analysed by the
   * same chain as the papers (so phrases match phrases). Best first; ties by index order.
   *
   * @param n at most this many results
   * @throws IllegalArgumentException if n is below 1
   */
  public List<SearchHit> search(String freeText, int n) throws IOException {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    Optional<Query> q = query(freeText);
    if (q.isEmpty() || reader.numDocs() == 0) {
      return List.of();
    }
    IndexSearcher s = new IndexSearcher(reader);
    TopDocs top = s.search(q.get(), n);
    int[] docs = new int[top.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = top.scoreDocs[i].doc;
    }
    Paper[] papers = papers(docs);
    List<SearchHit> out = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      out.add(new SearchHit(papers[i], top.scoreDocs[i].score));
    }
    return out;
  }

  /**
   * The query for a free text: one optional clause per distinct term and field, weighted by count.
   */
  Optional<Query> query(String freeText) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String t : analyzer.terms(freeText == null ? "" : freeText)) {
      counts.merge(t, 1, Integer::sum);
    }
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (clauses + 2 > MAX_QUERY_TERMS * 2) {
        break;
      }
      float w = (float) (1 + Math.log(e.getValue()));
      b.add(
          new BoostQuery(
              new TermQuery(new Term(TITLE, e.getKey())), (float) (w * text.titleBoost())),
          BooleanClause.Occur.SHOULD);
      b.add(
          new BoostQuery(new TermQuery(new Term(ABSTRACT, e.getKey())), w),
          BooleanClause.Occur.SHOULD);
      clauses += 2;
    }
    return Optional.of(b.build());
  }

  /**
   * The papers of these documents (index-wide numbers), in their order: read in increasing document
   * order, as doc values are.
   */
  private Paper[] papers(int[] docs) throws IOException {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    Paper[] out = new Paper[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    int leafIndex = -1;
    PaperJson paper = null;
    for (int i : order) {
      int leaf = ReaderUtil.subIndex(docs[i], leaves);
      LeafReaderContext context = leaves.get(leaf);
      if (leaf != leafIndex) {
        leafIndex = leaf;
        paper = new PaperJson(context.reader(), context.reader().storedFields());
      }
      paper.doc = docs[i] - context.docBase;
      BytesRef b = paper.json();
      out[i] = json.readValue(b.bytes, b.offset, b.length, Paper.class);
    }
    return out;
  }

  /** The reader's view (for tests). */
  IndexReader reader() {
    return reader;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
