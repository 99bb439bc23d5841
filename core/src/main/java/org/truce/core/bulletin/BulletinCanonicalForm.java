package org.truce.core.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The canonical bytes of a bulletin's content and the statement the log signs when it is
 * published. Content: compact UTF-8 JSON, members in alphabetical order, times as ISO-8601 text,
 * so anyone can re-serialise the content served by the API and get the same SHA-256. Statement:
 * a few lines naming the day, the edition, the edition it corrects and that hash; its SHA-256 is
 * the content hash of the bulletin's ledger leaf.
 */
public final class BulletinCanonicalForm {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private BulletinCanonicalForm() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String json(BulletinContent content) {
    try {
      return MAPPER.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bulletin content does not serialise", e);
    }
  }

  public static BulletinContent parse(String json) {
    try {
      return MAPPER.readValue(json, BulletinContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored bulletin content does not parse", e);
    }
  }

  public static String sha256Hex(String canonicalJson) {
    return HexFormat.of().formatHex(sha256(canonicalJson.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The text the log signs for a published edition ({@code corrects} is 0 for a first edition),
   * ending with a newline as a signed note's text must.
   */
  public static String statement(String origin, LocalDate day, int edition, int corrects, String contentSha256) {
    return "truce bulletin v" + VERSION + "\n"
        + "origin " + origin + "\n"
        + "day " + day + "\n"
        + "edition " + edition + "\n"
        + "corrects " + corrects + "\n"
        + "content-sha256 " + contentSha256 + "\n";
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
