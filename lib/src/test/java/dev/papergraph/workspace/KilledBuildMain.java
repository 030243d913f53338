package dev.papergraph.workspace;

import dev.papergraph.read.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Child process of {@link WorkspaceFaultTest}: builds ({@code build}) or extends ({@code add}) the
 * workspace {@code args[1]} from one seed file and, at the progress event {@code args[2]} ({@code
 * start:STAGE}, or {@code save:N} after the N-th file of the save stage), creates the file {@code
 * args[3]} and waits to be killed. The parent watches for that file, never for output, so notices
 * the JVM prints (JAVA_TOOL_OPTIONS) do not matter.
 */
public final class KilledBuildMain {

  private KilledBuildMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    String pauseAt = args[2];
    Path flag = Path.of(args[3]);
    Progress pausing =
        new Progress() {
          private String stage = "";
          private int saved;

          @Override
          public void start(String s, long total) {
            stage = s;
            if (pauseAt.equals("start:" + s)) {
              pause();
            }
          }

          @Override
          public void advance(long units) {
            if (stage.equals("save") && pauseAt.equals("save:" + ++saved)) {
              pause();
            }
          }

          @Override
          public void finish() {}

          private void pause() {
            try {
              Files.writeString(flag, "paused");
              Thread.sleep(Long.MAX_VALUE);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        };
    if (mode.equals("build")) {
      Workspace.build(dir, Seeds.sources().subList(0, 1), BuildOptions.DEFAULTS, pausing);
    } else {
      Workspace.add(dir, Seeds.sources().subList(1, 2), Optional.empty(), pausing);
    }
    System.out.println("finished without reaching " + pauseAt + ": " + List.of(args));
  }
}
