package dev.papergraph.fetch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.io.AtomicOutput;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GET requests to the OpenAlex works API, each answered at most once over the network: every
 * response is kept in a cache folder (one file per request, named by the SHA-256 of its path and
 * query without the API key) and served from there on the next run, so a fetch that stopped half
 * way continues where it stopped and a repeated fetch spends nothing.
 *
 * <p>Failures: HTTP 429 and 5xx, a timeout, a broken connection and a body that is not whole JSON
 * (a page cut short) are retried up to {@link #ATTEMPTS_DEFAULT} times in all, waiting what the
 * {@code Retry-After} header asks (seconds or an HTTP date), else 1, 2, 4 … seconds (at most {@link
 * #BACKOFF_MAX}). A {@code Retry-After} longer than {@link #RETRY_AFTER_MAX} (OpenAlex's daily
 * budget is spent) stops at once. A refused or unresolvable connection is "cannot reach", not
 * retried; 404 is {@link FetchException.NotFound}; other 4xx name the status and OpenAlex's own
 * message. The API key goes into the request only ({@code api_key=}), never into the cache key or a
 * message.
 *
 * <p>Uses the JDK's {@link HttpClient}; one instance is not safe for use by several threads.
 */
public final class OpenAlexClient {

  /** OpenAlex's public API. */
  public static final String API_URL_DEFAULT = "https://api.openalex.org";

  /** Attempts per request, the first included. */
  public static final int ATTEMPTS_DEFAULT = 6;

  /** The longest wait between attempts when the server does not say how long. */
  public static final Duration BACKOFF_MAX = Duration.ofSeconds(60);

  /** The longest {@code Retry-After} honoured; a longer one stops the fetch. */
  public static final Duration RETRY_AFTER_MAX = Duration.ofMinutes(5);

  /** What a request costs in OpenAlex's pricing (2026): lookups by id are free. */
  public enum CallKind {
    /** {@code /works/W…} or {@code /works/doi:…}: free. */
    SINGLETON,
    /** {@code /works?filter=…}: a list call. */
    LIST,
    /** {@code /works?search=…}: a search call, ten times a list call. */
    SEARCH
  }

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits this long. */
    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep}. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String apiKey;
  private final Path cache;
  private final Sleeper sleeper;
  private final HttpClient http;
  private final int[] calls = new int[CallKind.values().length];
  private int cached;
  private int retries;

  /**
   * @param apiUrl the API's base URL, e.g. {@link #API_URL_DEFAULT}
   * @param apiKey the OpenAlex API key, or {@code null} for none
   * @param cache the cache folder (created when the first response arrives)
   * @param sleeper how to wait between attempts
   * @throws IllegalArgumentException if apiUrl is not an http or https URL
   */
  public OpenAlexClient(String apiUrl, String apiKey, Path cache, Sleeper sleeper) {
    URI u;
    try {
      u = URI.create(Objects.requireNonNull(apiUrl, "apiUrl").replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + apiUrl);
    }
    if (u.getScheme() == null
        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getHost() == null) {
      throw new IllegalArgumentException("not an http or https URL: " + apiUrl);
    }
    this.base = u;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    this.cache = Objects.requireNonNull(cache, "cache");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The base URL requests go to. */
  public URI apiUrl() {
    return base;
  }

  /** The cache folder. */
  public Path cache() {
    return cache;
  }

  /** Requests of this kind sent over the network so far (retries not counted). */
  public int calls(CallKind kind) {
    return calls[kind.ordinal()];
  }

  /** Requests answered from the cache so far. */
  public int cached() {
    return cached;
  }

  /** Attempts repeated after a 429, a 5xx, a timeout or a page cut short, so far. */
  public int retries() {
    return retries;
  }

  /** The kind of a request by its path and parameters. */
  public static CallKind kind(String path, Map<String, String> params) {
    if (params.containsKey("search")) {
      return CallKind.SEARCH;
    }
    return path.equals("/works") ? CallKind.LIST : CallKind.SINGLETON;
  }

  /** Whether this request's response is in the cache. */
  public boolean isCached(String path, Map<String, String> params) {
    return Files.isRegularFile(cacheFile(key(path, params)));
  }

  /**
   * The JSON response to {@code GET path?params}, from the cache or the API.
   *
   * @param path e.g. {@code /works} or {@code /works/W2741809807}
   * @param params query parameters in the order sent (not encoded; the API key is added here)
   * @throws FetchException.NotFound on HTTP 404
   * @throws FetchException when the API cannot be reached, refuses, or keeps failing
   */
  public JsonNode get(String path, Map<String, String> params) throws FetchException {
    String key = key(path, params);
    Path file = cacheFile(key);
    if (Files.isRegularFile(file)) {
      try {
        JsonNode node = JSON.readTree(Files.readAllBytes(file));
        cached++;
        return node;
      } catch (IOException e) {
        // a cache file that is not whole JSON is asked for again
      }
    }
    JsonNode node = fetch(path, key);
    calls[kind(path, params).ordinal()]++;
    try {
      byte[] bytes = JSON.writeValueAsBytes(node);
      AtomicOutput.write(file, true, out -> out.write(bytes));
    } catch (IOException e) {
      throw new FetchException("cannot write the cache " + cache + ": " + e.getMessage(), e);
    }
    return node;
  }

  private JsonNode fetch(String path, String key) throws FetchException {
    String query = key.substring(path.length());
    if (apiKey != null) {
      query +=
          (query.isEmpty() ? "?" : "&")
              + "api_key="
              + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
    }
    URI uri = URI.create(base + path + query);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("User-Agent", "papergraph (https://github.com/papergraph)")
            .GET()
            .build();
    String what = base + path + shortQuery(key.substring(path.length()));
    String last = null;
    for (int attempt = 1; ; attempt++) {
      Duration wait = null;
      try {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = r.statusCode();
        if (status == 200) {
          try {
            JsonNode node = JSON.readTree(r.body());
            if (node != null && node.isObject()) {
              return node;
            }
            last = "the response is not a JSON object";
          } catch (JacksonException e) {
            last = "the response was cut short or is not JSON";
          }
        } else if (status == 404) {
          throw new FetchException.NotFound("OpenAlex has nothing at " + what + " (HTTP 404)");
        } else if (status == 429 || status >= 500) {
          last = "HTTP " + status;
          Optional<Duration> asked = retryAfter(r.headers().firstValue("Retry-After"));
          if (asked.isPresent() && asked.get().compareTo(RETRY_AFTER_MAX) > 0) {
            throw new FetchException(
                "OpenAlex answers "
                    + what
                    + " with HTTP "
                    + status
                    + " and asks to wait "
                    + asked.get().toSeconds()
                    + " s (the daily budget of the API key may be spent)");
          }
          wait = asked.orElse(null);
        } else {
          throw new FetchException(
              "OpenAlex refused "
                  + what
                  + " (HTTP "
                  + status
                  + message(r.body())
                  + ")"
                  + (status == 401 || status == 403
                      ? "; give an API key with --api-key or OPENALEX_API_KEY"
                      : ""));
        }
      } catch (FetchException e) {
        throw e;
      } catch (ConnectException | HttpConnectTimeoutException e) {
        throw new FetchException("cannot reach " + base + ": " + reason(e), e);
      } catch (HttpTimeoutException e) {
        last = "no answer within the timeout";
      } catch (IOException e) {
        last = "the connection broke (" + reason(e) + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted while fetching " + what, e);
      }
      if (attempt >= ATTEMPTS_DEFAULT) {
        throw new FetchException(
            "OpenAlex kept failing on " + what + ": " + last + " after " + attempt + " attempts");
      }
      if (wait == null) {
        wait = backoff(attempt);
      }
      retries++;
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted while fetching " + what, e);
      }
    }
  }

  /** 1, 2, 4 … seconds after the 1st, 2nd, 3rd … failed attempt, at most {@link #BACKOFF_MAX}. */
  static Duration backoff(int attempt) {
    long seconds = 1L << Math.min(attempt - 1, 20);
    return Duration.ofSeconds(Math.min(seconds, BACKOFF_MAX.toSeconds()));
  }

  /** A {@code Retry-After} value: delay seconds, or an HTTP date (RFC 9110 §10.2.3). */
  static Optional<Duration> retryAfter(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.empty();
    }
    String v = header.get().strip();
    try {
      long s = Long.parseLong(v);
      return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
  }

  /** "path?a=1&b=2" with values URL-encoded, in the order given: the request and cache key. */
  static String key(String path, Map<String, String> params) {
    StringBuilder k = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : new LinkedHashMap<>(params).entrySet()) {
      k.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return k.toString();
  }

  private Path cacheFile(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return cache.resolve(HexFormat.of().formatHex(h) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The query as shown in messages: at most 80 characters of it. */
  private static String shortQuery(String query) {
    return query.length() <= 80 ? query : query.substring(0, 77) + "...";
  }

  /** OpenAlex's own error text ({"error": …, "message": …}), or nothing. */
  private static String message(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      String m = n.path("message").asText(n.path("error").asText(""));
      m = m.replaceAll("\\s+", " ").strip();
      return m.isEmpty() ? "" : ": " + (m.length() > 200 ? m.substring(0, 197) + "..." : m);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String reason(IOException e) {
    Throwable c = e;
    while (c.getCause() != null && c.getMessage() == null) {
      c = c.getCause();
    }
    if (c instanceof UnresolvedAddressException
        || e.getCause() instanceof UnresolvedAddressException) {
      return "unknown host";
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    String m = c.getMessage();
    if (m == null || m.isBlank()) {
      return e instanceof ConnectException ? "connection refused" : c.getClass().getSimpleName();
    }
    return m.toLowerCase(Locale.ROOT).contains("refused") ? "connection refused" : m;
  }
}
