package dev.papergraph.similarity;

import dev.papergraph.concurrent.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Each paper's nearest papers by the cosine of their (unit) embeddings, found approximately by
 * Lucene's HNSW graph (Malkov and Yashunin 2018, "Efficient and robust approximate nearest neighbor
 * search using Hierarchical Navigable Small World graphs"; {@link KnnFloatVectorField}, dot product
 * on unit vectors). The stored vectors are indexed as they are: nothing is embedded here.
 *
 * <p>The graph is built in memory by one indexing thread into one segment (Lucene's HNSW builder
 * draws levels from a fixed seed), so the lists do not depend on the thread count that queries it.
 * Cost: building about {@code n · beamWidth · log n} dot products (Lucene's defaults, M 16 and beam
 * width 100), each query about {@code m · log n}; memory the vectors and the graph (about {@code n
 * · (4d + 128)} bytes).
 */
final class SemanticNeighbours {

  private static final String FIELD = "v";

  private SemanticNeighbours() {}

  /**
   * The {@code m} nearest other papers of every paper, nearest first (ties by doc).
   *
   * @param vectors unit vectors, all of one dimension, at most Lucene's maximum (1024)
   * @param m neighbours per paper
   * @param threads query threads
   */
  static int[][] of(float[][] vectors, int m, int threads) {
    int n = vectors.length;
    int[][] out = new int[n][];
    if (n == 0) {
      return out;
    }
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config =
          new IndexWriterConfig()
              .setMaxBufferedDocs(n + 1)
              .setRAMBufferSizeMB(IndexWriterConfig.DISABLE_AUTO_FLUSH)
              .setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(dir, config)) {
        // one segment, doc id = paper index
        for (float[] v : vectors) {
          Document d = new Document();
          d.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
          w.addDocument(d);
        }
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        if (reader.leaves().size() != 1 || reader.maxDoc() != n) {
          throw new IllegalStateException(
              "vector index has " + reader.leaves().size() + " segments, " + reader.maxDoc());
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        int want = Math.min(m + 1, n);
        Parallel.forEach(
            threads,
            n,
            d -> {
              try {
                TopDocs top =
                    searcher.search(new KnnFloatVectorQuery(FIELD, vectors[d], want), want);
                int[] nb = new int[Math.min(m, top.scoreDocs.length)];
                int c = 0;
                for (ScoreDoc s : top.scoreDocs) {
                  if (s.doc != d && c < nb.length) {
                    nb[c++] = s.doc;
                  }
                }
                out[d] = c == nb.length ? nb : Arrays.copyOf(nb, c);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory vector index", e);
    }
    return out;
  }
}
