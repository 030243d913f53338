package dev.papergraph.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One paper: an immutable value. Optional metadata is {@code null} when the source does not have it
 * (use the {@code Optional} accessors such as {@link #dateIfKnown()} in new code); lists are never
 * null.
 *
 * @param id stable id: the best external id ({@code doi:…}, {@code arxiv:…}, {@code openalex:…},
 *     {@code s2:…}, {@code pmid:…}) or, without one, {@code title:} and a hash of the normalised
 *     title; see {@link #stableId}
 * @param title the title, never blank
 * @param abstractText the abstract, or {@code null}
 * @param authors author names when known (may be empty even when {@code authorCount} is known)
 * @param authorCount the number of authors, or {@code null} when unknown
 * @param organisation the organisation the listing names, or {@code null}
 * @param date publication date, possibly partial, or {@code null}
 * @param upvotes community upvotes (daily-papers listings), or {@code null}
 * @param citedByCount times cited according to the source, or {@code null}
 * @param venue journal, conference or repository, or {@code null}
 * @param ids external identifiers, normalised
 * @param topics topics with weights and sources, in source order
 * @param references ids of cited works, as keys like {@link ExternalIds#keys()} gives ({@code
 *     doi:…}, {@code openalex:W…}, …), in source order, without duplicates
 * @param provenance every input record merged into this paper, in reading order
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "id",
  "title",
  "abstractText",
  "authors",
  "authorCount",
  "organisation",
  "date",
  "upvotes",
  "citedByCount",
  "venue",
  "ids",
  "topics",
  "references",
  "provenance"
})
public record Paper(
    String id,
    String title,
    String abstractText,
    List<String> authors,
    Integer authorCount,
    String organisation,
    PartialDate date,
    Integer upvotes,
    Integer citedByCount,
    String venue,
    ExternalIds ids,
    List<Topic> topics,
    List<String> references,
    List<Provenance> provenance) {

  /**
   * @throws IllegalArgumentException if id or title is blank or a count is negative
   */
  public Paper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (id.isBlank()) {
      throw new IllegalArgumentException("paper id is blank");
    }
    title = title.strip();
    if (title.isEmpty()) {
      throw new IllegalArgumentException("paper title is blank: " + id);
    }
    abstractText = blankToNull(abstractText);
    organisation = blankToNull(organisation);
    venue = blankToNull(venue);
    authors = authors == null ? List.of() : List.copyOf(authors);
    topics = topics == null ? List.of() : List.copyOf(topics);
    references = references == null ? List.of() : List.copyOf(new LinkedHashSet<>(references));
    provenance = provenance == null ? List.of() : List.copyOf(provenance);
    ids = ids == null ? ExternalIds.NONE : ids;
    requireNonNegative(authorCount, "authorCount", id);
    requireNonNegative(upvotes, "upvotes", id);
    requireNonNegative(citedByCount, "citedByCount", id);
  }

  /** A builder for a new paper. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this paper's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The stable id of a paper with these ids, title and year: the most trusted external key, else
   * {@code title:} and the first 16 hex digits of the SHA-256 of the normalised title (and the
   * year, when known, so that same-titled papers of different years stay apart). The same paper
   * read from the same or another source gets the same id on every run.
   *
   * @param year the publication year, or {@code null}
   */
  public static String stableId(ExternalIds ids, String title, Integer year) {
    List<String> keys = ids.keys();
    if (!keys.isEmpty()) {
      return keys.get(0);
    }
    String normal = Titles.normalize(title);
    // a title of only emoji or punctuation has an empty match key: hash the title itself
    String key =
        (normal.isEmpty() ? "raw|" + title.strip() : normal) + (year == null ? "" : "|" + year);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "title:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The abstract, when the source has one. */
  public Optional<String> abstractIfKnown() {
    return Optional.ofNullable(abstractText);
  }

  /** The publication date, when known. */
  public Optional<PartialDate> dateIfKnown() {
    return Optional.ofNullable(date);
  }

  /** The year of publication, when known. */
  public Optional<Integer> year() {
    return date == null ? Optional.empty() : Optional.ofNullable(date.year());
  }

  /** The number of authors: the count the source gives, else the number of names, if any. */
  public Optional<Integer> knownAuthorCount() {
    if (authorCount != null) {
      return Optional.of(authorCount);
    }
    return authors.isEmpty() ? Optional.empty() : Optional.of(authors.size());
  }

  /** The stable id this paper's current ids, title and year give ({@link #stableId}). */
  public String derivedId() {
    return stableId(ids, title, date == null ? null : date.year());
  }

  /** Title and abstract, as the text the similarity engine reads. */
  public String text() {
    return abstractText == null ? title : title + "\n" + abstractText;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void requireNonNegative(Integer value, String name, String id) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(name + " cannot be negative: " + value + " for " + id);
    }
  }

  /** Mutable builder; {@link #build()} computes the stable id when none was set. */
  public static final class Builder {
    private String id;
    private String title;
    private String abstractText;
    private List<String> authors = new ArrayList<>();
    private Integer authorCount;
    private String organisation;
    private PartialDate date;
    private Integer upvotes;
    private Integer citedByCount;
    private String venue;
    private ExternalIds ids = ExternalIds.NONE;
    private List<Topic> topics = new ArrayList<>();
    private List<String> references = new ArrayList<>();
    private List<Provenance> provenance = new ArrayList<>();

    private Builder() {}

    private Builder(Paper p) {
      id = p.id;
      title = p.title;
      abstractText = p.abstractText;
      authors = new ArrayList<>(p.authors);
      authorCount = p.authorCount;
      organisation = p.organisation;
      date = p.date;
      upvotes = p.upvotes;
      citedByCount = p.citedByCount;
      venue = p.venue;
      ids = p.ids;
      topics = new ArrayList<>(p.topics);
      references = new ArrayList<>(p.references);
      provenance = new ArrayList<>(p.provenance);
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder abstractText(String v) {
      abstractText = v;
      return this;
    }

    public Builder authors(List<String> v) {
      authors = new ArrayList<>(v);
      return this;
    }

    public Builder addAuthor(String v) {
      authors.add(v);
      return this;
    }

    public Builder authorCount(Integer v) {
      authorCount = v;
      return this;
    }

    public Builder organisation(String v) {
      organisation = v;
      return this;
    }

    public Builder date(PartialDate v) {
      date = v;
      return this;
    }

    public Builder upvotes(Integer v) {
      upvotes = v;
      return this;
    }

    public Builder citedByCount(Integer v) {
      citedByCount = v;
      return this;
    }

    public Builder venue(String v) {
      venue = v;
      return this;
    }

    public Builder ids(ExternalIds v) {
      ids = v == null ? ExternalIds.NONE : v;
      return this;
    }

    public Builder topics(List<Topic> v) {
      topics = new ArrayList<>(v);
      return this;
    }

    public Builder addTopic(Topic v) {
      topics.add(v);
      return this;
    }

    public Builder references(List<String> v) {
      references = new ArrayList<>(v);
      return this;
    }

    public Builder addReference(String v) {
      references.add(v);
      return this;
    }

    public Builder provenance(List<Provenance> v) {
      provenance = new ArrayList<>(v);
      return this;
    }

    public Builder addProvenance(Provenance v) {
      provenance.add(v);
      return this;
    }

    /** The title set so far, or {@code null}. */
    public String title() {
      return title;
    }

    /**
     * @throws IllegalArgumentException if the title is missing or blank, or a value is invalid
     */
    public Paper build() {
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("paper has no title");
      }
      String pid = id != null ? id : stableId(ids, title, date == null ? null : date.year());
      return new Paper(
          pid,
          title,
          abstractText,
          authors,
          authorCount,
          organisation,
          date,
          upvotes,
          citedByCount,
          venue,
          ids,
          topics,
          references,
          provenance);
    }
  }
}
