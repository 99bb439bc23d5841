package org.truce.server.trends;

import org.truce.core.party.Party;
import org.truce.core.report.Category;
import org.truce.core.zone.Zone;
import org.truce.server.reference.ReferenceData;
import org.truce.store.trends.Dimension;

/**
 * What a series is called: a party's or zone's name from the reference data, a category's label in
 * the page's language, a governorate as recorded, and the "none" series in words.
 */
public final class SeriesLabels {
  private final ReferenceData references;
  private final Messages messages;

  public SeriesLabels(ReferenceData references, Messages messages) {
    this.references = references;
    this.messages = messages;
  }

  public String label(Dimension by, String key) {
    if (Dimension.NONE.equals(key) && (by == Dimension.ZONE || by == Dimension.GOVERNORATE)) {
      return messages.get("none." + by.code());
    }
    return switch (by) {
      case PARTY -> references.party(key).map(Party::name).orElse(key);
      case ZONE -> references.zones().stream().filter(z -> z.code().equals(key)).findFirst().map(Zone::name)
          .orElse(key);
      case CATEGORY -> messages.has("category." + key) ? messages.get("category." + key)
          : Category.fromCode(key).map(Category::label).orElse(key);
      case GOVERNORATE -> key;
    };
  }
}
