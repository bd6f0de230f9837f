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
}
