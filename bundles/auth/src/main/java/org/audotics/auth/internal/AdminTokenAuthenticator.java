package org.audotics.auth.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;
import org.audotics.auth.api.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts the operator's admin token as a bearer credential with the {@code admin} role. User accounts
 * with JWT access tokens come with the accounts issue; until then this is the only credential.
 */
@Component(configurationPid = AuthConfig.PID)
@Designate(ocd = AuthConfig.class)
public final class AdminTokenAuthenticator implements Authenticator {

    static final String ENV_ADMIN_TOKEN = "AUDOTICS_ADMIN_TOKEN";
    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenAuthenticator.class);
    private static final AuthenticatedUser ADMIN = new AuthenticatedUser("admin", Set.of(Roles.ADMIN));

    private final byte[] adminToken;

    @Activate
    public AdminTokenAuthenticator(AuthConfig config) {
        this(firstNonBlank(System.getenv(ENV_ADMIN_TOKEN), config.admin_token()), tokenFile());
    }

    AdminTokenAuthenticator(String configuredToken, Path tokenFile) {
        this.adminToken = AdminToken.resolve(configuredToken, tokenFile).getBytes(StandardCharsets.UTF_8);
        if (configuredToken == null || configuredToken.isBlank()) {
            LOG.info("Admin token: in {} (set admin.token in etc/{}.cfg to choose one)", tokenFile, AuthConfig.PID);
        }
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String bearerToken) {
        // constant-time comparison: response timing must not reveal how much of a guess was right
        boolean matches = MessageDigest.isEqual(adminToken, bearerToken.getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.of(ADMIN) : Optional.empty();
    }

    private static Path tokenFile() {
        return SecretFile.inDataFolder("admin-token");
    }

    private static String firstNonBlank(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
