package dev.papergraph.embed;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Unpacks ONNX Runtime's native libraries once into a stable cache folder and points ONNX Runtime
 * at it ({@code onnxruntime.native.path}), instead of its default of a new {@code
 * /tmp/onnxruntime-java*} folder at every JVM start. The folder is {@code
 * $XDG_CACHE_HOME/papergraph/onnxruntime-VERSION/PLATFORM} (or {@code ~/.cache/…}); each library is
 * written to a temporary name and moved into place, so concurrent first runs are safe.
 */
public final class OrtNatives {

  /** The ONNX Runtime version whose natives are shipped (the Maven artifact's). */
  static final String ORT_VERSION = "1.23.2";

  private static final List<String> LIBS = List.of("onnxruntime", "onnxruntime4j_jni");

  private OrtNatives() {}

  /**
   * Makes sure the natives of this platform are unpacked and sets {@code onnxruntime.native.path},
   * unless the user set it. Call before the first use of ONNX Runtime.
   *
   * @return the folder used
   * @throws IOException if the cache folder cannot be written, or this platform has no natives
   */
  public static synchronized Path prepare() throws IOException {
    String set = System.getProperty("onnxruntime.native.path");
    if (set != null) {
      return Path.of(set);
    }
    String platform = platform();
    Path dir = cacheRoot().resolve("onnxruntime-" + ORT_VERSION).resolve(platform);
    Files.createDirectories(dir);
    for (String lib : LIBS) {
      String file = System.mapLibraryName(lib);
      Path target = dir.resolve(file);
      String resource = "/ai/onnxruntime/native/" + platform + "/" + file;
      try (InputStream in = OrtNatives.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("ONNX Runtime has no native library for " + platform);
        }
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
          continue;
        }
        Path tmp = Files.createTempFile(dir, file, ".part");
        try {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }
    System.setProperty("onnxruntime.native.path", dir.toString());
    return dir;
  }

  /**
   * Removes the empty {@code /tmp/onnxruntime-java*} folder ONNX Runtime creates at every start
   * even when {@code onnxruntime.native.path} is set (it only asks the JVM to delete it at exit,
   * which a halted JVM never does). Call after ONNX Runtime has loaded; a folder that is not empty
   * is left.
   */
  static void removeOrtTempFolder() {
    try {
      Field f = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
      f.setAccessible(true);
      Object dir = f.get(null);
      if (dir instanceof Path p) {
        Files.deleteIfExists(p);
      }
    } catch (ReflectiveOperationException | RuntimeException | IOException e) {
      // another ONNX Runtime version or a folder in use: leave it to the JVM's exit hook
    }
  }

  /**
   * papergraph's cache folder: {@code $XDG_CACHE_HOME/papergraph} or {@code ~/.cache/papergraph}.
   */
  public static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("papergraph");
  }

  /** ONNX Runtime's name of this platform, e.g. "linux-x64". */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o =
        os.contains("linux")
            ? "linux"
            : os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : os;
    String a =
        arch.equals("amd64") || arch.equals("x86_64")
            ? "x64"
            : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
    return o + "-" + a;
  }
}
