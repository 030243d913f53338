package dev.papergraph.cli;

import dev.papergraph.workspace.Progress;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * Draws the build's progress as one bar per stage on standard error, only when standard error is a
 * terminal (a pipe or a log file gets no control characters) and {@code --quiet} is not given.
 *
 * <p>Bars redraw on a clock ({@code continuousUpdate}), so the elapsed time moves even while a
 * stage reports nothing. A stage of unknown size (total -1) shows a spinner and its elapsed time
 * instead of a "0/?" bar. Lines are at most the terminal's width less one: a line as wide as the
 * terminal wraps on some terminals, and the bar's carriage return then redraws it on a new line.
 */
final class ConsoleProgress implements Progress {

  private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

  private final int columns;
  private ProgressBar bar;

  private ConsoleProgress(int columns) {
    this.columns = columns;
  }

  /** {@link #forTerminal(boolean, int)} for a terminal of {@link Main#COLUMNS_DEFAULT} columns. */
  static Progress forTerminal(boolean quiet) {
    return forTerminal(quiet, Main.COLUMNS_DEFAULT);
  }

  /** A bar renderer when the terminal wants one, else a listener that ignores everything. */
  static Progress forTerminal(boolean quiet, int columns) {
    return quiet || System.console() == null ? Progress.NONE : new ConsoleProgress(columns);
  }

  @Override
  public void start(String stage, long total) {
    finish();
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName(String.format("%-10s", stage))
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(System.err, columns - 1))
            .setMaxRenderedLength(columns - 1)
            .setUpdateIntervalMillis(100)
            .continuousUpdate();
    if (total < 0) {
      b.setRenderer(new Spinner(stage));
    }
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

  /** "similarity ⠹ 0:12": a stage whose size is not known, with its elapsed time. */
  private record Spinner(String stage) implements ProgressBarRenderer {
    @Override
    public String render(ProgressState state, int maxLength) {
      Duration elapsed = state.getElapsedAfterStart();
      long tenths = elapsed.toMillis() / 100;
      String line =
          String.format(
              Locale.ROOT,
              "%-10s %c %d:%02d",
              stage,
              state.isAlive() ? SPINNER.charAt((int) (tenths % SPINNER.length())) : '✓',
              elapsed.toMinutes(),
              elapsed.toSecondsPart());
      return line.length() > maxLength ? line.substring(0, Math.max(0, maxLength)) : line;
    }
  }
}
