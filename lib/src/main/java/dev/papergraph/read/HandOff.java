package dev.papergraph.read;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Provenance;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A record sink that hands what a reader finds to another sink on a thread of its own, in the order
 * found: the reader (decoding, parsing, binding records) and the sink ({@link CorpusBuilder}:
 * checking and merging them) then run at once, on two cores, with the same outcome as one after the
 * other. Made for one file; {@link #finish} waits until the sink has had everything.
 */
final class HandOff implements RecordSink {

  /** Records waiting at most (a reader that runs ahead waits). */
  private static final int CAPACITY = 1024;

  private static final Consumer<RecordSink> END = s -> {};

  private final BlockingQueue<Consumer<RecordSink>> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Future<Void> sinking;

  /** Set once the sink has thrown: the reader is then stopped with that exception. */
  private volatile boolean failed;

  /**
   * Starts handing to {@code target} on a thread of its own.
   *
   * @param threads the thread option: more than one, as one thread reads and sinks in turn
   */
  HandOff(RecordSink target, int threads) {
    sinking =
        Parallel.beside(
            threads,
            "papergraph-read",
            () -> {
              RuntimeException failure = null;
              for (Consumer<RecordSink> call; (call = take()) != END; ) {
                // after a failure the rest is dropped, until the reader stops at its next record
                if (failure == null) {
                  try {
                    call.accept(target);
                  } catch (RuntimeException e) {
                    failure = e;
                    failed = true;
                  }
                }
              }
              if (failure != null) {
                throw failure;
              }
              return null;
            });
  }

  @Override
  public void accept(Paper paper) {
    put(s -> s.accept(paper));
  }

  @Override
  public void reject(ImportIssue issue) {
    put(s -> s.reject(issue));
  }

  @Override
  public void warn(String file, String message) {
    put(s -> s.warn(file, message));
  }

  @Override
  public void supplement(String key, String abstractText, Provenance where) {
    put(s -> s.supplement(key, abstractText, where));
  }

  /**
   * Waits until the sink has had every record handed to it.
   *
   * @throws RuntimeException what the sink threw, as it threw it (then the records after the one it
   *     failed on were not given to it, as when it runs on the reader's thread)
   */
  void finish() {
    put(END);
    Parallel.await(sinking);
  }

  private void put(Consumer<RecordSink> call) {
    if (failed && call != END) {
      // the sink failed: the reader stops here, with the sink's exception
      finish();
    }
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(call);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private Consumer<RecordSink> take() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
