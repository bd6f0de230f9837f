package org.audotics.auth.internal.accounts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.audotics.auth.api.AccountException;

/** The rules for the fields a person gives: email, display name, country. Each refusal names the field. */
final class AccountFields {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;
    /** one @, a non-empty local part of at most 64 characters, a domain with a dot; no spaces or controls */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.][^@\\s\\p{Cntrl}]*\\.[^@\\s\\p{Cntrl}.]{2,}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private AccountFields() {
    }

    /** @return the email lower-cased and trimmed */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            throw invalid("field 'email' is required");
        }
        String normal = email.strip().toLowerCase(Locale.ROOT);
        if (normal.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normal).matches()) {
            throw invalid("field 'email' is not an email address");
        }
        return normal;
    }

    /** @return the display name trimmed */
    static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw invalid("field 'display_name' is required");
        }
        String name = displayName.strip();
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME_LENGTH) {
            throw invalid("field 'display_name' must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters long");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("field 'display_name' contains a control character");
        }
        return name;
    }

    /** @return the country code in upper case, or null for none */
    static String country(String country) {
        if (country == null) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw invalid("field 'country' must be an ISO 3166-1 alpha-2 country code such as \"SE\", got '" + country + "'");
        }
        return code;
    }

    private static AccountException invalid(String message) {
        return new AccountException(AccountException.Reason.INVALID_FIELD, message);
    }
}
