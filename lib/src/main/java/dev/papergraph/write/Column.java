package dev.papergraph.write;

import java.util.Objects;
import java.util.function.Function;

/**
 * One exported attribute: its name (the same in every format), its type, and how to get its value
 * for an element; a {@code null} value means "not known" and is left out of the file.
 *
 * @param <T> the element type (a paper id, an edge, or the graph)
 * @param name the attribute name, e.g. "pagerank"
 * @param type the value type; values are {@code String}, {@code Integer}, {@code Long}, {@code
 *     Double} or {@code Boolean} accordingly
 * @param value the value of an element, or {@code null}
 */
public record Column<T>(String name, AttrType type, Function<T, Object> value) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** The value for an element, or {@code null}. */
  public Object of(T element) {
    return value.apply(element);
  }
}
