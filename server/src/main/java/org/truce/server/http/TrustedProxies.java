package org.truce.server.http;

import io.javalin.config.ContextResolverConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who is calling, and over what. The server does not terminate TLS itself; behind a reverse proxy
 * every connection comes from the proxy, so the client's address and whether it used https come
 * from the proxy's {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} —
 * believed only when the connection comes from an address listed in {@code TRUCE_TRUSTED_PROXIES}.
 * From anyone else they are ignored: a forged address would dodge the sign-in limit and put lies in
 * the audit trail. Installed as Javalin's address, scheme and host resolvers, so {@code ctx.ip()},
 * {@code ctx.scheme()} and {@code ctx.host()} mean the same everywhere: the audit trail, the sign-in
 * limit, the Secure cookie, HSTS, absolute links.
 */
public final class TrustedProxies {
  public static final String VARIABLE = "TRUCE_TRUSTED_PROXIES";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  /** A host name or IP literal with an optional port: what a Host header may say, nothing to smuggle. */
  private static final Pattern AUTHORITY = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:\\d{1,5})?");
  private final Set<String> proxies;

  public TrustedProxies(Set<String> proxies) {
    this.proxies = Set.copyOf(proxies);
  }

  /** {@code TRUCE_TRUSTED_PROXIES}: comma-separated IP addresses of the reverse proxies; none by default. */
  public static TrustedProxies fromEnvironment(Map<String, String> env) {
    String v = env.getOrDefault(VARIABLE, "");
    Set<String> addresses = Arrays.stream(v.split(",")).map(String::strip).filter(a -> !a.isEmpty()).map(a -> {
      String n = normalise(a);
      if (n == null) {
        throw new IllegalArgumentException(VARIABLE + " lists IP addresses separated by commas; '" + a
            + "' is not one");
      }
      return n;
    }).collect(Collectors.toSet());
    return new TrustedProxies(addresses);
  }

  public void install(ContextResolverConfig resolver) {
    resolver.ip = this::clientAddress;
    resolver.scheme = this::scheme;
    resolver.host = this::host;
  }

  /** Whether the client reached us over TLS, as {@link #scheme} decided. */
  public static boolean overTls(Context ctx) {
    return "https".equals(ctx.scheme());
  }

  /**
   * The connection's peer; from a trusted proxy, the nearest address in {@code X-Forwarded-For}
   * that is not itself a trusted proxy (read from the right: entries further left were written by
   * whoever the proxy was talking to, and could be anything).
   */
  String clientAddress(Context ctx) {
    String address = peer(ctx);
    if (!proxies.contains(address)) {
      return address;
    }
    List<String> hops = ctx.req().getHeaders("X-Forwarded-For") == null ? List.of()
        : Collections.list(ctx.req().getHeaders("X-Forwarded-For")).stream()
            .flatMap(h -> Arrays.stream(h.split(","))).map(String::strip).toList();
    for (int i = hops.size() - 1; i >= 0 && proxies.contains(address); i--) {
      String hop = normalise(hops.get(i));
      if (hop == null) {
        break;
      }
      address = hop;
    }
    return address;
  }

  /** The connection's own scheme; from a trusted proxy, its {@code X-Forwarded-Proto}. */
  String scheme(Context ctx) {
    String own = ctx.req().getScheme();
    String forwarded = ctx.req().getHeader("X-Forwarded-Proto");
    if (forwarded == null || !proxies.contains(peer(ctx))) {
      return own;
    }
    String proto = forwarded.split(",")[0].strip().toLowerCase(Locale.ROOT);
    return proto.equals("https") || proto.equals("http") ? proto : own;
  }

  /**
   * The name the client used, for absolute links: the {@code Host} header; from a trusted proxy,
   * its {@code X-Forwarded-Host}, as the proxy may call the server by an internal name.
   */
  String host(Context ctx) {
    String own = ctx.req().getHeader("Host");
    String forwarded = ctx.req().getHeader("X-Forwarded-Host");
    if (forwarded == null || !proxies.contains(peer(ctx))) {
      return own;
    }
    String first = forwarded.split(",")[0].strip();
    return AUTHORITY.matcher(first).matches() ? first : own;
  }

  private static String peer(Context ctx) {
    String remote = ctx.req().getRemoteAddr();
    String n = normalise(remote);
    return n == null ? remote : n;
  }

  /** One spelling per address (e.g. {@code ::1} and {@code [0:0:0:0:0:0:0:1]} alike); null if not an IP literal. */
  static String normalise(String address) {
    if (address == null) {
      return null;
    }
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    boolean v4 = IPV4.matcher(a).matches() && Arrays.stream(a.split("\\.")).allMatch(o -> Integer.parseInt(o) < 256);
    if (!v4 && !IPV6.matcher(a).matches()) {
      return null; // never hand a name to InetAddress: it would look it up
    }
    try {
      return InetAddress.getByName(a).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
