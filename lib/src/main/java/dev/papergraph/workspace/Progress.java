package dev.papergraph.workspace;

/**
 * Receives the progress of a workspace build, one stage at a time ({@code check} (a rebuild hashing
 * its inputs to find whether it has anything to do), {@code read}, {@code similarity}, {@code
 * embed}, {@code fusion}, {@code graph}, {@code analysis}, {@code layout}, {@code save}; see {@link
 * Pipeline} for what each counts). Calls come in the order start, advance*, finish, never two at
 * once; an advance may come from a worker thread of the stage. Implementations must be cheap. The
 * library never draws anything itself: a command line renders this as a progress bar, a test
 * ignores it.
 */
public interface Progress {

  /** A listener that ignores everything. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(String stage, long total) {}

        @Override
        public void advance(long units) {}

        @Override
        public void finish() {}
      };

  /**
   * A stage starts.
   *
   * @param stage a short name such as "read"
   * @param total the units of work in the stage (files, papers), or -1 when not known in advance
   */
  void start(String stage, long total);

  /** {@code units} more units of the current stage are done. */
  void advance(long units);

  /** The current stage is done. */
  void finish();
}
