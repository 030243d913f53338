package dev.papergraph.fetch;

import java.io.IOException;

/**
 * A fetch that cannot go on: the API is unreachable, refuses the request, or keeps failing after
 * the retries. The message is one line a user can act on ("cannot reach https://api.openalex.org:
 * connection refused"); the responses received before it are kept in the cache, so running the same
 * fetch again continues from there.
 */
public class FetchException extends IOException {

  private static final long serialVersionUID = 1L;

  /** A fetch failure described by one line. */
  public FetchException(String message) {
    super(message);
  }

  /** A fetch failure described by one line, with the exception that caused it. */
  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The API has no work under the id asked for (HTTP 404). */
  public static final class NotFound extends FetchException {

    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }
}
