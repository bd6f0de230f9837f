package org.audotics.shell.internal;

import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;

/**
 * {@code audotics:user-add [--admin] [--name NAME] [--password PASSWORD] EMAIL}: creates an account
 * under the same rules as {@code POST /v1/auth/register}; {@code --admin} adds the {@code admin} role.
 * Without {@code --password} the password is asked for twice, not echoed (a password on the command
 * line lands in the shell's history).
 */
@Service
@Command(scope = "audotics", name = "user-add", description = "Create an account (--admin: with the admin role)")
public final class UserAddCommand implements Action {

    @Argument(index = 0, name = "email", description = "The account's email address (its sign-in name)", required = true)
    String email;

    @Option(name = "--admin", description = "Grant the admin role besides user")
    boolean admin;

    @Option(name = "--name", description = "Display name; default: the part of the email before the @")
    String displayName;

    @Option(name = "--password", description = "The password; asked for when absent (preferred: not kept in the history)")
    String password;

    @Reference
    AccountService accounts;

    @Reference(optional = true)
    Session session;

    @Override
    public Object execute() throws Exception {
        String secret = password;
        if (secret == null) {
            if (session == null) {
                System.err.println("Cannot add user: no terminal to ask for the password; pass --password");
                return null;
            }
            secret = session.readLine("Password: ", '*');
            if (secret == null || !secret.equals(session.readLine("Repeat the password: ", '*'))) {
                System.err.println("Cannot add user: the passwords differ");
                return null;
            }
        }
        String outcome = add(accounts, email, secret, displayName, admin);
        (outcome.startsWith("Cannot") ? System.err : System.out).println(outcome);
        return null;
    }

    /** @return the line to print: the new account, or why it was refused */
    static String add(AccountService accounts, String email, String password, String displayName, boolean admin) {
        String name = displayName != null ? displayName : email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        try {
            Account account = accounts.register(email, password, name, admin ? Set.of(Roles.ADMIN) : Set.of());
            return "User " + account.id() + " <" + account.email() + "> created with roles " + new java.util.TreeSet<>(account.roles());
        } catch (AccountException e) {
            return "Cannot add user: " + e.getMessage();
        }
    }
}
