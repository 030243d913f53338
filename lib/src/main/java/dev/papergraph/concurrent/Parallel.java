package dev.papergraph.concurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The one way papergraph runs work in parallel: indices {@code 0..n-1} handed out in small blocks
 * to at most {@code threads} threads (the caller's thread is one of them), which are started for
 * the call and end with it. No shared pool and no parallel stream: the thread option is the whole
 * truth about how many cores a run uses.
 *
 * <p>One exception: {@link #beside} runs one task on a thread of its own while the caller goes on,
 * so with more than one thread a run may briefly use one thread more than the option says.
 *
 * <p>Which thread runs which index is not fixed, so callers keep results independent of it: each
 * index writes its own slot, or per-task results are combined in task order ({@link #map}).
 */
public final class Parallel {

  /**
   * Below this many indices a run stays on the calling thread: starting threads (tens of
   * microseconds each) would cost more than it saves.
   */
  public static final int SERIAL_BELOW = 64;

  /** Blocks handed out per thread, so that uneven indices still spread evenly over the threads. */
  private static final int BLOCKS_PER_THREAD = 16;

  private Parallel() {}

  /**
   * Runs {@code body(i)} for every i in {@code 0..n-1} and waits for all of them.
   *
   * @param threads at most this many threads, at least 1
   * @throws IllegalArgumentException if threads is below 1 or n negative
   * @throws RuntimeException the first exception a body threw (the others are suppressed into it)
   */
  public static void forEach(int threads, int n, IntConsumer body) {
    forEach(threads, n, () -> null, (s, i) -> body.accept(i));
  }

  /**
   * Runs {@code body(scratch, i)} for every i in {@code 0..n-1}, each thread with its own scratch
   * from {@code scratch} (made once per thread, dropped with it), and waits for all of them.
   *
   * @param threads at most this many threads, at least 1
   * @throws IllegalArgumentException if threads is below 1 or n negative
   * @throws RuntimeException the first exception a body threw (the others are suppressed into it)
   */
  public static <S> void forEach(int threads, int n, Supplier<S> scratch, ObjIntConsumer<S> body) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (n < 0) {
      throw new IllegalArgumentException("n cannot be negative: " + n);
    }
    if (n < SERIAL_BELOW) {
      threads = 1;
    }
    run(threads, n, Math.max(1, n / (threads * BLOCKS_PER_THREAD)), scratch, body);
  }

  /**
   * Runs {@code body(scratch, i)} for every i in {@code 0..n-1} as {@link #forEach(int, int,
   * Supplier, ObjIntConsumer)} does, for indices that are each a large task (a block of rows, say):
   * in parallel however few they are, one index at a time per thread.
   *
   * @param threads at most this many threads, at least 1
   * @throws IllegalArgumentException if threads is below 1 or n negative
   * @throws RuntimeException the first exception a body threw (the others are suppressed into it)
   */
  public static <S> void forEachTask(
      int threads, int n, Supplier<S> scratch, ObjIntConsumer<S> body) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (n < 0) {
      throw new IllegalArgumentException("n cannot be negative: " + n);
    }
    run(threads, n, 1, scratch, body);
  }

  /** Runs the indices in blocks of {@code block} on at most {@code threads} threads. */
  private static <S> void run(
      int threads, int n, int block, Supplier<S> scratch, ObjIntConsumer<S> body) {
    int workers = Math.min(threads, (n + block - 1) / block);
    if (workers <= 1) {
      S s = scratch.get();
      for (int i = 0; i < n; i++) {
        body.accept(s, i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work =
        () -> {
          try {
            S s = scratch.get();
            for (int from = next.getAndAdd(block);
                from < n && failure.get() == null;
                from = next.getAndAdd(block)) {
              for (int i = from, to = Math.min(n, from + block); i < to; i++) {
                body.accept(s, i);
              }
            }
          } catch (Throwable t) {
            if (!failure.compareAndSet(null, t)) {
              failure.get().addSuppressed(t);
            }
          }
        };
    List<Thread> started = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      Thread t = new Thread(work, "papergraph-worker-" + w);
      t.setDaemon(true);
      t.start();
      started.add(t);
    }
    work.run();
    boolean interrupted = false;
    for (Thread t : started) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          // the workers finish their blocks regardless; stop handing out new ones
          interrupted = true;
          failure.compareAndSet(null, e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("parallel work interrupted", t);
    }
  }

  /**
   * The results of {@code task(0..tasks-1)}, computed on at most {@code threads} threads, in task
   * order (so a caller summing them gets the same sum on any number of threads).
   *
   * @throws IllegalArgumentException if threads is below 1 or tasks negative
   * @throws RuntimeException the first exception a task threw
   */
  public static <T> List<T> map(int threads, int tasks, IntFunction<T> task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (tasks < 0) {
      throw new IllegalArgumentException("tasks cannot be negative: " + tasks);
    }
    Object[] out = new Object[tasks];
    forEachTask(threads, tasks, () -> null, (s, i) -> out[i] = task.apply(i));
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(out);
    return list;
  }

  /**
   * Starts {@code task} beside the calling thread: on a new thread of its own when {@code threads}
   * is above 1 (the caller goes on meanwhile), else at once on the calling thread, which returns
   * when it is done. Either way its result, or the exception it threw, comes from {@link
   * Future#get}; whoever starts a task waits for it before using or deleting what it writes.
   *
   * @param name the thread's name, for thread dumps and profiles
   * @throws IllegalArgumentException if threads is below 1
   */
  public static <T> Future<T> beside(int threads, String name, Callable<T> task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    FutureTask<T> future = new FutureTask<>(task);
    if (threads == 1) {
      future.run();
    } else {
      Thread t = new Thread(future, name);
      t.setDaemon(true);
      t.start();
    }
    return future;
  }

  /**
   * The result of a task started by {@link #beside}, waiting for it as long as it runs (an
   * interrupt is kept for later, as the task goes on regardless).
   *
   * @throws RuntimeException the exception the task threw, as it was when unchecked, else wrapped
   *     in an {@link IllegalStateException}
   * @throws Error the error the task threw
   */
  public static <T> T await(Future<T> task) {
    return await(task, RuntimeException.class);
  }

  /**
   * As {@link #await(Future)}, with a checked exception of the task's of type {@code thrown} thrown
   * here as it was.
   *
   * @throws X the task's exception, when of that type
   */
  public static <T, X extends Exception> T await(Future<T> task, Class<X> thrown) throws X {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (thrown.isInstance(cause)) {
        throw thrown.cast(cause);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("task beside failed", cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
