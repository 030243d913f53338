package dev.papergraph.similarity;

import dev.papergraph.model.Paper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * The references of a corpus as sorted int arrays: each paper's reference keys (for bibliographic
 * coupling; a reference to a corpus paper is keyed by that paper, whatever id the source used), and
 * the in-corpus citation links both ways (for direct citation and co-citation), with postings over
 * reference keys for candidate generation.
 *
 * <p>This is the one place where a reference ({@code doi:…}, {@code openalex:W…}, …) is resolved to
 * a paper of the corpus: a reference resolves to the paper whose id or any external id is the
 * reference key (the first paper in corpus order when two share a key); a paper's reference to
 * itself is dropped. The citation graph ({@code PaperGraph}), prior and derivative works and the
 * coverage figures read it here. Building costs {@code O(R log R)} for R references in all.
 */
public final class CitationIndex {

  private final String[] keys;
  private final int[] refStart;
  private final int[] refKey;
  private final int[] keyStart;
  private final int[] keyDoc;
  private final int[] outStart;
  private final int[] outDoc;
  private final int[] inStart;
  private final int[] inDoc;

  private CitationIndex(
      String[] keys,
      int[] refStart,
      int[] refKey,
      int[] outStart,
      int[] outDoc,
      int[] inStart,
      int[] inDoc) {
    this.keys = keys;
    this.refStart = refStart;
    this.refKey = refKey;
    this.outStart = outStart;
    this.outDoc = outDoc;
    this.inStart = inStart;
    this.inDoc = inDoc;
    keyStart = new int[keys.length + 1];
    for (int k : refKey) {
      keyStart[k + 1]++;
    }
    for (int k = 0; k < keys.length; k++) {
      keyStart[k + 1] += keyStart[k];
    }
    keyDoc = new int[refKey.length];
    int[] fill = Arrays.copyOf(keyStart, keys.length);
    for (int d = 0; d + 1 < refStart.length; d++) {
      for (int p = refStart[d]; p < refStart[d + 1]; p++) {
        keyDoc[fill[refKey[p]]++] = d;
      }
    }
  }

  /**
   * Indexes the references of papers; doc numbers are positions in this list.
   *
   * @param papers the corpus papers, in corpus order
   */
  public static CitationIndex of(List<Paper> papers) {
    int n = papers.size();
    Map<String, Integer> docOf = new HashMap<>();
    for (int d = 0; d < n; d++) {
      docOf.putIfAbsent(papers.get(d).id(), d);
    }
    for (int d = 0; d < n; d++) {
      for (String key : papers.get(d).ids().keys()) {
        docOf.putIfAbsent(key, d);
      }
    }
    List<TreeSet<String>> refKeys = new ArrayList<>(n);
    List<TreeSet<Integer>> out = new ArrayList<>(n);
    List<TreeSet<Integer>> in = new ArrayList<>(n);
    TreeSet<String> all = new TreeSet<>();
    for (int d = 0; d < n; d++) {
      in.add(new TreeSet<>());
    }
    for (int d = 0; d < n; d++) {
      TreeSet<String> ks = new TreeSet<>();
      TreeSet<Integer> o = new TreeSet<>();
      for (String ref : papers.get(d).references()) {
        Integer cited = docOf.get(ref);
        if (cited != null) {
          if (cited == d) {
            continue;
          }
          ks.add("paper:" + papers.get(cited).id());
          o.add(cited);
          in.get(cited).add(d);
        } else {
          ks.add(ref);
        }
      }
      all.addAll(ks);
      refKeys.add(ks);
      out.add(o);
    }
    String[] keys = all.toArray(new String[0]);
    Map<String, Integer> keyId = new HashMap<>();
    for (int k = 0; k < keys.length; k++) {
      keyId.put(keys[k], k);
    }
    int[] refStart = new int[n + 1];
    for (int d = 0; d < n; d++) {
      refStart[d + 1] = refStart[d] + refKeys.get(d).size();
    }
    int[] refKey = new int[refStart[n]];
    for (int d = 0, p = 0; d < n; d++) {
      for (String k : refKeys.get(d)) { // sorted strings = sorted ids
        refKey[p++] = keyId.get(k);
      }
    }
    return new CitationIndex(
        keys, refStart, refKey, flatten(out)[0], flatten(out)[1], flatten(in)[0], flatten(in)[1]);
  }

  private static int[][] flatten(List<TreeSet<Integer>> sets) {
    int[] start = new int[sets.size() + 1];
    for (int d = 0; d < sets.size(); d++) {
      start[d + 1] = start[d] + sets.get(d).size();
    }
    int[] flat = new int[start[sets.size()]];
    int p = 0;
    for (TreeSet<Integer> s : sets) {
      for (int x : s) {
        flat[p++] = x;
      }
    }
    return new int[][] {start, flat};
  }

  /** The number of papers (docs). */
  public int size() {
    return refStart.length - 1;
  }

  /** True when any paper has a reference, resolved or not. */
  public boolean hasReferences() {
    return !isEmpty();
  }

  /** The corpus papers doc {@code d} cites, as doc numbers in increasing order. */
  public int[] cited(int d) {
    return Arrays.copyOfRange(outDoc, outStart[d], outStart[d + 1]);
  }

  /** The corpus papers citing doc {@code d}, as doc numbers in increasing order. */
  public int[] citing(int d) {
    return Arrays.copyOfRange(inDoc, inStart[d], inStart[d + 1]);
  }

  /** True when doc {@code a} cites doc {@code b}. */
  public boolean cites(int a, int b) {
    return Arrays.binarySearch(outDoc, outStart[a], outStart[a + 1], b) >= 0;
  }

  /** The distinct references of doc {@code d}, resolved or not. */
  public int referenceCount(int d) {
    return refCount(d);
  }

  /** The references of doc {@code d} that name no corpus paper, as reference keys in key order. */
  public List<String> externalReferences(int d) {
    List<String> out = new ArrayList<>();
    for (int p = refStart[d]; p < refStart[d + 1]; p++) {
      String k = keys[refKey[p]];
      if (!k.startsWith("paper:")) {
        out.add(k);
      }
    }
    return out;
  }

  /** True when any paper has a reference. */
  boolean isEmpty() {
    return refKey.length == 0;
  }

  int refCount(int d) {
    return refStart[d + 1] - refStart[d];
  }

  int citedByCount(int d) {
    return inStart[d + 1] - inStart[d];
  }

  int linkCount(int d) {
    return outStart[d + 1] - outStart[d] + citedByCount(d);
  }

  /** 1 when either paper cites the other. */
  boolean linked(int a, int b) {
    return Arrays.binarySearch(outDoc, outStart[a], outStart[a + 1], b) >= 0
        || Arrays.binarySearch(outDoc, outStart[b], outStart[b + 1], a) >= 0;
  }

  /** References both papers make. */
  int sharedReferences(int a, int b) {
    return intersect(refKey, refStart[a], refStart[a + 1], refStart[b], refStart[b + 1]);
  }

  /** Corpus papers citing both. */
  int cocitations(int a, int b) {
    return intersect(inDoc, inStart[a], inStart[a + 1], inStart[b], inStart[b + 1]);
  }

  /** The keys of the references both papers make, in key order. */
  List<String> sharedReferenceKeys(int a, int b) {
    int i = refStart[a], ie = refStart[a + 1], j = refStart[b], je = refStart[b + 1];
    if (i == ie || j == je) {
      // asked for every link: most papers of a large corpus have no references in it
      return List.of();
    }
    List<String> out = new ArrayList<>();
    while (i < ie && j < je) {
      if (refKey[i] == refKey[j]) {
        String k = keys[refKey[i]];
        out.add(k.startsWith("paper:") ? k.substring(6) : k);
        i++;
        j++;
      } else if (refKey[i] < refKey[j]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  /**
   * Calls sink with every doc that shares a reference with, cites, is cited by or is co-cited with
   * d.
   */
  void forEachRelated(int d, IntConsumer sink) {
    for (int p = refStart[d]; p < refStart[d + 1]; p++) {
      int k = refKey[p];
      for (int q = keyStart[k]; q < keyStart[k + 1]; q++) {
        sink.accept(keyDoc[q]);
      }
    }
    for (int p = outStart[d]; p < outStart[d + 1]; p++) {
      sink.accept(outDoc[p]);
    }
    for (int p = inStart[d]; p < inStart[d + 1]; p++) {
      int citing = inDoc[p];
      sink.accept(citing);
      for (int q = outStart[citing]; q < outStart[citing + 1]; q++) {
        sink.accept(outDoc[q]);
      }
    }
  }

  private static int intersect(int[] a, int i, int ie, int j, int je) {
    int c = 0;
    while (i < ie && j < je) {
      if (a[i] == a[j]) {
        c++;
        i++;
        j++;
      } else if (a[i] < a[j]) {
        i++;
      } else {
        j++;
      }
    }
    return c;
  }
}
