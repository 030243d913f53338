package dev.papergraph.cli;

import dev.papergraph.workspace.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws the build's progress as one bar per stage on standard error, only when standard error is a
 * terminal (a pipe or a log file gets no control characters) and {@code --quiet} is not given.
 */
final class ConsoleProgress implements Progress {

  private ProgressBar bar;

  private ConsoleProgress() {}

  /** A bar renderer when the terminal wants one, else a listener that ignores everything. */
  static Progress forTerminal(boolean quiet) {
    return quiet || System.console() == null ? Progress.NONE : new ConsoleProgress();
  }

  @Override
  public void start(String stage, long total) {
    finish();
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setTaskName(String.format("%-10s", stage))
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(100);
    // the embedding stage is the long one: its bar shows the rate (papers/s) and the time left
    bar = ("embed".equals(stage) ? b.setUnit(" papers", 1).showSpeed() : b.hideEta()).build();
  }

  @Override
  public void advance(long units) {
    if (bar != null) {
      bar.stepBy(units);
    }
  }

  @Override
  public void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
