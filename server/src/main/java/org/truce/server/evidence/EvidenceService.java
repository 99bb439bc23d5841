package org.truce.server.evidence;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.incident.EvidenceKind;
import org.truce.core.incident.FileType;
import org.truce.core.incident.IncidentStatus;
import org.truce.core.incident.Sensitivity;
import org.truce.core.validation.Errors;
import org.truce.core.validation.TextLimits;
import org.truce.core.validation.ValidationException;
import org.truce.server.auth.Access;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.incident.Guard;
import org.truce.server.incident.IncidentLeaves;
import org.truce.server.ledger.LedgerService;
import org.truce.store.auth.AuditLog;
import org.truce.store.incident.CustodyRow;
import org.truce.store.incident.EvidenceRepository;
import org.truce.store.incident.EvidenceRow;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.IncidentRow;

/**
 * The evidence vault's rules: what may be uploaded (size, type by content), who may view what
 * (labelled evidence: monitors, admins and the uploader's party only), and the custody log of every
 * view, download and export, each a ledger leaf.
 */
public final class EvidenceService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EvidenceService.class);
  /** Default upload limit: 200 MiB ({@code TRUCE_EVIDENCE_MAX_BYTES}). */
  public static final long DEFAULT_MAX_BYTES = 200L << 20;

  /** What a custody entry records. */
  public enum Purpose { VIEWED, DOWNLOADED, EXPORTED }

  private final EvidenceVault vault;
  private final EvidenceRepository evidence;
  private final IncidentRepository incidents;
  private final LedgerService ledger;
  private final Clock clock;
  private final long maxBytes;
  private final IncidentLeaves leaves = new IncidentLeaves();
  private final SensitiveEvidenceReads sensitiveReads;

  public EvidenceService(EvidenceVault vault, EvidenceRepository evidence, IncidentRepository incidents,
      LedgerService ledger, AuditLog audit, Clock clock, long maxBytes) {
    this.vault = vault;
    this.sensitiveReads = new SensitiveEvidenceReads(audit, clock);
    this.evidence = evidence;
    this.incidents = incidents;
    this.ledger = ledger;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public EvidenceVault vault() {
    return vault;
  }

  /** What is said about an upload besides its bytes. */
  public record Upload(String kind, String name, String declaredType, String description, List<String> sensitivity,
      String sourceUrl, Instant capturedAt, UUID derivedFrom) {}

  /** Stores the file in the vault and registers it on the incident. Refuses oversized and mistyped files with clear errors. */
  public EvidenceRow upload(String code, Upload u, InputStream body, Principal p) {
    Guard.require(p, Role.PARTY_OFFICER, Role.MONITOR, Role.HUMANITARIAN);
    IncidentRow incident = incidents.find(code == null ? "" : code.trim())
        .orElseThrow(() -> new ProblemHandlers.NotFound("no incident " + code));
    Errors errors = new Errors();
    if (incident.status() != IncidentStatus.OPEN) {
      errors.add("incident", code + " was merged into " + incident.mergedInto() + "; add evidence there");
    }
    Optional<EvidenceKind> kind = EvidenceKind.parse(u.kind());
    if (kind.isEmpty()) {
      errors.add("kind", "must be photo, video, document or url-capture");
    }
    List<String> labels = new ArrayList<>();
    for (String s : u.sensitivity() == null ? List.<String>of() : u.sensitivity()) {
      if (s.isBlank()) {
        continue;
      }
      Sensitivity.parse(s).ifPresentOrElse(l -> {
        if (!labels.contains(l.name())) {
          labels.add(l.name());
        }
      }, () -> errors.add("sensitivity", "unknown label '" + s + "'; use graphic or personal-data"));
    }
    String url = u.sourceUrl() == null || u.sourceUrl().isBlank() ? null : u.sourceUrl().trim();
    if (kind.orElse(null) == EvidenceKind.URL_CAPTURE && url == null) {
      errors.add("sourceUrl", "a URL capture names the URL it captured");
    }
    if (url != null && !(url.startsWith("https://") || url.startsWith("http://")) || url != null && !TextLimits.fits(url, 2000)) {
      errors.add("sourceUrl", "must be an http(s) URL of at most 2,000 characters");
    }
    String name = u.name() == null || u.name().isBlank() ? null : u.name().trim();
    if (name != null && (!TextLimits.fits(name, TextLimits.FILE_NAME) || name.contains("/") || name.contains("\\"))) {
      errors.add("name", "a file name of at most 300 characters, without path");
    }
    String description = u.description() == null ? "" : u.description().strip();
    if (!TextLimits.fits(description, 20_000)) {
      errors.add("description", "at most 20,000 characters");
    }
    if (u.derivedFrom() != null) {
      Optional<EvidenceRow> original = evidence.find(u.derivedFrom());
      if (original.isEmpty() || !original.get().incidentId().equals(incident.id())) {
        errors.add("derivedFrom", "no evidence " + u.derivedFrom() + " on " + code);
      }
    }
    errors.throwIfAny();

    EvidenceVault.Staged staged;
    try {
      staged = vault.stage(body, maxBytes);
    } catch (EvidenceVault.TooLarge e) {
      throw new ProblemHandlers.PayloadTooLarge(e.getMessage() + " (TRUCE_EVIDENCE_MAX_BYTES)");
    }
    try {
      FileType type = checkType(staged, kind.get(), name, u.declaredType());
      vault.keep(staged);
      EvidenceRow row = evidence.add(new EvidenceRepository.NewEvidence(incident.id(), staged.sha256(),
          kind.get().name(), type.mediaType(), staged.size(), name, url, u.capturedAt(), description, labels,
          u.derivedFrom()), Guard.acting(p), p.party(), now(), leaves);
      ledger.signal();
      return row;
    } finally {
      vault.discard(staged);
    }
  }

  private static FileType checkType(EvidenceVault.Staged staged, EvidenceKind kind, String name, String declared) {
    if (staged.size() == 0) {
      throw ValidationException.of("body", "the file is empty");
    }
    Optional<FileType> detected = FileType.detect(staged.head(), staged.headLength(), staged.whole());
    if (detected.isEmpty()) {
      throw ValidationException.of("body", "the content is not a recognised " + kind.name().toLowerCase()
          + " file (accepted: " + accepted(kind) + "); types are recognised by content, not by name");
    }
    FileType type = detected.get();
    if (!kind.accepts().contains(type)) {
      throw ValidationException.of("body", "the content is " + type.mediaType() + ", which is not accepted as "
          + kind.name().toLowerCase() + " (accepted: " + accepted(kind) + ")");
    }
    String ext = FileType.extension(name);
    if (!ext.isEmpty() && !type.extensions().contains(ext)) {
      throw ValidationException.of("name", "the name ends in ." + ext + " but the content is " + type.mediaType());
    }
    if (declared != null && !declared.isBlank()) {
      String d = declared.split(";")[0].trim().toLowerCase();
      if (!d.equals("application/octet-stream") && !d.equals(type.mediaType())) {
        throw ValidationException.of("Content-Type", "declared " + d + " but the content is " + type.mediaType());
      }
    }
    return type;
  }

  private static String accepted(EvidenceKind kind) {
    return String.join(", ", kind.accepts().stream().map(FileType::mediaType).sorted().toList());
  }

  /**
   * May {@code p} see this evidence's content (and description)? Unlabelled: any signed-in account.
   * Labelled graphic or personal data: monitors, admins and accounts of the uploader's party.
   */
  public static boolean canView(EvidenceRow e, Principal p) {
    if (p == null || p.isAnonymous()) {
      return false;
    }
    if (!e.sensitive()) {
      return true;
    }
    return p.has(Role.MONITOR) || p.has(Role.ADMIN)
        || e.uploaderParty() != null && e.uploaderParty().equals(p.party());
  }

  public IncidentRow incidentByCode(String code) {
    return incidents.find(code == null ? "" : code.trim())
        .orElseThrow(() -> new ProblemHandlers.NotFound("no incident " + code));
  }

  public EvidenceRow find(UUID id) {
    return evidence.find(id).orElseThrow(() -> new ProblemHandlers.NotFound("no evidence " + id));
  }

  public List<EvidenceRow> ofIncident(UUID incidentId) {
    return evidence.ofIncident(incidentId);
  }

  /** The content to send, after the access check and its custody entry (committed with its leaf before any byte leaves). */
  public record Content(EvidenceRow evidence, Path path, CustodyRow custody) {}

  /**
   * Checks the caller may see the content and that it is intact, logs the custody entry and, for
   * evidence labelled sensitive, an {@value SensitiveEvidenceReads#ACTION} audit event (from
   * {@code address}).
   */
  public Content open(UUID id, Purpose purpose, Principal p, String address) {
    EvidenceRow e = find(id);
    if (p == null || p.isAnonymous()) {
      throw new Access.Unauthorized("sign in to see evidence");
    }
    if (!canView(e, p)) {
      throw new Access.Forbidden("this evidence is labelled " + String.join(", ", e.sensitivity()).toLowerCase()
          + ": only monitors, administrators and the uploader's party may see it");
    }
    Optional<String> actual = vault.rehash(e.sha256());
    if (!actual.map(e.sha256()::equals).orElse(false)) {
      LOG.error("evidence {}: the stored file {} the SHA-256 recorded at ingest; refusing to serve it", e.id(),
          actual.isEmpty() ? "is missing, not" : "hashes to " + actual.get() + ", not");
      throw new io.javalin.http.ConflictResponse("the stored file of evidence " + e.id()
          + " no longer matches the SHA-256 recorded at ingest, so it is not served; a monitor can check it at"
          + " /api/v1/evidence/" + e.id() + "/verify");
    }
    CustodyRow c = evidence.logCustody(e.id(), e.sha256(), purpose.name(), Guard.acting(p), now(), leaves);
    ledger.signal();
    sensitiveReads.contentShown(e, purpose, p, address);
    return new Content(e, vault.path(e.sha256()), c);
  }

  /**
   * Records that {@code rows}' metadata was sent to the caller by {@code request} (e.g. "GET
   * /api/v1/evidence/…"): an audit event for each labelled one whose description it was shown.
   */
  public void metadataShown(List<EvidenceRow> rows, Principal p, String request, String address) {
    rows.forEach(e -> sensitiveReads.descriptionShown(e, p, request, address));
  }

  /** Records that a page showed {@code rows}' file names to the caller: an audit event for each labelled one. */
  public void namesShown(List<EvidenceRow> rows, Principal p, String request, String address) {
    rows.forEach(e -> sensitiveReads.nameShown(e, p, request, address));
  }

  /** The custody log (monitors and admins). */
  public List<CustodyRow> custody(UUID id, Principal p) {
    Guard.require(p, Role.MONITOR);
    return evidence.custody(find(id).id());
  }

  /** Whether the stored file still has the hash recorded at ingest. */
  public record Check(EvidenceRow evidence, String recorded, String actual, boolean intact) {}

  public Check verify(UUID id, Principal p) {
    Guard.require(p, Role.MONITOR);
    EvidenceRow e = find(id);
    Optional<String> actual = vault.rehash(e.sha256());
    return new Check(e, e.sha256(), actual.orElse(null), actual.map(e.sha256()::equals).orElse(false));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
