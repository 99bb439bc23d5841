package org.truce.server.testing;

/** Report bodies shared by the API tests. */
public final class SampleReports {
  private SampleReports() {}

  /** A RUS shelling report inside Idlib city, 1 June 2017, with the given narrative (JSON-safe text). */
  public static String idlib(String narrative) {
    return """
        {"reportingParty":"RUS","occurredAt":"2017-06-01T08:30:00Z","timePrecision":"exact",
         "location":{"latitude":35.9306,"longitude":36.6339,"precision":"exact"},
         "category":"shelling","allegedViolator":"NUSRA","target":"SAA",
         "killed":{"low":1,"best":2,"high":3},"injured":{"best":4},
         "narrative":"%s","sources":["Russian MoD daily bulletin"]}""".formatted(narrative);
  }
}
