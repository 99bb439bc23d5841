package org.truce.server.bulletin.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Marks runs of Arabic script in the print document with {@code <span class="arabic-script">}, so
 * the PDF sets them in Noto Naskh Arabic even inside English, Russian or Turkish text (DejaVu Sans,
 * the Latin and Cyrillic font, has Arabic letters of its own and would otherwise be picked first).
 * A run spans the spaces and marks between Arabic words, so a place name of several words stays in
 * one font and is shaped as one piece.
 *
 * <p>It also drops the optional Arabic vowel marks (harakat: tanwin, shadda, short vowels, sukun,
 * superscript alef) from the runs. The PDF renderer shapes Arabic with presentation forms but does
 * not position combining marks, so a mark would be drawn as a detached glyph beside its letter;
 * unvocalised text, as Arabic is usually printed, reads correctly. The HTML page keeps them.
 */
final class ArabicScriptRuns {
  static final String CLASS = "arabic-script";
  /**
   * Arabic letters and presentation forms, the Arabic comma, semicolon, question mark and tatweel,
   * and the vowel marks (whose Unicode script is "inherited", not Arabic).
   */
  private static final String ARABIC = "\\p{IsArabic}\\u060C\\u061B\\u061F\\u0640\\u064B-\\u065F\\u0670";
  private static final Pattern RUN = Pattern.compile("[" + ARABIC + "](?:[" + ARABIC + "\\s]*[" + ARABIC + "])?");
  /** Elements whose text is not laid out as running text, or is set in a font of its own. */
  private static final Pattern HARAKAT = Pattern.compile("[\\u064B-\\u065F\\u0670]");
  private static final Set<String> SKIP = Set.of("head", "style", "title", "pre", "script");

  private ArabicScriptRuns() {}

  /** Wraps every Arabic run of the document's text in a marked span. */
  static void mark(Document document) {
    List<Text> texts = new ArrayList<>();
    collect(document.getDocumentElement(), texts);
    texts.forEach(t -> wrap(document, t));
  }

  private static void collect(Node node, List<Text> into) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Text text && child.getNodeType() == Node.TEXT_NODE) {
        into.add(text);
      } else if (child instanceof Element e && !SKIP.contains(localName(e)) && !e.getAttribute("class").equals(CLASS)) {
        collect(child, into);
      }
    }
  }

  private static void wrap(Document document, Text text) {
    String s = text.getData();
    Matcher m = RUN.matcher(s);
    if (!m.find()) {
      return;
    }
    Node parent = text.getParentNode();
    int last = 0;
    do {
      if (m.start() > last) {
        parent.insertBefore(document.createTextNode(s.substring(last, m.start())), text);
      }
      Element span = document.createElementNS(parent.getNamespaceURI(), "span");
      span.setAttribute("class", CLASS);
      span.appendChild(document.createTextNode(HARAKAT.matcher(m.group()).replaceAll("")));
      parent.insertBefore(span, text);
      last = m.end();
    } while (m.find());
    if (last < s.length()) {
      parent.insertBefore(document.createTextNode(s.substring(last)), text);
    }
    parent.removeChild(text);
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
  }
}
