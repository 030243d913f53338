package dev.papergraph.similarity;

import dev.papergraph.text.TermVectors;
import java.util.AbstractList;
import java.util.Arrays;
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
    // the distinct terms named, increasing, and their display forms
    private final int[] named;
    private final String[] display;

    /**
     * @param terms term ids, {@code stride} slots a link
     * @param contributions each slot's contribution
     * @param count the slots used by each link
     * @param named every term id the used slots hold, increasing, no repeats
     * @param display the display form of each of {@code named}
     */
    Table(
        TermVectors vectors,
        int stride,
        int[] terms,
        double[] contributions,
        int[] count,
        int[] named,
        String[] display) {
      this.vectors = vectors;
      this.stride = stride;
      this.terms = terms;
      this.contributions = contributions;
      this.count = count;
      this.named = named;
      this.display = display;
    }

    /** Link i's shared terms. */
    List<SharedTerm> list(int i) {
      return count[i] == 0 ? List.of() : new SharedTermList(this, i * stride, count[i]);
    }

    private SharedTerm term(int slot) {
      int t = terms[slot];
      int k = Arrays.binarySearch(named, t);
      return new SharedTerm(vectors.term(t), display[k], contributions[slot]);
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
