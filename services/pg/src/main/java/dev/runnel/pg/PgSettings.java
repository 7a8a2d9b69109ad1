package dev.runnel.pg;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a service's database lives: the server URL (any database on it, usually {@code postgres}) and
 * the name of the database the service uses on that server.
 *
 * <p>The URL form is vertx-pg-client's: {@code postgresql://user[:password]@host:port/db[?params]}.
 *
 * @param serverUrl the server, as given (its path names the maintenance database to connect to)
 * @param database  the service's database; created if absent by {@link Databases#ensureDatabase}
 */
public record PgSettings(String serverUrl, String database) {
    /** The environment variable the launcher and the Kubernetes manifests set. */
    public static final String URL_ENV = "RUNNEL_PG_URL";
    public static final String DEFAULT_DATABASE = "runnel";

    // a plain identifier, so it can be quoted into CREATE DATABASE safely (identifiers cannot be $n parameters)
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PgSettings {
        parse(serverUrl);
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new PgConfigurationException("Invalid database name '" + database
                    + "': use lower-case letters, digits and _, at most 63 characters");
        }
    }

    /** Resolves from the process environment: {@value #URL_ENV} wins over {@code configuredUrl}. */
    public static PgSettings resolve(Optional<String> configuredUrl, Optional<String> configuredDatabase) {
        return resolve(System.getenv(), configuredUrl, configuredDatabase);
    }

    /**
     * Resolves from {@code env}: {@value #URL_ENV} wins over {@code configuredUrl}; the database defaults
     * to {@value #DEFAULT_DATABASE}.
     *
     * @throws PgConfigurationException when neither gives a URL, or the URL or database name is malformed
     */
    public static PgSettings resolve(Map<String, String> env, Optional<String> configuredUrl,
                                     Optional<String> configuredDatabase) {
        String url = Optional.ofNullable(env.get(URL_ENV)).filter(v -> !v.isBlank())
                .or(() -> configuredUrl.filter(v -> !v.isBlank()))
                .orElseThrow(() -> new PgConfigurationException("No PostgreSQL URL: set " + URL_ENV
                        + " (e.g. postgresql://postgres@127.0.0.1:15432/postgres)"));
        return new PgSettings(url.trim(), configuredDatabase.filter(v -> !v.isBlank()).orElse(DEFAULT_DATABASE));
    }

    /** The server URL with its database replaced by {@link #database()}: what the service's pool connects to. */
    public String databaseUrl() {
        return withDatabase(serverUrl, database);
    }

    /** {@code url} with its path (the database) replaced by {@code database}; user, host, port, query kept. */
    public static String withDatabase(String url, String database) {
        URI uri = parse(url);
        try {
            return new URI(uri.getScheme(), uri.getRawAuthority(), "/" + database, uri.getRawQuery(), null).toString();
        } catch (URISyntaxException e) {
            throw new PgConfigurationException("Cannot point " + redact(url) + " at database " + database, e);
        }
    }

    /** The URL without its password, for logs and messages. */
    public static String redact(String url) {
        return url.replaceFirst("(://[^:/@]+):[^@/]*@", "$1:***@");
    }

    private static URI parse(String url) {
        if (url == null) {
            throw new PgConfigurationException("No PostgreSQL URL");
        }
        try {
            URI uri = new URI(url);
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new PgConfigurationException("PostgreSQL URL " + redact(url)
                        + " must start with postgresql:// (a JDBC URL is not accepted)");
            }
            if (uri.getHost() == null) {
                throw new PgConfigurationException("PostgreSQL URL " + redact(url) + " names no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new PgConfigurationException("Malformed PostgreSQL URL " + redact(url), e);
        }
    }

    @Override
    public String toString() {
        return "PgSettings[" + redact(serverUrl) + ", database=" + database + "]";
    }
}
