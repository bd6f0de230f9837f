package org.audotics.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the auth bundle, PID {@value #PID} ({@code etc/org.audotics.auth.cfg}). The
 * environment variable {@code AUDOTICS_ADMIN_TOKEN} overrides {@code admin.token} when set.
 */
@ObjectClassDefinition(name = "Audotics auth", description = "Credentials accepted by the REST API")
public @interface AuthConfig {

    String PID = "org.audotics.auth";

    @AttributeDefinition(name = "Admin token", type = AttributeType.PASSWORD,
            description = "Bearer token with the admin role (at least 24 characters); empty to generate one on first start into data/audotics/admin-token")
    String admin_token() default "";
}
