package org.truce.server.bulletin;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.truce.core.bulletin.BulletinCanonicalForm;
import org.truce.core.bulletin.BulletinContent;
import org.truce.store.bulletin.BulletinRow;

/**
 * The Atom feed (RFC 4287) of published bulletin editions, newest first, so parties' systems can
 * poll for them: each entry links the page, the JSON and the PDF in each language, says which
 * edition it corrects, and carries the log's signed statement.
 */
final class BulletinAtomFeed {
  static final String MEDIA_TYPE = "application/atom+xml";
  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private BulletinAtomFeed() {}

  static String render(String baseUrl, String origin, List<BulletinRow> published) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(ATOM);
      text(x, "id", baseUrl + "/api/v1/bulletins.atom");
      text(x, "title", "Truce daily bulletins (" + origin + ")");
      text(x, "updated", (published.isEmpty() ? Instant.EPOCH : published.get(0).publishedAt()).toString());
      x.writeStartElement("author");
      text(x, "name", origin);
      x.writeEndElement();
      link(x, "self", baseUrl + "/api/v1/bulletins.atom", MEDIA_TYPE, null);
      link(x, "alternate", baseUrl + "/portal", "text/html", null);
      for (BulletinRow row : published) {
        entry(x, baseUrl, row);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the bulletin feed", e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter x, String baseUrl, BulletinRow row) throws XMLStreamException {
    BulletinContent c = BulletinCanonicalForm.parse(row.content());
    String page = baseUrl + "/bulletins/" + row.day() + "?edition=" + row.edition();
    x.writeStartElement("entry");
    text(x, "id", "urn:uuid:" + row.id());
    text(x, "title", "Daily bulletin " + row.day() + (row.edition() > 1 ? ", edition " + row.edition() : ""));
    text(x, "updated", row.publishedAt().toString());
    text(x, "published", row.publishedAt().toString());
    link(x, "alternate", page, "text/html", null);
    link(x, "alternate", baseUrl + "/api/v1/bulletins/" + row.day() + "?edition=" + row.edition(),
        "application/json", null);
    for (String lang : BulletinJson.LANGUAGES) {
      link(x, "enclosure", baseUrl + "/api/v1/bulletins/" + row.day() + ".pdf?lang=" + lang + "&edition="
          + row.edition(), "application/pdf", lang);
    }
    if (row.correctsEdition() != null) {
      link(x, "related", baseUrl + "/bulletins/" + row.day() + "?edition=" + row.correctsEdition(), "text/html", null);
    }
    String parties = c.parties().stream().map(p -> p.party() + " " + p.reports()).collect(Collectors.joining(", "));
    String summary = c.totalReports() + " violations registered (" + parties + "); " + c.totalIncidents() + " incidents."
        + (row.correctsEdition() == null ? "" : " Corrects edition " + row.correctsEdition() + ": "
            + row.correctionReason());
    text(x, "summary", summary);
    x.writeStartElement("content");
    x.writeAttribute("type", "text");
    x.writeCharacters(row.signedNote());
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type, String lang)
      throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("href", href);
    x.writeAttribute("type", type);
    if (lang != null) {
      x.writeAttribute("hreflang", lang);
    }
  }
}
