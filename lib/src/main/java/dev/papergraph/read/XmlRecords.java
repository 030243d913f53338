package dev.papergraph.read;

import dev.papergraph.model.Paper;
import dev.papergraph.model.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The record streams of XML formats: StAX reads the document and each record element (e.g. {@code
 * PubmedArticle}) is collected into a small {@link Node} tree, mapped and dropped, so memory stays
 * bounded by the largest record. DTDs and external entities are never loaded.
 *
 * <p>An XML error stops the parser (XML cannot be resynchronised): the records before it are kept,
 * and the error is rejected as one issue with its line.
 */
final class XmlRecords {

  /** Maps one record element to a paper. */
  @FunctionalInterface
  interface Mapper {
    Paper map(Node record, Provenance where) throws RecordException;
  }

  /** An element: name (local), attributes, child elements and its own text. */
  static final class Node {
    final String name;
    final Map<String, String> attributes;
    final List<Node> children = new ArrayList<>();

    /** Text and children in document order: a String or a Node each. */
    final List<Object> content = new ArrayList<>();

    Node(String name, Map<String, String> attributes) {
      this.name = name;
      this.attributes = attributes;
    }

    /** The attribute's value, or {@code null}. */
    String attr(String key) {
      return attributes.get(key);
    }

    /** The first child with this name. */
    Optional<Node> child(String childName) {
      for (Node c : children) {
        if (c.name.equals(childName)) return Optional.of(c);
      }
      return Optional.empty();
    }

    /** The first node at this path of child names. */
    Optional<Node> at(String... path) {
      Optional<Node> n = Optional.of(this);
      for (String p : path) {
        n = n.flatMap(x -> x.child(p));
      }
      return n;
    }

    /** Every child with this name. */
    List<Node> all(String childName) {
      List<Node> out = new ArrayList<>();
      for (Node c : children) {
        if (c.name.equals(childName)) out.add(c);
      }
      return out;
    }

    /** Every descendant with this name, in document order. */
    List<Node> descendants(String descendantName) {
      List<Node> out = new ArrayList<>();
      collect(descendantName, out);
      return out;
    }

    private void collect(String n, List<Node> out) {
      for (Node c : children) {
        if (c.name.equals(n)) out.add(c);
        c.collect(n, out);
      }
    }

    /** All text inside, white space collapsed; block-level children are separated by a space. */
    String text() {
      StringBuilder b = new StringBuilder();
      appendText(b);
      return b.toString().replaceAll("\\s+", " ").strip();
    }

    /** {@link #text()} or {@code null} when blank. */
    String textOrNull() {
      String t = text();
      return t.isEmpty() ? null : t;
    }

    private void appendText(StringBuilder b) {
      for (Object o : content) {
        if (o instanceof String s) {
          b.append(s);
        } else {
          Node n = (Node) o;
          boolean block = BLOCK.contains(n.name);
          if (block) b.append(' ');
          n.appendText(b);
          if (block) b.append(' ');
        }
      }
    }

    private static final Set<String> BLOCK =
        Set.of("p", "sec", "title", "AbstractText", "list-item", "td", "th");
  }

  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    // an entity no DTD declares (none is loaded) is reported as an event, so that it costs its
    // record only instead of stopping the parser (the JDK's parser stops when coalescing; text
    // pieces are joined by Node.text() anyway)
    FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
    FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
  }

  private final Set<String> recordElements;
  private final Set<String> skipped;
  private final Mapper mapper;

  /**
   * @param recordElements local names of the elements that are records
   * @param skipped local names of subtrees inside a record that are never needed (full text)
   */
  XmlRecords(Set<String> recordElements, Set<String> skipped, Mapper mapper) {
    this.recordElements = Set.copyOf(recordElements);
    this.skipped = Set.copyOf(skipped);
    this.mapper = mapper;
  }

  /**
   * Reads every record element of the source.
   *
   * @throws CorpusFormatException if the document holds none of the record elements and is not
   *     empty (the input is some other XML)
   */
  void read(InputSource source, RecordSink sink, String formatName) throws IOException {
    String file = source.name();
    long record = 0;
    String root = null;
    try (InputStream in = source.open()) {
      XMLStreamReader r = FACTORY.createXMLStreamReader(in);
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          if (root == null) {
            root = r.getLocalName();
          }
          if (recordElements.contains(r.getLocalName())) {
            record++;
            long line = r.getLocation().getLineNumber();
            String[] problem = {null};
            Node node = subtree(r, problem);
            try {
              if (problem[0] != null) {
                throw new RecordException(problem[0]);
              }
              sink.accept(mapper.map(node, new Provenance(file, Math.max(line, 0), record)));
            } catch (RecordException e) {
              sink.reject(
                  new ImportIssue(
                      file, Math.max(line, 0), record, "record " + record + ": " + e.reason()));
            } catch (IllegalArgumentException e) {
              sink.reject(
                  new ImportIssue(
                      file, Math.max(line, 0), record, "record " + record + ": " + e.getMessage()));
            }
          }
        }
      } catch (MissingResourceException e) {
        // the JDK's StAX parser fails to format its own message for some malformed DTDs
        // ("InvalidCharInDTD") and throws this instead of an XMLStreamException: the input is not
        // well-formed XML all the same
        throw new XMLStreamException("malformed XML (" + e.getKey() + ")", r.getLocation(), e);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      if (root == null && record == 0) {
        throw new CorpusFormatException(
            file,
            "not "
                + formatName
                + ": not well-formed XML ("
                + JsonRecords.oneLine(e.getMessage())
                + ")",
            e);
      }
      long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      record++;
      sink.reject(
          new ImportIssue(
              file,
              line,
              record,
              "XML error: " + xmlReason(e) + "; the rest of this file could not be read"));
      return;
    }
    if (record == 0) {
      if (root == null) {
        sink.warn(file, "empty file: no records");
      } else {
        throw new CorpusFormatException(
            file,
            "not "
                + formatName
                + ": the document <"
                + root
                + "> has no "
                + String.join("/", new TreeSet<>(recordElements))
                + " records");
      }
    }
  }

  private static String xmlReason(XMLStreamException e) {
    String m = JsonRecords.oneLine(e.getMessage());
    // the JDK prefixes "ParseError at [row,col]:[12,5]\nMessage: "
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + 9) : m;
  }

  /**
   * Reads the element the reader is on, with everything inside, leaving the reader on its end. A
   * record that cannot be mapped (an undeclared entity, elements nested deeper than {@link
   * Limits#MAX_NESTING}, more than {@link Limits#MAX_RECORD_CHARS} of text) is still read to its
   * end, with the first problem put in {@code problem[0]}.
   */
  private Node subtree(XMLStreamReader r, String[] problem) throws XMLStreamException {
    Node top = new Node(r.getLocalName(), attributes(r));
    List<Node> stack = new ArrayList<>();
    stack.add(top);
    long chars = 0;
    while (!stack.isEmpty()) {
      int event = r.next();
      Node current = stack.get(stack.size() - 1);
      if (problem[0] != null) {
        // only find the record's end
        if (event == XMLStreamConstants.START_ELEMENT) {
          skip(r);
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          stack.remove(stack.size() - 1);
        }
        continue;
      }
      switch (event) {
        case XMLStreamConstants.ENTITY_REFERENCE ->
            problem[0] = "undeclared entity &" + r.getLocalName() + "; (no DTD is read)";
        case XMLStreamConstants.START_ELEMENT -> {
          if (skipped.contains(r.getLocalName())) {
            skip(r);
          } else if (stack.size() >= Limits.MAX_NESTING) {
            problem[0] = "elements nested deeper than " + Limits.MAX_NESTING;
            skip(r);
          } else {
            Node child = new Node(r.getLocalName(), attributes(r));
            current.children.add(child);
            current.content.add(child);
            stack.add(child);
          }
        }
        case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          chars += r.getTextLength();
          if (chars > Limits.MAX_RECORD_CHARS) {
            problem[0] = "record is over " + Limits.MAX_RECORD_CHARS + " characters of text";
          } else {
            current.content.add(r.getText());
          }
        }
        default -> {}
      }
    }
    return top;
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) depth++;
      else if (e == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }

  private static Map<String, String> attributes(XMLStreamReader r) {
    if (r.getAttributeCount() == 0) {
      return Map.of();
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      m.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    return m;
  }
}
