package org.audotics.auth.internal.rest;

import java.net.URI;
import java.util.Map;
import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /v1/auth/register} (anyone; JSON {@code {"email", "password", "display_name"}}): creates an
 * account with the role {@code user} and answers 201 with it in the {@code /v1/me} shape and its
 * {@code Location}. Refusals (400 {@code invalid_body} / {@code weak_password}, 409 {@code email_taken})
 * are answered by {@link AccountExceptionMapper}.
 */
@RestResource
@Component(service = RegisterResource.class)
@Path("auth/register")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public final class RegisterResource {

    /** The request body. */
    public record Registration(String email, String password, String displayName) {
    }

    private final AccountService accounts;

    @Activate
    public RegisterResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Registration request, @Context UriInfo uri) {
        if (request == null) {
            throw ApiException.invalidBody("send {\"email\": \"...\", \"password\": \"...\", \"display_name\": \"...\"}");
        }
        Account account = accounts.register(request.email(), request.password(), request.displayName());
        Map<String, Object> me = UserObjects.me(account, uri.getBaseUri(), true);
        return Response.created(URI.create((String) me.get("href"))).entity(me).build();
    }
}
