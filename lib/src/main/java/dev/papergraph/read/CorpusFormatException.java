package dev.papergraph.read;

import java.io.IOException;

/**
 * An input that cannot be read at all in the requested or detected format (a user mistake, not a
 * bug): the message names the file and the reason, ready to print as one line.
 */
public class CorpusFormatException extends IOException {

  private final String file;

  public CorpusFormatException(String file, String reason) {
    super(file + ": " + reason);
    this.file = file;
  }

  public CorpusFormatException(String file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  /** The file the problem is in. */
  public String file() {
    return file;
  }
}
