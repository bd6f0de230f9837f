package org.audotics.realtime.api;

import java.util.Objects;

/**
 * What a new session is made with.
 *
 * @param name       1 to {@link SessionService#MAX_NAME_LENGTH} characters after trimming
 * @param visibility public sessions are listed to everyone and joined by id; private ones only by invite code
 * @param maxMembers 2 to {@link SessionService#MAX_MEMBERS}, the host included
 * @param rules      who may do what
 * @param strategy   how the group's recommendations combine the members' tastes: one of {@link #STRATEGIES}, the
 *                   wire names of the recommendation API's {@code GroupStrategy} (since 1.1; {@link #DEFAULT_STRATEGY})
 * @param autoFill   0 for none, else the server adds recommended items whenever fewer than this many items wait in the
 *                   queue, 0 to {@link #MAX_AUTO_FILL} (since 1.1; 0 when not given)
 */
public record SessionSettings(String name, Visibility visibility, int maxMembers, SessionRules rules, String strategy, int autoFill) {

    /** The group strategies a session may use. @since 1.1 */
    public static final java.util.List<String> STRATEGIES = java.util.List.of("average", "least_misery", "average_without_misery", "fairness");
    /** The strategy of a session that names none. @since 1.1 */
    public static final String DEFAULT_STRATEGY = "fairness";
    /** The largest {@link #autoFill()}. @since 1.1 */
    public static final int MAX_AUTO_FILL = 50;

    public SessionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(rules, "rules");
        name = name.strip();
        if (name.isEmpty() || name.length() > SessionService.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name holds 1 to " + SessionService.MAX_NAME_LENGTH + " characters");
        }
        if (maxMembers < 2 || maxMembers > SessionService.MAX_MEMBERS) {
            throw new IllegalArgumentException("maxMembers is 2 to " + SessionService.MAX_MEMBERS + ", was " + maxMembers);
        }
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("strategy is one of " + STRATEGIES + ", was " + strategy);
        }
        if (autoFill < 0 || autoFill > MAX_AUTO_FILL) {
            throw new IllegalArgumentException("autoFill is 0 to " + MAX_AUTO_FILL + ", was " + autoFill);
        }
    }

    /** The 1.0 settings: the default strategy, no auto-fill. */
    public SessionSettings(String name, Visibility visibility, int maxMembers, SessionRules rules) {
        this(name, visibility, maxMembers, rules, DEFAULT_STRATEGY, 0);
    }

    /** These settings with another strategy. @since 1.1 */
    public SessionSettings withStrategy(String newStrategy) {
        return new SessionSettings(name, visibility, maxMembers, rules, newStrategy, autoFill);
    }
}
