package org.truce.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.truce.core.validation.Errors;
import org.truce.core.validation.TextLimits;
import org.truce.core.validation.ValidationException;
import org.truce.server.reference.ReferenceData;
import org.truce.store.auth.Account;
import org.truce.store.auth.AccountRepository;
import org.truce.store.auth.ApiToken;
import org.truce.store.auth.ApiTokenRepository;
import org.truce.store.auth.AuditLog;
import org.truce.store.auth.SessionRepository;
import org.truce.store.db.Database;

/**
 * Accounts, password sign-in with lock-out, web sessions with CSRF tokens, and API tokens (stored
 * hashed, scoped to roles, expiring, revocable). Security events go to the audit log.
 */
public final class AuthService {
  public static final int MAX_FAILED_ATTEMPTS = 5;
  public static final Duration LOCKOUT = Duration.ofMinutes(15);
  public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
  public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(365);
  public static final String TOKEN_PREFIX = "trc_";
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private final AccountRepository accounts;
  private final ApiTokenRepository tokens;
  private final SessionRepository sessions;
  private final AuditLog audit;
  private final ReferenceData references;
  private final Clock clock;
  private final LoginRateLimiter limiter;

  public AuthService(Database db, ReferenceData references, Clock clock) {
    this.accounts = new AccountRepository(db);
    this.tokens = new ApiTokenRepository(db);
    this.sessions = new SessionRepository(db);
    this.audit = new AuditLog(db);
    this.references = references;
    this.clock = clock;
    this.limiter = new LoginRateLimiter(30, Duration.ofMinutes(5), clock);
  }

  public AuditLog audit() {
    return audit;
  }

  public AccountRepository accounts() {
    return accounts;
  }

  public ApiTokenRepository tokens() {
    return tokens;
  }

  /**
   * Outcome of a sign-in: the principal, or why it was refused (deliberately vague for the user);
   * {@code retryAfter} is set when the address made too many attempts.
   */
  public record SignIn(Principal principal, String refusal, Duration retryAfter) {
    SignIn(Principal principal, String refusal) {
      this(principal, refusal, null);
    }

    public boolean ok() {
      return principal != null;
    }
  }

  /**
   * Creates an account. A null password makes a token-only account (a service client). Requires an
   * admin's decision; refuses bad input with field errors.
   */
  public Account createAccount(String username, String displayName, String party, Set<Role> roles, String password,
      String by) {
    Errors errors = new Errors();
    if (username == null || !USERNAME.matcher(username).matches()) {
      errors.add("username", "2-64 lower-case letters, digits, '.', '_' or '-'");
    } else if (accounts.find(username).isPresent()) {
      errors.add("username", "already exists");
    }
    if (roles == null || roles.isEmpty() || !Role.ACCOUNT_ROLES.containsAll(roles)) {
      errors.add("roles", "one or more of " + Role.ACCOUNT_ROLES);
    }
    if (party != null && references.party(party).isEmpty()) {
      errors.add("party", "unknown party '" + party + "'");
    }
    if (roles != null && (roles.contains(Role.PARTY_OFFICER) || roles.contains(Role.HUMANITARIAN)) && party == null) {
      errors.add("party", "party officers and humanitarian coordinators belong to a party or organisation");
    }
    if (!TextLimits.fits(displayName, TextLimits.NAME)) {
      errors.add("displayName", "at most " + TextLimits.NAME + " characters");
    }
    if (password != null && PasswordHasher.weakness(password) != null) {
      errors.add("password", PasswordHasher.weakness(password));
    }
    errors.throwIfAny();
    Account account = new Account(username, displayName == null || displayName.isBlank() ? username : displayName,
        party, roles.stream().map(Enum::name).collect(Collectors.toSet()),
        password == null ? null : PasswordHasher.hash(password.toCharArray()), false, 0, null, now());
    accounts.create(account);
    audit.record(now(), by, null, "account.created", "account", username, "ok",
        "roles " + account.roles() + (party == null ? "" : ", party " + party), null);
    return account;
  }

  /** Password sign-in with per-address rate limiting and per-account lock-out. */
  public SignIn signIn(String username, String password, String address) {
    Optional<Duration> wait = limiter.attempt(address);
    if (wait.isPresent()) {
      audit.record(now(), username, null, "signin", "account", username, "refused", "rate limited", address);
      return new SignIn(null, "Too many attempts from your address; wait a few minutes.", wait.get());
    }
    // A name no account could have (longer than the 64 characters of account.username, say) is
    // simply unknown: it is not looked up.
    String name = username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    Optional<Account> found = name == null || !USERNAME.matcher(name).matches() ? Optional.empty() : accounts.find(name);
    boolean matches = PasswordHasher.verify(password == null ? new char[0] : password.toCharArray(),
        found.map(Account::passwordHash).orElse(null));
    if (found.isEmpty()) {
      audit.record(now(), username, null, "signin", "account", username, "refused", "unknown account", address);
      return new SignIn(null, "Wrong username or password.");
    }
    Account a = found.get();
    if (a.lockedUntil() != null && a.lockedUntil().isAfter(now())) {
      audit.record(now(), a.username(), a.party(), "signin", "account", a.username(), "refused", "locked", address);
      return new SignIn(null, "This account is locked after repeated failures; try again later or ask an administrator.");
    }
    if (a.disabled()) {
      audit.record(now(), a.username(), a.party(), "signin", "account", a.username(), "refused", "disabled", address);
      return new SignIn(null, "Wrong username or password.");
    }
    if (!matches) {
      int attempts = accounts.recordFailure(a.username(), MAX_FAILED_ATTEMPTS, now().plus(LOCKOUT));
      boolean locked = attempts >= MAX_FAILED_ATTEMPTS;
      audit.record(now(), a.username(), a.party(), locked ? "account.locked" : "signin", "account", a.username(),
          "refused", "wrong password, attempt " + attempts, address);
      return new SignIn(null, locked
          ? "This account is locked after repeated failures; try again later or ask an administrator."
          : "Wrong username or password.");
    }
    accounts.recordSuccess(a.username());
    audit.record(now(), a.username(), a.party(), "signin", "account", a.username(), "ok", null, address);
    return new SignIn(principal(a, roles(a), "session"), null);
  }

  /**
   * An administrator lifts a lock-out before it runs out (and clears the count of wrong passwords);
   * audited as {@code account.unlocked}. False when there is no such account.
   */
  public boolean unlock(String username, Principal by, String address) {
    Optional<Account> a = accounts.find(username);
    if (a.isEmpty()) {
      return false;
    }
    accounts.unlock(username);
    Instant locked = a.get().lockedUntil();
    audit.record(now(), by.account(), by.party(), "account.unlocked", "account", username, "ok",
        locked != null && locked.isAfter(now()) ? "was locked until " + locked
            : "was not locked; " + a.get().failedAttempts() + " failed attempt(s) cleared", address);
    return true;
  }

  /** A new web session; returns the cookie value and its CSRF token. */
  public NewSession startSession(String username) {
    String cookie = Secrets.random(32);
    String csrf = Secrets.random(32);
    sessions.create(Secrets.sha256(cookie), username, csrf, now(), now().plus(SESSION_LIFETIME));
    return new NewSession(cookie, csrf);
  }

  /** A session's cookie and CSRF token. */
  public record NewSession(String cookie, String csrf) {}

  /** The principal and CSRF token of a live session of an enabled, unlocked account. */
  public Optional<SessionPrincipal> session(String cookie) {
    if (cookie == null || cookie.isBlank()) {
      return Optional.empty();
    }
    return sessions.find(Secrets.sha256(cookie), now()).flatMap(s -> accounts.find(s.username())
        .filter(a -> !a.disabled())
        .map(a -> new SessionPrincipal(principal(a, roles(a), "session"), s.csrfToken())));
  }

  /** A session's principal with its CSRF token. */
  public record SessionPrincipal(Principal principal, String csrf) {}

  public void endSession(String cookie) {
    if (cookie != null) {
      sessions.delete(Secrets.sha256(cookie));
    }
  }

  /**
   * Issues an API token for {@code username} with {@code roles} (a subset of the account's), valid
   * for {@code lifetime}; returns the token, shown this once.
   */
  public IssuedToken issueToken(String username, String name, Set<Role> roles, Duration lifetime, String by) {
    Account a = accounts.find(username).orElseThrow(() -> ValidationException.of("username", "no account " + username));
    Set<Role> held = roles(a);
    Errors errors = new Errors();
    Set<Role> scope = roles == null || roles.isEmpty() ? held : roles;
    if (!held.containsAll(scope)) {
      errors.add("roles", "a token can only carry roles its account holds: " + held);
    }
    if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
      errors.add("expiresInDays", "between 1 and " + MAX_TOKEN_LIFETIME.toDays() + " days");
    }
    if (name == null || name.isBlank() || !TextLimits.fits(name, TextLimits.NAME)) {
      errors.add("name", "is required (at most " + TextLimits.NAME + " characters), e.g. the client that uses it");
    }
    errors.throwIfAny();
    String token = TOKEN_PREFIX + Secrets.random(32);
    String tokenId = Secrets.random(9);
    ApiToken stored = new ApiToken(tokenId, username, name, scope.stream().map(Enum::name).collect(Collectors.toSet()),
        now(), now().plus(lifetime), null, null);
    tokens.create(Secrets.sha256(token), stored);
    audit.record(now(), by, a.party(), "token.issued", "token", tokenId, "ok",
        "for " + username + ", roles " + stored.roles() + ", expires " + stored.expiresAt(), null);
    return new IssuedToken(token, stored);
  }

  /** A token as issued: the secret (shown once) and its stored description. */
  public record IssuedToken(String token, ApiToken description) {}

  /** The principal of a valid token, or empty when unknown, expired, revoked or its account disabled. */
  public Optional<Principal> token(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    Optional<ApiToken> t = tokens.byHash(Secrets.sha256(token)).filter(x -> x.usableAt(now()));
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Optional<Account> a = accounts.find(t.get().username()).filter(x -> !x.disabled());
    if (a.isEmpty()) {
      return Optional.empty();
    }
    tokens.touch(t.get().tokenId(), now());
    Set<Role> scope = t.get().roles().stream().map(Role::valueOf).filter(roles(a.get())::contains)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    return Optional.of(principal(a.get(), scope, "token"));
  }

  /** Revokes a token; an account may revoke its own, an admin any. */
  public boolean revokeToken(String tokenId, Principal by) {
    Optional<ApiToken> t = tokens.byId(tokenId);
    if (t.isEmpty() || (!by.has(Role.ADMIN) && !t.get().username().equals(by.account()))) {
      return false;
    }
    boolean revoked = tokens.revoke(tokenId, now());
    audit.record(now(), by.account(), by.party(), "token.revoked", "token", tokenId, revoked ? "ok" : "noop", null, null);
    return revoked;
  }

  public List<ApiToken> tokensOf(String username) {
    return tokens.ofAccount(username);
  }

  public boolean hasAdmin() {
    return accounts.anyWithRole(Role.ADMIN.name());
  }

  private static Set<Role> roles(Account a) {
    return a.roles().stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  private static Principal principal(Account a, Set<Role> roles, String via) {
    return new Principal(a.username(), a.party(), roles, via);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
