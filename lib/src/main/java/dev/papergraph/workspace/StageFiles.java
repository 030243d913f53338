package dev.papergraph.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Measure;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.layout.Layout;
import dev.papergraph.similarity.Link;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's files for the stages after reading, each in the form that loads fastest for
 * its size: similarity links as JSON Lines (one link with its explanation a line), centralities
 * and layout as tab-separated columns (one paper a row, numbers in Java's shortest round-trip
 * form, so a saved value reads back bit for bit). Every file is written with {@link
 * AtomicOutput}.
 */
final class StageFiles {

  private static final String WITHIN = "within.";

  private StageFiles() {}

  // ---- links

  /** Writes links one a line, in the given order. */
  static void writeLinks(Path file, Collection<Link> links) throws IOException {
    ObjectWriter w = Workspace.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);
    AtomicOutput.write(file, true, out -> {
      for (Link l : links) {
        out.write(w.writeValueAsBytes(l));
        out.write('\n');
      }
    });
  }

  /** Reads links written by {@link #writeLinks}. */
  static List<Link> readLinks(Path dir, Path file) throws IOException {
    List<Link> out = new ArrayList<>();
    try (BufferedReader r = reader(dir, file)) {
      long line = 0;
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        if (!text.isBlank()) {
          try {
            out.add(Workspace.JSON.readValue(text, Link.class));
          } catch (JsonProcessingException | IllegalArgumentException e) {
            throw damaged(dir, file, "line " + line + " does not parse", e);
          }
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  // ---- centralities

  /**
   * Writes the centralities as columns {@code id, pagerank, …, within.pagerank, …}, one row per
   * paper id, in the order of {@code ids}.
   */
  static void writeCentralities(Path file, List<String> ids, Centralities c) throws IOException {
    List<Measure> overall = new ArrayList<>(c.scores().keySet());
    List<Measure> within = new ArrayList<>(c.withinCommunity().keySet());
    AtomicOutput.write(file, true, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("id");
      for (Measure m : overall) w.write("\t" + m.key());
      for (Measure m : within) w.write("\t" + WITHIN + m.key());
      w.write('\n');
      for (String id : ids) {
        w.write(id);
        for (Measure m : overall) w.write("\t" + c.scores().get(m).getOrDefault(id, 0.0));
        for (Measure m : within) w.write("\t" + c.withinCommunity().get(m).getOrDefault(id, 0.0));
        w.write('\n');
      }
      w.flush();
    });
  }

  /** Reads centralities written by {@link #writeCentralities}. */
  static Centralities readCentralities(Path dir, Path file) throws IOException {
    try (BufferedReader r = reader(dir, file)) {
      String header = r.readLine();
      if (header == null || !header.startsWith("id")) {
        throw damaged(dir, file, "has no header", null);
      }
      String[] cols = header.split("\t", -1);
      List<Map<String, Double>> columns = new ArrayList<>();
      Map<Measure, Map<String, Double>> overall = new EnumMap<>(Measure.class);
      Map<Measure, Map<String, Double>> within = new EnumMap<>(Measure.class);
      for (int i = 1; i < cols.length; i++) {
        boolean in = cols[i].startsWith(WITHIN);
        String name = in ? cols[i].substring(WITHIN.length()) : cols[i];
        Measure m = Measure.byName(name).orElseThrow(() -> damaged(dir, file, "has an unknown column " + name, null));
        Map<String, Double> col = new LinkedHashMap<>();
        (in ? within : overall).put(m, col);
        columns.add(col);
      }
      long line = 1;
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        String[] f = text.split("\t", -1);
        if (f.length != cols.length) {
          throw damaged(dir, file, "line " + line + " has " + f.length + " fields, not " + cols.length, null);
        }
        try {
          for (int i = 1; i < f.length; i++) {
            columns.get(i - 1).put(f[0], Double.parseDouble(f[i]));
          }
        } catch (NumberFormatException e) {
          throw damaged(dir, file, "line " + line + " has a value that is not a number", e);
        }
      }
      return new Centralities(overall, within);
    }
  }

  // ---- layout

  /** Writes positions as columns {@code id, x, y}, in the order of {@code ids}. */
  static void writeLayout(Path file, List<String> ids, Layout layout) throws IOException {
    AtomicOutput.write(file, true, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("id\tx\ty\n");
      for (String id : ids) {
        Layout.Point p = layout.positions().get(id);
        if (p != null) {
          w.write(id + "\t" + p.x() + "\t" + p.y() + "\n");
        }
      }
      w.flush();
    });
  }

  /** Reads positions written by {@link #writeLayout}. */
  static Layout readLayout(Path dir, Path file) throws IOException {
    Map<String, Layout.Point> positions = new LinkedHashMap<>();
    try (BufferedReader r = reader(dir, file)) {
      r.readLine();
      long line = 1;
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        String[] f = text.split("\t", -1);
        try {
          positions.put(f[0], new Layout.Point(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        } catch (RuntimeException e) {
          throw damaged(dir, file, "line " + line + " is not id, x, y", e);
        }
      }
    }
    return new Layout(positions);
  }

  // ---- helpers

  private static BufferedReader reader(Path dir, Path file) throws IOException {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw damaged(dir, file, "is missing", e);
    }
  }

  static WorkspaceException damaged(Path dir, Path file, String what, Throwable cause) {
    return new WorkspaceException(dir, "damaged workspace: " + file.getFileName() + " " + what,
        "rebuild it with `papergraph build`", cause);
  }
}
