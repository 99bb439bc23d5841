package org.truce.core.interop.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  private static List<List<String>> read(String text) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text))) {
      for (List<String> rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  @Test
  void readsQuotedMultilineFieldsAndEveryLineEnding() throws IOException {
    assertThat(read("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\r\nz\",3\n\n4,,\"\"\r5,6,7"))
        .containsExactly(List.of("a", "b", "c"), List.of("1", "x, \"y\"\r\nz", "3"), List.of("4", "", ""),
            List.of("5", "6", "7"));
  }

  @Test
  void tracksTheLineEachRecordStartsOn() throws IOException {
    try (CsvReader r = new CsvReader(new StringReader("h\n\"a\nb\"\nc\n"))) {
      r.next();
      r.next();
      assertThat(r.recordLine()).isEqualTo(2);
      r.next();
      assertThat(r.recordLine()).isEqualTo(4);
      assertThat(r.records()).isEqualTo(3);
    }
  }

  @Test
  void refusesAQuoteThatNeverCloses() {
    assertThatThrownBy(() -> read("a\n\"open\n")).isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void neutralisesFormulasAndQuotesWhatNeedsIt() throws IOException {
    StringWriter w = new StringWriter();
    CsvWriter csv = new CsvWriter(w);
    csv.text("=HYPERLINK(\"http://x\",\"y\")").text("+cmd").text("-1").text("@SUM(A1)").text("\tx").text("ok, Идлиб")
        .number(-36.5);
    csv.endRecord();
    assertThat(w.toString()).isEqualTo(
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+cmd,'-1,'@SUM(A1),'\tx,\"ok, Идлиб\",-36.5\r\n");
    assertThat(CsvWriter.restore("'=1+1")).isEqualTo("=1+1");
    assertThat(CsvWriter.restore("'quoted")).isEqualTo("'quoted");
  }
}
