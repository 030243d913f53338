package dev.papergraph.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the user's word lists: a stop list ({@code --stop-words}) and a thesaurus ({@code
 * --thesaurus}).
 */
public final class WordLists {

  private WordLists() {}

  /**
   * A stop list: one word a line, blank lines and lines starting with {@code #} ignored.
   *
   * @throws IOException if the file cannot be read (the message names it)
   */
  public static List<String> readStopWords(Path file) throws IOException {
    List<String> words = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          words.add(line.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  /**
   * A thesaurus in VOSviewer's format: tab-separated {@code label} and {@code replace by} columns,
   * a header line {@code label<TAB>replace by} optional; an empty replacement drops the term.
   * Labels are compared in lower case; the last line for a label wins.
   *
   * @throws IOException if the file cannot be read, or a line has no tab (the message names the
   *     file and the line)
   */
  public static SortedMap<String, String> readThesaurus(Path file) throws IOException {
    SortedMap<String, String> map = new TreeMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IOException(
              file + " line " + lineNo + ": expected 'label<TAB>replace by', found no tab");
        }
        String label = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
        String replacement = line.substring(tab + 1).strip().toLowerCase(Locale.ROOT);
        if (lineNo == 1 && label.equals("label") && replacement.startsWith("replace")) {
          continue;
        }
        if (label.isEmpty()) {
          throw new IOException(file + " line " + lineNo + ": empty label");
        }
        map.put(label, replacement);
      }
    }
    return map;
  }
}
