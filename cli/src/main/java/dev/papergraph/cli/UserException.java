package dev.papergraph.cli;

import java.util.List;

/**
 * A mistake the user can fix (an unknown or ambiguous paper, an input that matches no file): the
 * message is the one line printed, naming the thing and what to do; {@code details} are printed
 * under it (e.g. the candidate papers).
 */
final class UserException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> details;

  UserException(String message) {
    this(message, List.of());
  }

  UserException(String message, List<String> details) {
    super(message);
    this.details = List.copyOf(details);
  }

  /** Lines printed under the message, indented. */
  List<String> details() {
    return details;
  }
}
