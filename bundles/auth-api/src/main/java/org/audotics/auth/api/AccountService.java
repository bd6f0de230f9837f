package org.audotics.auth.api;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts and their passwords. Provided by the auth bundle; called by REST resources, the shell and
 * authenticators; thread-safe. Passwords are kept only as Argon2id hashes and never logged. Database
 * failures surface as {@code org.audotics.storage.api.StorageException}.
 *
 * <p>The password policy: 8 to 256 characters (Unicode code points), not one of the most commonly
 * breached passwords, not the account's email.
 *
 * @since 1.1
 */
@ProviderType
public interface AccountService {

    /**
     * Creates an account with the role {@link Roles#USER}.
     *
     * @param email       any letter case; stored lower-cased
     * @param password    the plain password; checked against the policy, then hashed
     * @param displayName 1 to 100 characters after trimming
     * @throws AccountException (reason EMAIL_TAKEN, WEAK_PASSWORD or INVALID_FIELD, message for the client naming the field)
     */
    Account register(String email, String password, String displayName);

    /**
     * As {@link #register(String, String, String)}, with these roles besides {@link Roles#USER}: for
     * operators (the shell's {@code audotics:user-add --admin}), never for a client's request.
     *
     * @param extraRoles e.g. {@code Set.of(Roles.ADMIN)}; may be empty
     */
    Account register(String email, String password, String displayName, Set<String> extraRoles);

    /**
     * Same answer and about the same time for an unknown email and a wrong password (an unknown email
     * is checked against a dummy hash of the same cost).
     *
     * @return the account whose email (any letter case) and password match, or empty
     */
    Optional<Account> authenticate(String email, String password);

    /** @return the account, or empty when no account has the id (any string is accepted) */
    Optional<Account> account(String id);

    /**
     * Replaces what the person may edit.
     *
     * @param displayName 1 to 100 characters after trimming
     * @param country     ISO 3166-1 alpha-2 (any letter case), or null for none
     * @return the updated account
     * @throws AccountException NOT_FOUND for an unknown id, INVALID_FIELD naming the field
     */
    Account update(String id, String displayName, String country);

    /**
     * Replaces the account's password, after checking the current one (the same cost whether it is right
     * or not). The caller ends the account's sign-ins: a changed password should not leave a stolen refresh
     * token working.
     *
     * @return false when {@code currentPassword} is wrong (nothing changed)
     * @throws AccountException NOT_FOUND for an unknown id, WEAK_PASSWORD when the new one breaks the policy
     * @since 1.3
     */
    boolean changePassword(String id, String currentPassword, String newPassword);

    /**
     * Deletes the account and posts {@link AccountEvents#ACCOUNT_DELETED} so other bundles delete its data.
     *
     * @throws AccountException NOT_FOUND for an unknown id
     */
    void delete(String id);

    /**
     * The account with this sign-in email (compared lower-cased, as registered), or empty when none has it or the
     * email is null or blank.
     *
     * @since 1.4
     */
    default Optional<Account> byEmail(String email) {
        throw new UnsupportedOperationException("AccountService.byEmail (auth-api 1.4) is not provided by " + getClass().getName());
    }

    /**
     * Replaces an account's roles. {@link Roles#USER} is always kept (every account has it), so an empty set
     * leaves only {@code user}. The change applies to tokens issued afterwards; a token already issued keeps the
     * roles it was issued with until it expires.
     *
     * @param roles role names: lower-case letters and {@code _}, 1 to 30 characters (see {@link Roles})
     * @return the account with its new roles
     * @throws AccountException NOT_FOUND for an unknown id, INVALID_FIELD for a malformed role name
     * @since 1.4
     */
    default Account setRoles(String id, Set<String> roles) {
        throw new UnsupportedOperationException("AccountService.setRoles (auth-api 1.4) is not provided by " + getClass().getName());
    }

    /**
     * How many accounts exist (for the operator's status view).
     *
     * @since 1.4
     */
    default long count() {
        throw new UnsupportedOperationException("AccountService.count (auth-api 1.4) is not provided by " + getClass().getName());
    }
}
