package org.audotics.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the HTTP bundle, PID {@value #PID} ({@code etc/org.audotics.http.cfg}). */
@ObjectClassDefinition(name = "Audotics HTTP",
        description = "Health endpoints and browser access (CORS) of the REST server")
public @interface HttpConfig {

    String PID = "org.audotics.http";

    @AttributeDefinition(name = "Required health checks",
            description = "Comma-separated names of the health checks that must be registered and up for GET /health/ready to answer 200")
    String ready_required_checks() default "database,cache,catalog,recommendation";

    @AttributeDefinition(name = "Ready waits for Karaf's boot",
            description = "Whether GET /health/ready stays DOWN (check 'boot') until Karaf has installed and started every boot "
                    + "feature, so that no bundle still registering its resources makes the REST application reload under traffic")
    boolean ready_wait_for_boot() default true;

    @AttributeDefinition(name = "Health detail for localhost",
            description = "Whether GET /health/ready shows each check's detail (versions, addresses, node ids) to any caller "
                    + "connecting from the loopback interface. The detail is always shown to an admin bearer token; every other "
                    + "caller gets UP/DOWN per check. Turn off when a reverse proxy on the same host forwards remote clients")
    boolean health_detail_localhost() default true;

    @AttributeDefinition(name = "CORS allowed origins",
            description = "Comma-separated origins (scheme://host[:port]) whose browser pages may call the API, or * for any origin. "
                    + "Empty: CORS is off and browsers refuse cross-origin calls")
    String cors_allowed_origins() default "";

    @AttributeDefinition(name = "CORS allowed methods",
            description = "Comma-separated methods a cross-origin page may use (answered to preflight requests)")
    String cors_allowed_methods() default "GET,POST,PUT,DELETE,PATCH";

    @AttributeDefinition(name = "CORS allowed headers",
            description = "Comma-separated request headers a cross-origin page may send (answered to preflight requests)")
    String cors_allowed_headers() default "Authorization,Content-Type";

    @AttributeDefinition(name = "CORS exposed headers",
            description = "Comma-separated response headers a cross-origin page may read, besides the always-readable simple ones")
    String cors_exposed_headers() default "Location,Retry-After";

    @AttributeDefinition(name = "CORS preflight max age",
            description = "Seconds a browser may cache a preflight answer", min = "0")
    int cors_max_age_seconds() default 600;
}
