package dev.papergraph.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void visitsEveryIndexExactlyOnceOnAnyThreadCount() {
    for (int threads : new int[] {1, 2, 3, 8}) {
      for (int n : new int[] {0, 1, 63, 64, 1000, 10_007}) {
        AtomicIntegerArray hits = new AtomicIntegerArray(n);
        Parallel.forEach(threads, n, hits::incrementAndGet);
        for (int i = 0; i < n; i++) {
          assertEquals(1, hits.get(i), "threads " + threads + ", n " + n + ", index " + i);
        }
      }
    }
  }

  @Test
  void usesAtMostTheGivenThreadsEachWithItsOwnScratch() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Set<Object> scratches = ConcurrentHashMap.newKeySet();
    Parallel.forEach(
        3,
        100_000,
        Object::new,
        (s, i) -> {
          threads.add(Thread.currentThread());
          scratches.add(s);
        });
    assertTrue(threads.size() <= 3, threads.size() + " threads");
    assertEquals(threads.size(), scratches.size());
  }

  @Test
  void forEachTaskSpreadsEvenAFewLargeTasksOverTheThreads() throws Exception {
    // two tasks, far below forEach's serial threshold: each waits until the other has started,
    // which only holds if they run at the same time on two threads
    CountDownLatch bothStarted = new CountDownLatch(2);
    Set<Thread> ran = ConcurrentHashMap.newKeySet();
    AtomicIntegerArray hits = new AtomicIntegerArray(2);
    Parallel.forEachTask(
        2,
        2,
        Object::new,
        (s, i) -> {
          ran.add(Thread.currentThread());
          hits.incrementAndGet(i);
          bothStarted.countDown();
          try {
            assertTrue(bothStarted.await(30, TimeUnit.SECONDS), "task " + i + " ran alone");
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    assertEquals(2, ran.size());
    assertEquals(1, hits.get(0));
    assertEquals(1, hits.get(1));
    // on one thread, the same tasks run one after the other on the caller
    Set<Thread> alone = ConcurrentHashMap.newKeySet();
    Parallel.forEachTask(1, 5, Object::new, (s, i) -> alone.add(Thread.currentThread()));
    assertEquals(Set.of(Thread.currentThread()), alone);
  }

  @Test
  void mapKeepsTaskOrder() {
    List<Integer> out = Parallel.map(4, 10, i -> i * i);
    assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81), out);
  }

  @Test
  void rethrowsTheBodysException() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forEach(
                    2,
                    10_000,
                    i -> {
                      if (i == 5000) {
                        throw new IllegalStateException("boom at " + i);
                      }
                    }));
    assertEquals("boom at 5000", e.getMessage());
  }

  @Test
  void rejectsAThreadCountBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Parallel.forEach(0, 10, i -> {}));
    assertEquals("threads must be at least 1: 0", e.getMessage());
  }

  @Test
  void besideRunsOnTheCallersThreadWhenItIsTheOnlyOne() throws Exception {
    Thread caller = Thread.currentThread();
    Future<Thread> f = Parallel.beside(1, "t", Thread::currentThread);
    assertTrue(f.isDone(), "done before beside returns");
    assertEquals(caller, f.get());
  }

  @Test
  void besideRunsOnAThreadOfItsOwnWhileTheCallerGoesOn() throws Exception {
    CountDownLatch callerWent = new CountDownLatch(1);
    Future<String> f =
        Parallel.beside(
            2,
            "papergraph-test-beside",
            () -> {
              // waits for the caller: would time out if the task ran on the caller's thread
              assertTrue(callerWent.await(60, TimeUnit.SECONDS));
              return Thread.currentThread().getName();
            });
    callerWent.countDown();
    assertEquals("papergraph-test-beside", f.get());
  }

  @Test
  void besideHandsTheTasksExceptionToItsWaiter() {
    for (int threads : new int[] {1, 2}) {
      Future<Void> f =
          Parallel.beside(
              threads,
              "t",
              () -> {
                throw new IOException("disk full");
              });
      ExecutionException e = assertThrows(ExecutionException.class, f::get);
      assertEquals("disk full", e.getCause().getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Parallel.beside(0, "t", () -> null));
  }
}
