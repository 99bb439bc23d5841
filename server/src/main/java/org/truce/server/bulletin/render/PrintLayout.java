package org.truce.server.bulletin.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Changes the print document needs before the PDF renderer lays it out, for what the renderer
 * does not do by itself: a localized page footer, and tables in right-to-left order.
 */
final class PrintLayout {
  private PrintLayout() {}

  /**
   * Adds the page footer, e.g. "Page 1 of 3", as the content of the page's bottom margin box. A
   * running element would carry more (the day, the edition), but the renderer shifts one out of
   * the page in right-to-left documents and reorders mixed Arabic and Latin margin text wrongly;
   * words of one language around the two page counters come out right in all four. The localized
   * words go into CSS strings here, escaped for CSS.
   */
  static void addFooter(Document document, BulletinView view) {
    // The space after the label is a string of its own: at the end of the label's string the
    // renderer drops it in right-to-left text.
    String css = "@page { @bottom-center { content: " + cssString(view.t("pdf.page")) + " \" \" counter(page) "
        + cssString(" " + view.t("pdf.of") + " ") + " counter(pages); font-family: "
        + (view.texts().rtl() ? "'Noto Naskh Arabic', 'DejaVu Sans'" : "'DejaVu Sans', 'Noto Naskh Arabic'")
        + "; font-size: 7.5pt; color: #5b6776; } }";
    Element head = (Element) document.getElementsByTagNameNS("*", "head").item(0);
    if (head == null) {
      head = (Element) document.getElementsByTagName("head").item(0);
    }
    Element style = document.createElementNS(head.getNamespaceURI(), "style");
    style.appendChild(document.createTextNode(css));
    head.appendChild(style);
  }

  /**
   * Reverses the cells of every table row, so the first column stands at the right as a
   * right-to-left reader expects: the renderer lays table columns out left to right whatever the
   * direction. Cells keep their own right-to-left text direction (set in the print stylesheet).
   */
  static void mirrorTables(Document document) {
    NodeList rows = document.getElementsByTagNameNS("*", "tr");
    if (rows.getLength() == 0) {
      rows = document.getElementsByTagName("tr");
    }
    for (int i = 0; i < rows.getLength(); i++) {
      Node row = rows.item(i);
      List<Node> cells = new ArrayList<>();
      for (Node child = row.getFirstChild(); child != null; child = child.getNextSibling()) {
        cells.add(child);
      }
      Collections.reverse(cells);
      cells.forEach(row::removeChild);
      cells.forEach(row::appendChild);
    }
  }

  /** A CSS string literal of {@code text}: quoted, with quotes, backslashes and line breaks escaped. */
  static String cssString(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\A ");
        case '\r' -> { }
        default -> s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
