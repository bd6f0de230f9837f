package org.audotics.auth.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.auth.api.AccountException;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Component;

/**
 * How a refused account operation reaches a client, registered with the {@code /v1} application so the
 * resources do not catch it: 409 {@code email_taken}, 400 {@code weak_password}, 400 {@code invalid_body},
 * 404 {@code not_found}; the exception's message as is (it names the field or rule).
 */
@RestResource
@Component(service = AccountExceptionMapper.class)
@Provider
public final class AccountExceptionMapper implements ExceptionMapper<AccountException> {

    /** 409: another account has the email. */
    public static final String EMAIL_TAKEN = "email_taken";
    /** 400: the password breaks the password policy. */
    public static final String WEAK_PASSWORD = "weak_password";

    @Override
    public Response toResponse(AccountException e) {
        return ErrorResponses.of(switch (e.reason()) {
            case EMAIL_TAKEN -> new ApiException(409, EMAIL_TAKEN, e.getMessage());
            case WEAK_PASSWORD -> new ApiException(400, WEAK_PASSWORD, e.getMessage());
            case INVALID_FIELD -> ApiException.invalidBody(e.getMessage());
            case NOT_FOUND -> new ApiException(404, ErrorCodes.NOT_FOUND, e.getMessage());
        });
    }
}
