package org.audotics.auth.internal.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the sign-in providers from the auth configuration's raw properties: {@code providers} lists the
 * names, and each name's {@code provider.<name>.*} keys configure it (metatype cannot declare such keys,
 * so they are read here). A provider with a wrong or missing key is left out with a problem naming the key;
 * the others are kept. Keys of a provider that is not listed, and unknown keys, are problems too (a typo
 * must not pass silently).
 *
 * <p>Keys per provider: {@code type} ({@code oidc}, {@code oauth2}, {@code spotify}; default {@code spotify}
 * for the name spotify, {@code oidc} when a discovery URL is given, else {@code oauth2}), {@code display.name},
 * {@code client.id} (required), {@code client.secret}, {@code discovery.url} (OIDC, required there),
 * {@code authorization.url}, {@code token.url}, {@code userinfo.url} (plain OAuth 2, required there; for
 * Spotify they override the preset), {@code scopes} (space- or comma-separated), {@code subject.field},
 * {@code email.field}, {@code name.field} (plain OAuth 2 profile fields, dotted paths into the JSON; defaults
 * {@code id}, {@code email}, {@code name}), {@code client.auth} ({@code basic} or {@code post}),
 * {@code trust.email} ({@code true} or {@code false}, not for OIDC). URLs must be absolute {@code https}
 * ({@code http} only to localhost, for tests and development).
 */
final class ProviderSettings {

    static final String PROVIDERS = "providers";
    static final String PREFIX = "provider.";
    static final URI SPOTIFY_AUTHORIZATION = URI.create("https://accounts.spotify.com/authorize");
    static final URI SPOTIFY_TOKEN = URI.create("https://accounts.spotify.com/api/token");
    static final URI SPOTIFY_PROFILE = URI.create("https://api.spotify.com/v1/me");
    static final List<String> SPOTIFY_SCOPES = List.of("user-read-email", "user-read-private");
    static final List<String> OIDC_SCOPES = List.of("openid", "email", "profile");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Set<String> KEYS = Set.of("type", "display.name", "client.id", "client.secret", "discovery.url", "authorization.url",
            "token.url", "userinfo.url", "scopes", "subject.field", "email.field", "name.field", "client.auth", "trust.email");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** The providers that are usable, by name in the configured order, and what was wrong with the others. */
    record Parsed(Map<String, Provider> providers, List<String> problems) {

        Parsed {
            providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providers));
            problems = List.copyOf(problems);
        }
    }

    /** A wrong key: the provider is left out. */
    private static final class Problem extends Exception {

        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private ProviderSettings() {
    }

    static Parsed parse(Map<String, ?> properties) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> keys = grouped(properties);
        Set<String> names = new LinkedHashSet<>();
        for (String raw : text(properties.get(PROVIDERS)).split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add("providers: '" + name + "' is no provider name (1 to 32 of a-z, 0-9, _ and -, starting with a letter or digit)");
            } else if (!names.add(name)) {
                problems.add("providers: '" + name + "' is listed twice");
            }
        }
        for (String name : names) {
            try {
                providers.put(name, provider(name, keys.getOrDefault(name, Map.of())));
            } catch (Problem problem) {
                problems.add("provider " + name + " left out: " + problem.getMessage());
            }
        }
        keys.keySet().stream().filter(name -> !names.contains(name))
                .forEach(name -> problems.add("provider." + name + ".* keys are set but '" + name + "' is not in providers"));
        return new Parsed(providers, problems);
    }

    /** The provider.<name>.<key> properties, by name then key. */
    private static Map<String, Map<String, String>> grouped(Map<String, ?> properties) {
        Map<String, Map<String, String>> grouped = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                String name = dot < 0 ? rest : rest.substring(0, dot);
                grouped.computeIfAbsent(name, n -> new TreeMap<>()).put(dot < 0 ? "" : rest.substring(dot + 1), text(value).strip());
            }
        });
        return grouped;
    }

    private static Provider provider(String name, Map<String, String> keys) throws Problem {
        for (String key : keys.keySet()) {
            if (!KEYS.contains(key)) {
                throw new Problem("unknown key provider." + name + "." + key + " (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Provider.Type type = type(name, keys);
        String clientId = required(name, keys, "client.id");
        String secret = keys.getOrDefault("client.secret", "");
        String displayName = keys.getOrDefault("display.name", "");
        if (displayName.isEmpty()) {
            displayName = type == Provider.Type.SPOTIFY ? "Spotify" : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
        List<String> scopes = scopes(keys.get("scopes"));
        Provider.ClientAuth clientAuth = clientAuth(name, keys.get("client.auth"));
        boolean trustEmail = bool(name, keys, "trust.email");
        return switch (type) {
            case OIDC -> {
                for (String key : List.of("authorization.url", "token.url", "userinfo.url", "subject.field", "email.field", "name.field", "trust.email")) {
                    if (keys.containsKey(key)) {
                        throw new Problem("provider." + name + "." + key + " is not for an OpenID Connect provider (its discovery document and"
                                + " id_token say it; an email is trusted when the id_token's email_verified is true)");
                    }
                }
                List<String> withOpenId = new ArrayList<>(scopes.isEmpty() ? OIDC_SCOPES : scopes);
                if (!withOpenId.contains("openid")) {
                    withOpenId.add(0, "openid");
                }
                yield new Provider(name, displayName, type, clientId, secret, url(name, keys, "discovery.url", null), null, null, null, withOpenId,
                        null, null, null, clientAuth, false);
            }
            case OAUTH2 -> new Provider(name, displayName, type, clientId, secret, null, url(name, keys, "authorization.url", null),
                    url(name, keys, "token.url", null), url(name, keys, "userinfo.url", null), scopes, field(keys, "subject.field", "id"),
                    field(keys, "email.field", "email"), field(keys, "name.field", "name"), clientAuth == null ? Provider.ClientAuth.BASIC : clientAuth,
                    trustEmail);
            case SPOTIFY -> {
                if (keys.containsKey("discovery.url")) {
                    throw new Problem("provider." + name + ".discovery.url is not for Spotify (not an OpenID Connect provider)");
                }
                yield new Provider(name, displayName, type, clientId, secret, null, url(name, keys, "authorization.url", SPOTIFY_AUTHORIZATION),
                        url(name, keys, "token.url", SPOTIFY_TOKEN), url(name, keys, "userinfo.url", SPOTIFY_PROFILE),
                        scopes.isEmpty() ? SPOTIFY_SCOPES : scopes, field(keys, "subject.field", "id"), field(keys, "email.field", "email"),
                        field(keys, "name.field", "display_name"), clientAuth == null ? Provider.ClientAuth.BASIC : clientAuth, trustEmail);
            }
        };
    }

    private static Provider.Type type(String name, Map<String, String> keys) throws Problem {
        String type = keys.getOrDefault("type", "");
        if (type.isEmpty()) {
            return name.equals("spotify") ? Provider.Type.SPOTIFY : keys.containsKey("discovery.url") ? Provider.Type.OIDC : Provider.Type.OAUTH2;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "oidc" -> Provider.Type.OIDC;
            case "oauth2" -> Provider.Type.OAUTH2;
            case "spotify" -> Provider.Type.SPOTIFY;
            default -> throw new Problem("provider." + name + ".type must be oidc, oauth2 or spotify, was '" + type + "'");
        };
    }

    private static Provider.ClientAuth clientAuth(String name, String value) throws Problem {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "basic" -> Provider.ClientAuth.BASIC;
            case "post" -> Provider.ClientAuth.POST;
            default -> throw new Problem("provider." + name + ".client.auth must be basic or post, was '" + value + "'");
        };
    }

    private static boolean bool(String name, Map<String, String> keys, String key) throws Problem {
        String value = keys.getOrDefault(key, "false");
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new Problem("provider." + name + "." + key + " must be true or false, was '" + value + "'");
    }

    private static String required(String name, Map<String, String> keys, String key) throws Problem {
        String value = keys.getOrDefault(key, "");
        if (value.isEmpty()) {
            throw new Problem("provider." + name + "." + key + " is required");
        }
        return value;
    }

    private static String field(Map<String, String> keys, String key, String fallback) {
        String value = keys.getOrDefault(key, "");
        return value.isEmpty() ? fallback : value;
    }

    /** @param fallback used when the key is absent; null makes it required */
    private static URI url(String name, Map<String, String> keys, String key, URI fallback) throws Problem {
        String value = keys.getOrDefault(key, "");
        if (value.isEmpty()) {
            if (fallback == null) {
                throw new Problem("provider." + name + "." + key + " is required");
            }
            return fallback;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new Problem("provider." + name + "." + key + " must be an absolute https URL, was " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Problem("provider." + name + "." + key + " must be an absolute https URL, was " + value);
        }
        if (scheme.equals("http") && !LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new Problem("provider." + name + "." + key + " must use https (http only to localhost), was " + value);
        }
        if (uri.getFragment() != null) {
            throw new Problem("provider." + name + "." + key + " must not have a fragment, was " + value);
        }
        return uri;
    }

    private static List<String> scopes(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList()));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String[] array) {
            return String.join(",", array);
        }
        return String.valueOf(value);
    }
}
