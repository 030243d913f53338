package dev.papergraph.viz;

import dev.papergraph.analysis.Measure;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the side panel shows for a selected paper.
 *
 * @param id the paper id
 * @param title the title
 * @param authors author names, possibly empty
 * @param authorCount number of authors when known
 * @param organisation the organisation the listing names
 * @param date the publication date as text ("2024-04-29", "Apr 29"...)
 * @param upvotes community upvotes
 * @param abstractText the abstract
 * @param community the community id, -1 when none
 * @param communityLabel the community's readable label, empty when none
 * @param centralities the paper's score for each computed measure, in {@link Measure} order
 * @param neighbours its strongest neighbours, strongest first, each with its edge explanation
 */
public record PaperDetails(
    String id,
    String title,
    List<String> authors,
    Optional<Integer> authorCount,
    Optional<String> organisation,
    Optional<String> date,
    Optional<Integer> upvotes,
    Optional<String> abstractText,
    int community,
    String communityLabel,
    Map<Measure, Double> centralities,
    List<Neighbour> neighbours) {

  public PaperDetails {
    authors = List.copyOf(authors);
    centralities = Collections.unmodifiableMap(new TreeMap<>(centralities));
    neighbours = List.copyOf(neighbours);
  }

  /**
   * A neighbour in the side panel (clickable: selecting {@code id} moves the panel there).
   *
   * @param id the neighbour's id
   * @param title its title
   * @param weight the edge weight
   * @param explanation the one-line explanation of the edge ({@code EdgeExplanation.summary()})
   */
  public record Neighbour(String id, String title, double weight, String explanation) {}
}
