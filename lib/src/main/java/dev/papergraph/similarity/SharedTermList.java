package dev.papergraph.similarity;

import dev.papergraph.text.TermVectors;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One link's shared terms as an immutable view of a table that holds those of every link the engine
 * explained at once: a link costs its slots in two flat arrays (term id, contribution) instead of a
 * list of {@link SharedTerm} objects, which are made when read. A build of a million papers
 * explains millions of links and keeps them through the analysis, layout and save; an export or a
 * query reads each term once. Equal, as a list, to the list of the same terms.
 */
final class SharedTermList extends AbstractList<SharedTerm> implements RandomAccess {

  /**
   * The shared terms of many links: link i's in slots {@code [i · stride, i · stride + count[i])},
   * strongest first; and the display form of every term they name.
   */
  static final class Table {
    private final TermVectors vectors;
    private final int stride;
    private final int[] terms;
    private final double[] contributions;
    private final int[] count;
    // the display form of each term id the slots hold (null for the others): one reference a term
    // of the vocabulary, looked up at once where a binary search over the terms named took a third
    // of the links file's writing at 300,000 papers
    private final String[] display;

    /**
     * @param terms term ids, {@code stride} slots a link
     * @param contributions each slot's contribution
     * @param count the slots used by each link
     * @param display by term id, the display form of every term the used slots hold
     */
    Table(
        TermVectors vectors,
        int stride,
        int[] terms,
        double[] contributions,
        int[] count,
        String[] display) {
      this.vectors = vectors;
      this.stride = stride;
      this.terms = terms;
      this.contributions = contributions;
      this.count = count;
      this.display = display;
    }

    /** Link i's shared terms. */
    List<SharedTerm> list(int i) {
      return count[i] == 0 ? List.of() : new SharedTermList(this, i * stride, count[i]);
    }

    private SharedTerm term(int slot) {
      int t = terms[slot];
      return new SharedTerm(vectors.term(t), display[t], contributions[slot]);
    }
  }

  private final Table table;
  private final int offset;
  private final int size;

  private SharedTermList(Table table, int offset, int size) {
    this.table = table;
    this.offset = offset;
    this.size = size;
  }

  @Override
  public SharedTerm get(int index) {
    Objects.checkIndex(index, size);
    return table.term(offset + index);
  }

  @Override
  public int size() {
    return size;
  }
}
