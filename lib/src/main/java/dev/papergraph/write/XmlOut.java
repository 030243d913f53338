package dev.papergraph.write;

import dev.papergraph.io.Escaping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A minimal streaming XML 1.0 writer (UTF-8) with complete escaping, used by the GraphML and GEXF
 * writers instead of {@code javax.xml.stream}: the JDK's {@code XMLStreamWriter} writes characters
 * that XML 1.0 forbids (most C0 controls) as they are, producing files no parser accepts, and it
 * does not escape tab, CR and LF in attribute values, which attribute-value normalisation then
 * turns into spaces (and a lone CR in text into LF), so abstracts would not survive a round trip.
 *
 * <p>Text policy, applied to every attribute value and text node: characters illegal in XML 1.0
 * (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF) are removed; an unpaired surrogate
 * becomes U+FFFD; {@code & < > "} are escaped as entities; TAB, LF and CR are written as character
 * references, so they read back exactly.
 */
final class XmlOut implements AutoCloseable {

  private final Writer out;
  private boolean openTag;
  private boolean wroteText;
  private int depth;
  private final ArrayDeque<String> open = new ArrayDeque<>();

  XmlOut(OutputStream stream) throws IOException {
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  /** The text with the characters XML 1.0 forbids removed (unpaired surrogates become U+FFFD). */
  static String clean(String s) {
    return Escaping.rewrite(
        s,
        (t, i) -> {
          char c = t.charAt(i);
          if (Escaping.unpairedSurrogate(t, i)) {
            return "\uFFFD";
          }
          return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
              ? ""
              : null;
        });
  }

  private void escape(String raw, boolean attribute) throws IOException {
    String s = clean(raw);
    int run = 0; // start of the pending run of characters written as they are
    for (int i = 0; i < s.length(); i++) {
      String entity =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> attribute ? "&quot;" : null;
            case '\t' -> attribute ? "&#9;" : null;
            case '\n' -> attribute ? "&#10;" : null;
            case '\r' -> "&#13;";
            default -> null;
          };
      if (entity != null) {
        out.write(s, run, i - run);
        out.write(entity);
        run = i + 1;
      }
    }
    out.write(s, run, s.length() - run);
  }

  private void closeOpenTag() throws IOException {
    if (openTag) {
      out.write('>');
      openTag = false;
    }
  }

  private void indent() throws IOException {
    out.write('\n');
    for (int i = 0; i < depth; i++) {
      out.write("  ");
    }
  }

  /** Opens an element; attributes may follow until content or the end is written. */
  XmlOut start(String name) throws IOException {
    closeOpenTag();
    wroteText = false;
    indent();
    out.write('<');
    out.write(name);
    openTag = true;
    open.push(name);
    depth++;
    return this;
  }

  /** An attribute of the element just opened; a {@code null} value writes nothing. */
  XmlOut attr(String name, Object value) throws IOException {
    if (!openTag) {
      throw new IllegalStateException("attribute " + name + " outside a start tag");
    }
    if (value != null) {
      out.write(' ');
      out.write(name);
      out.write("=\"");
      escape(String.valueOf(value), true);
      out.write('"');
    }
    return this;
  }

  /** Text content of the current element. */
  XmlOut text(String value) throws IOException {
    closeOpenTag();
    escape(value, false);
    wroteText = true;
    return this;
  }

  /** A whole element with text content. */
  XmlOut element(String name, String text) throws IOException {
    return start(name).text(text).end();
  }

  /** Closes the current element. */
  XmlOut end() throws IOException {
    depth--;
    String name = open.pop();
    if (openTag) {
      out.write("/>");
      openTag = false;
    } else if (wroteText) {
      // no indentation inside an element with text: it would become part of the text
      out.write("</");
      out.write(name);
      out.write('>');
    } else {
      indent();
      out.write("</");
      out.write(name);
      out.write('>');
    }
    wroteText = false;
    return this;
  }

  /** Ends the document and flushes; the stream stays open (it belongs to the caller). */
  @Override
  public void close() throws IOException {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    out.write('\n');
    out.flush();
  }
}
