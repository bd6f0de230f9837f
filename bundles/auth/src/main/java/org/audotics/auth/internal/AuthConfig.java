package org.audotics.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the auth bundle, PID {@value #PID} ({@code etc/org.audotics.auth.cfg}). The
 * environment variable {@code AUDOTICS_ADMIN_TOKEN} overrides {@code admin.token} when set.
 */
@ObjectClassDefinition(name = "Audotics auth", description = "Credentials accepted by the REST API, and how passwords are hashed")
public @interface AuthConfig {

    String PID = "org.audotics.auth";

    @AttributeDefinition(name = "Admin token", type = AttributeType.PASSWORD,
            description = "Bearer token with the admin role (at least 24 characters); empty to generate one on first start into data/audotics/admin-token")
    String admin_token() default "";

    @AttributeDefinition(name = "Argon2id memory (KiB)", min = "7168", max = "1048576",
            description = "Memory per password hash; OWASP's recommendation is 19456 (19 MiB). Raising it rehashes each password at its next sign-in")
    int password_argon2_memory_kib() default 19456;

    @AttributeDefinition(name = "Argon2id iterations", min = "1", max = "100", description = "Passes over the memory; OWASP: 2 at 19 MiB")
    int password_argon2_iterations() default 2;

    @AttributeDefinition(name = "Argon2id parallelism", min = "1", max = "16", description = "Lanes per hash; OWASP: 1")
    int password_argon2_parallelism() default 1;

    @AttributeDefinition(name = "Token issuer", description = "The iss claim of the access tokens this server signs and accepts")
    String token_issuer() default "audotics";

    @AttributeDefinition(name = "Access token lifetime (s)", min = "60", max = "86400",
            description = "Seconds an access token is valid (exp - iat), 60 to 86400")
    int token_access_ttl_seconds() default 3600;

    @AttributeDefinition(name = "Refresh token lifetime (days)", min = "1", max = "365",
            description = "Days an unused refresh token stays valid; every use replaces it with a new one")
    int token_refresh_ttl_days() default 30;

    @AttributeDefinition(name = "Signing key rotation (days)", min = "1", max = "365",
            description = "Days after which a new RS256 signing key is generated; tokens signed with the previous key stay valid until they expire")
    int token_key_rotation_days() default 30;

    @AttributeDefinition(name = "Key-encryption secret", type = AttributeType.PASSWORD,
            description = "Secret (at least 32 characters) that encrypts the signing keys' private halves in the database; the same on every node. Empty to generate one on first start into data/audotics/token-kek")
    String token_key_encryption_secret() default "";

    @AttributeDefinition(name = "Failed sign-ins per account", min = "1",
            description = "Failed password sign-ins for one email (known or not) in a window before every sign-in for it is refused with 429 until the window ends")
    int signin_max_failures_per_account() default 10;

    @AttributeDefinition(name = "Failed sign-ins per address", min = "1",
            description = "Failed password sign-ins from one client address in a window before every sign-in from it is refused with 429 until the window ends")
    int signin_max_failures_per_address() default 50;

    @AttributeDefinition(name = "Sign-in window (s)", min = "1", max = "86400",
            description = "Length of the fixed windows in which failed sign-ins are counted, 1 to 86400 seconds")
    int signin_window_seconds() default 900;

    @AttributeDefinition(name = "Authorization code lifetime (s)", min = "1", max = "600",
            description = "Seconds an authorization code from GET /v1/auth/authorize can be exchanged at the token endpoint, 1 to 600")
    int authorize_code_ttl_seconds() default 60;

    @AttributeDefinition(name = "Consent form lifetime (s)", min = "1", max = "3600",
            description = "Seconds the sign-in and consent page of GET /v1/auth/authorize can be posted, 1 to 3600")
    int authorize_request_ttl_seconds() default 600;

    @AttributeDefinition(name = "Sign-in providers",
            description = "Comma-separated names of the providers people may sign in with (GET /v1/auth/oauth/{name}/authorize); each is configured by provider.<name>.* keys (docs/api.md). Empty for none")
    String providers() default "";

    @AttributeDefinition(name = "Public base URL",
            description = "This server's address as browsers reach it (e.g. https://music.example.com), from which the providers' redirect_uri .../v1/auth/oauth/{name}/callback is made. Empty to take it from each request's Host and scheme")
    String public_base_url() default "";
}
