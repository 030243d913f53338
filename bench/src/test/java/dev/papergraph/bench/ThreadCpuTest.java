package dev.papergraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bench's per-thread CPU figures agree with the JVM's own and outlive their threads. */
class ThreadCpuTest {

  @Test
  void groupsDropTheThreadsNumber() {
    assertEquals("GC Thread", ThreadCpu.group("GC Thread#1"));
    assertEquals("papergraph-worker", ThreadCpu.group("papergraph-worker-12"));
    assertEquals("C2 CompilerThre", ThreadCpu.group("C2 CompilerThre"));
    assertEquals("G1 Conc", ThreadCpu.group("G1 Conc#0"));
    assertEquals("java", ThreadCpu.group("java"));
    assertEquals("42", ThreadCpu.group("42"));
  }

  @Test
  void countsAThreadsCpuAsTheJvmDoesAndKeepsItAfterTheThreadEnds() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    ThreadCpu cpu = ThreadCpu.start();
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    AtomicLong jvmNanos = new AtomicLong();
    Thread t =
        new Thread(
            () -> {
              long sink = 0;
              while (mx.getCurrentThreadCpuTime() < 300_000_000L) {
                for (int i = 0; i < 100_000; i++) {
                  sink += i * 31L ^ sink;
                }
              }
              jvmNanos.set(mx.getCurrentThreadCpuTime() + (sink & 1));
              busy.countDown();
              try {
                end.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "cputest-7");
    t.start();
    busy.await();
    double seen = cpu.seconds().get("cputest");
    // /proc counts 10 ms ticks
    assertEquals(jvmNanos.get() / 1e9, seen, 0.05);
    end.countDown();
    t.join();
    assertEquals(seen, cpu.seconds().get("cputest"), 0.02);
  }
}
