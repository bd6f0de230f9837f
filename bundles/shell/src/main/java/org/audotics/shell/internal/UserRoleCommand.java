package org.audotics.shell.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;

/**
 * {@code audotics:user-role EMAIL [--add ROLE]... [--remove ROLE]...}: shows an account's roles, or adds and
 * removes some ({@code user} stays: every account has it). Tokens issued afterwards carry the new roles; a token
 * already issued keeps its roles until it expires (at most the access token lifetime).
 */
@Service
@Command(scope = "audotics", name = "user-role", description = "Show an account's roles, or --add / --remove roles (e.g. admin)")
public final class UserRoleCommand implements Action {

    @Argument(index = 0, name = "email", description = "The account's email address", required = true)
    String email;

    @Option(name = "--add", description = "A role to grant (repeatable)", multiValued = true)
    List<String> add;

    @Option(name = "--remove", description = "A role to withdraw (repeatable; 'user' cannot be)", multiValued = true)
    List<String> remove;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() {
        String outcome = change(accounts, email, add == null ? List.of() : add, remove == null ? List.of() : remove);
        (outcome.startsWith("Cannot") ? System.err : System.out).println(outcome);
        return null;
    }

    /** @return the line to print: the account's roles (after the change), or why nothing changed */
    static String change(AccountService accounts, String email, List<String> add, List<String> remove) {
        if (remove.contains(Roles.USER)) {
            return "Cannot change roles: every account has the role '" + Roles.USER + "'";
        }
        Account account = accounts.byEmail(email).orElse(null);
        if (account == null) {
            return "Cannot change roles: no account with the email " + email;
        }
        if (add.isEmpty() && remove.isEmpty()) {
            return "User " + account.id() + " <" + account.email() + "> has roles " + new TreeSet<>(account.roles());
        }
        Set<String> roles = new TreeSet<>(account.roles());
        roles.addAll(add);
        roles.removeAll(remove);
        try {
            Account changed = accounts.setRoles(account.id(), roles);
            return "User " + changed.id() + " <" + changed.email() + "> now has roles " + new TreeSet<>(changed.roles());
        } catch (AccountException e) {
            return "Cannot change roles: " + e.getMessage();
        }
    }
}
