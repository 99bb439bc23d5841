package org.truce.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.truce.core.party.Party;
import org.truce.core.party.PartyKind;
import org.truce.server.reference.ReferenceData;

/**
 * The demo's clearly marked accounts: one per role, and one officer per state party, each with a
 * random password and a 90-day API token, written once to {@code <data>/demo-accounts.txt}
 * (owner-only). Never used outside {@code ./truce demo}.
 */
public final class DemoAccounts {
  public static final String FILE = "demo-accounts.txt";

  private DemoAccounts() {}

  /** Creates the accounts unless any account exists; returns the file, or null when nothing was created. */
  public static Path createIfNone(AuthService auth, ReferenceData references, Path dataDir) throws IOException {
    if (!auth.accounts().all().isEmpty()) {
      return null;
    }
    List<String[]> plan = new ArrayList<>();
    plan.add(new String[] {"demo-admin", "ADMIN", null});
    plan.add(new String[] {"demo-monitor", "MONITOR", "JMC"});
    plan.add(new String[] {"demo-analyst", "ANALYST", null});
    plan.add(new String[] {"demo-humanitarian", "HUMANITARIAN", "UN"});
    for (Party p : references.parties()) {
      if (p.kind() == PartyKind.GUARANTOR || p.kind() == PartyKind.CO_SPONSOR || p.kind() == PartyKind.GOVERNMENT) {
        plan.add(new String[] {"demo-officer-" + p.code().toLowerCase(), "PARTY_OFFICER", p.code()});
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("# DEMO ACCOUNTS - for the demonstration scenario only. Never use these in production.\n");
    out.append("# Sign in at /login with a username and password, or send 'Authorization: Bearer <token>' to the API.\n");
    out.append("# username\trole\tparty\tpassword\tAPI token (90 days)\n");
    for (String[] a : plan) {
      String password = Secrets.random(12);
      Set<Role> roles = EnumSet.of(Role.valueOf(a[1]));
      auth.createAccount(a[0], "DEMO " + a[1].toLowerCase().replace('_', ' ') + (a[2] == null ? "" : " " + a[2]),
          a[2], roles, password, "demo");
      String token = auth.issueToken(a[0], "demo token", roles, Duration.ofDays(90), "demo").token();
      out.append(a[0]).append('\t').append(a[1]).append('\t').append(a[2] == null ? "-" : a[2]).append('\t')
          .append(password).append('\t').append(token).append('\n');
    }
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE);
    Path tmp = dataDir.resolve(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}
