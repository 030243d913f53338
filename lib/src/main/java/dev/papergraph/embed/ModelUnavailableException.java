package dev.papergraph.embed;

/**
 * The embedding model cannot run here (no natives for the platform, a library that fails to load).
 */
public final class ModelUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
