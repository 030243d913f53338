package dev.papergraph.viz;

import java.nio.file.Path;

/**
 * Draws pictures to the given files (a child JVM of {@link GraphPictureTest}, so that the
 * determinism check compares two processes, not two draws in one).
 */
public final class PictureMain {

  private PictureMain() {}

  /** Args: files to write, .png or .svg. */
  public static void main(String[] args) throws Exception {
    ViewerModel tiny = new ViewerModel(Fixtures.tiny());
    tiny.select("b");
    for (String file : args) {
      // a hand-made analysis and 1,000 synthetic papers with labels: text, halos, alpha edges,
      // placement
      GraphPicture.write(
          tiny.scene(), Path.of(file.replace(".", "-tiny.")), PictureOptions.of(800, 600), true);
      GraphPicture.write(
          Fixtures.synthetic(1000, 5),
          Path.of(file),
          PictureOptions.of(1200, 800).withTheme(Theme.DARK),
          true);
    }
  }
}
