package dev.papergraph.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.apache.lucene.util.Version;

/**
 * Versions of the libraries on the class path, read from their jars: the package's {@code
 * Implementation-Version}, else the jar manifest's {@code Bundle-Version}, else the Maven {@code
 * pom.properties} the jar carries; "unknown" when none says (e.g. classes run from a folder, or a
 * shaded jar that dropped the library's manifest), never a guess.
 */
public final class LibraryVersions {

  private LibraryVersions() {}

  /** The versions of jgrapht, networkanalysis, lucene and jackson, plus the Java runtime. */
  public static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("java", System.getProperty("java.version", "unknown"));
    m.put("jgrapht", of("org.jgrapht.Graph", "org.jgrapht", "jgrapht-core"));
    m.put("networkanalysis", of("nl.cwts.networkanalysis.Network", "nl.cwts", "networkanalysis"));
    String lucene = of("org.apache.lucene.util.Version", "org.apache.lucene", "lucene-core");
    // Lucene states its own version in code, which survives shading
    m.put("lucene", lucene.equals("unknown") ? Version.LATEST.toString() : lucene);
    m.put(
        "jackson",
        of(
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core",
            "jackson-databind"));
    return m;
  }

  /** papergraph's own version (the lib jar's), or "dev" when run from classes. */
  public static String papergraph() {
    String v = LibraryVersions.class.getPackage().getImplementationVersion();
    if (v != null) return v;
    String p = pom(LibraryVersions.class, "dev.papergraph", "papergraph-lib");
    return p != null ? p : "dev";
  }

  /**
   * The version of the library holding a class.
   *
   * @param className a class of the library
   * @param group its Maven group id (for pom.properties)
   * @param artifact its Maven artifact id
   */
  public static String of(String className, String group, String artifact) {
    Class<?> c;
    try {
      c = Class.forName(className, false, LibraryVersions.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return "absent";
    }
    String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
    if (v == null) v = bundleVersion(c);
    if (v == null) v = pom(c, group, artifact);
    // Lucene appends the commit hash: keep the version
    return v == null ? "unknown" : v.strip().split("\\s+")[0];
  }

  private static String bundleVersion(Class<?> c) {
    try {
      var source = c.getProtectionDomain().getCodeSource();
      URL jar = source == null ? null : source.getLocation();
      if (jar == null || !jar.getPath().endsWith(".jar")) return null;
      try (JarInputStream in = new JarInputStream(jar.openStream())) {
        Manifest mf = in.getManifest();
        if (mf == null) return null;
        String v = mf.getMainAttributes().getValue("Implementation-Version");
        return v != null ? v : mf.getMainAttributes().getValue("Bundle-Version");
      }
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static String pom(Class<?> c, String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = c.getResourceAsStream(path)) {
      if (in == null) return null;
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }
}
