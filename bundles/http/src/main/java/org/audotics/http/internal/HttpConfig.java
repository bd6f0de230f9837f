package org.audotics.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the HTTP bundle, PID {@value #PID} ({@code etc/org.audotics.http.cfg}). */
@ObjectClassDefinition(name = "Audotics HTTP",
        description = "Health endpoints of the REST server")
public @interface HttpConfig {

    String PID = "org.audotics.http";

    @AttributeDefinition(name = "Required health checks",
            description = "Comma-separated names of the health checks that must be registered and up for GET /health/ready to answer 200")
    String ready_required_checks() default "database,cache";
}
