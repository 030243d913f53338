package dev.papergraph.similarity;

/**
 * The k best of a stream of (score, item) pairs: a binary min-heap over primitive arrays whose root
 * is the worst entry kept. Higher scores are better; of equal scores the lower item is better, so
 * the kept set and its order do not depend on the order of offers. Offer: {@code O(log k)}.
 */
final class TopKHeap {

  private final int k;
  private final double[] score;
  private final int[] item;
  private int size;

  /** An empty heap keeping at most k entries. @throws IllegalArgumentException if k is below 1 */
  TopKHeap(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    this.k = k;
    this.score = new double[k];
    this.item = new int[k];
  }

  /** Empties the heap. */
  void clear() {
    size = 0;
  }

  /** The number of entries kept, at most k. */
  int size() {
    return size;
  }

  /** True when k entries are kept. */
  boolean full() {
    return size == k;
  }

  /** The score of the worst entry kept, that is the k-th best score once {@link #full}. */
  double worstScore() {
    return score[0];
  }

  /** The item of the i-th entry kept ({@code 0 <= i < size()}), in no particular order. */
  int itemAt(int i) {
    return item[i];
  }

  /** Keeps the pair if it is among the k best so far. */
  void offer(double s, int it) {
    if (size < k) {
      int c = size++;
      score[c] = s;
      item[c] = it;
      up(c);
    } else if (worse(score[0], item[0], s, it)) {
      score[0] = s;
      item[0] = it;
      down(0);
    }
  }

  /**
   * Empties the heap into the arrays, best first.
   *
   * @return the number of entries written
   */
  int drainBestFirst(int[] items, double[] scores) {
    return drainBestFirst(items, scores, 0);
  }

  /**
   * Empties the heap into the arrays from position {@code at}, best first.
   *
   * @return the number of entries written
   */
  int drainBestFirst(int[] items, double[] scores, int at) {
    int m = size;
    for (int i = m - 1; i >= 0; i--) {
      items[at + i] = item[0];
      scores[at + i] = score[0];
      size--;
      if (size > 0) {
        score[0] = score[size];
        item[0] = item[size];
        down(0);
      }
    }
    return m;
  }

  /** True when entry (s1, i1) ranks below (s2, i2). */
  private static boolean worse(double s1, int i1, double s2, int i2) {
    return s1 < s2 || (s1 == s2 && i1 > i2);
  }

  private void up(int c) {
    while (c > 0) {
      int parent = (c - 1) >>> 1;
      if (!worse(score[c], item[c], score[parent], item[parent])) {
        break;
      }
      swap(c, parent);
      c = parent;
    }
  }

  private void down(int c) {
    while (true) {
      int l = 2 * c + 1, r = l + 1, m = c;
      if (l < size && worse(score[l], item[l], score[m], item[m])) {
        m = l;
      }
      if (r < size && worse(score[r], item[r], score[m], item[m])) {
        m = r;
      }
      if (m == c) {
        return;
      }
      swap(c, m);
      c = m;
    }
  }

  private void swap(int a, int b) {
    double s = score[a];
    score[a] = score[b];
    score[b] = s;
    int i = item[a];
    item[a] = item[b];
    item[b] = i;
  }
}
