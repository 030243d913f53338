package dev.papergraph.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of this JVM's threads, grouped by thread name, read from Linux's {@code
 * /proc/self/task/TID/stat} (user + system clock ticks). A thread that ends takes its time out of
 * {@code /proc}, so a daemon thread samples every {@link #PERIOD_MS} ms and each thread keeps the
 * last time seen: a thread's last period at most is lost. Names are the kernel's (the Java name cut
 * to 15 characters), grouped with a trailing number dropped ({@code GC Thread#1} and {@code GC
 * Thread#0} are {@code GC Thread}; {@code papergraph-worker-1} is {@code papergraph-worker}). Where
 * there is no {@code /proc} the groups are empty.
 */
final class ThreadCpu {

  /**
   * How often the threads are read, in milliseconds: each reading opens every thread's file (about
   * 40 in a build), which cost the sampler ~0.5 % of the embed stage's CPU at 100 ms (10k arXiv,
   * under load); the figures it serves are per-group diagnoses, the stages' totals come from the
   * process's own CPU time.
   */
  static final long PERIOD_MS = 250;

  /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on Linux's usual builds). */
  private static final double TICKS_PER_SECOND = 100;

  private static final Path TASKS = Path.of("/proc/self/task");

  /** Per thread id: its group and its last CPU ticks. */
  private final Map<Integer, Seen> threads = new HashMap<>();

  private record Seen(String group, long ticks) {}

  private ThreadCpu() {}

  /** Starts sampling on a daemon thread ("bench-threadcpu", itself one of the groups). */
  static ThreadCpu start() {
    ThreadCpu cpu = new ThreadCpu();
    cpu.sample();
    Thread t =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                  return;
                }
                cpu.sample();
              }
            },
            "bench-threadcpu");
    t.setDaemon(true);
    t.start();
    return cpu;
  }

  /** CPU seconds per thread group so far, by group name (threads that ended included). */
  synchronized Map<String, Double> seconds() {
    sample();
    Map<String, Double> out = new TreeMap<>();
    for (Seen s : threads.values()) {
      out.merge(s.group(), s.ticks() / TICKS_PER_SECOND, Double::sum);
    }
    return out;
  }

  /** {@code now - before} per group, groups with less than 0.05 s left out. */
  static Map<String, Double> difference(Map<String, Double> now, Map<String, Double> before) {
    Map<String, Double> out = new TreeMap<>();
    now.forEach(
        (g, s) -> {
          double d = s - before.getOrDefault(g, 0.0);
          if (d >= 0.05) {
            out.put(g, Math.round(d * 100) / 100.0);
          }
        });
    return out;
  }

  private synchronized void sample() {
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended since the listing
        }
        // "tid (comm) state ppid ...": comm may hold spaces and parentheses; the fields after its
        // last ')' are numbered from 3 (state), utime and stime are fields 14 and 15
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        int tid = Integer.parseInt(stat.substring(0, open).trim());
        threads.put(tid, new Seen(group(stat.substring(open + 1, close)), ticks));
      }
    } catch (IOException | RuntimeException e) {
      // no /proc here: no groups
    }
  }

  /** A thread's group: its name less a trailing number and the separator before it. */
  static String group(String name) {
    int end = name.length();
    while (end > 0 && Character.isDigit(name.charAt(end - 1))) {
      end--;
    }
    if (end < name.length()) {
      while (end > 0 && "#-_ ".indexOf(name.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    return end == 0 ? name : name.substring(0, end);
  }
}
