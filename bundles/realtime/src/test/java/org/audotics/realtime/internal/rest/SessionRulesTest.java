package org.audotics.realtime.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.audotics.http.api.ApiException;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionRules.Action;
import org.audotics.realtime.api.SessionRules.Who;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    @Test
    void theHostMayAlwaysAndOtherMembersOnlyWhereTheRuleSaysEveryone() {
        SessionRules rules = new SessionRules(Who.EVERYONE, Who.HOST, Who.HOST, Who.EVERYONE, 0.5);
        assertTrue(rules.allows(Action.ADD, false));
        assertFalse(rules.allows(Action.REMOVE, false));
        assertFalse(rules.allows(Action.REORDER, false));
        assertTrue(rules.allows(Action.SKIP, false));
        for (Action action : Action.values()) {
            assertTrue(rules.allows(action, true), action.name());
        }
    }

    @Test
    void aBodyWithoutRulesGetsTheDefaultsAndEachRuleIsReadByName() {
        assertEquals(SessionRules.DEFAULT, SessionResource.rules(null));
        SessionRules rules = SessionResource.rules(new SessionResource.RulesBody("host", null, "everyone", "host", 0.75, null));
        assertEquals(new SessionRules(Who.HOST, Who.EVERYONE, Who.EVERYONE, Who.HOST, 0.75), rules);
        assertEquals(Who.HOST, rules.playback(), "playback is the host's unless the body says otherwise");
        assertEquals(Who.EVERYONE, SessionResource.rules(new SessionResource.RulesBody(null, null, null, null, null, "everyone")).playback());
    }

    @Test
    void refusesUnknownRuleValuesAndSkipSharesOutsideZeroToOne() {
        assertEquals(400, assertThrows(ApiException.class, () -> SessionResource.rules(new SessionResource.RulesBody("owner", null, null, null, null, null))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> SessionResource.rules(new SessionResource.RulesBody(null, null, null, null, 0.0, null))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> SessionResource.rules(new SessionResource.RulesBody(null, null, null, null, 1.5, null))).status());
        assertThrows(IllegalArgumentException.class, () -> new SessionRules(Who.HOST, Who.HOST, Who.HOST, Who.HOST, 0));
    }

    @Test
    void readsTheSettingsOfACreateBodyAndRefusesBadOnes() {
        SessionSettings settings = SessionResource.settings(new SessionResource.CreateBody("  Friday  ", "public", 5, null, null, null));
        assertEquals(new SessionSettings("Friday", Visibility.PUBLIC, 5, SessionRules.DEFAULT), settings);
        assertEquals(Visibility.PRIVATE, SessionResource.settings(new SessionResource.CreateBody("x", null, null, null, null, null)).visibility());
        assertEquals("fairness", SessionResource.settings(new SessionResource.CreateBody("x", null, null, null, null, null)).strategy());
        SessionSettings chosen = SessionResource.settings(new SessionResource.CreateBody("x", null, null, null, "least_misery", 3));
        assertEquals("least_misery", chosen.strategy());
        assertEquals(3, chosen.autoFill());
        assertEquals(SessionResource.DEFAULT_MAX_MEMBERS, SessionResource.settings(new SessionResource.CreateBody("x", null, null, null, null, null)).maxMembers());
        for (SessionResource.CreateBody bad : new SessionResource.CreateBody[] {null, new SessionResource.CreateBody(" ", null, null, null, null, null),
                new SessionResource.CreateBody("x".repeat(101), null, null, null, null, null), new SessionResource.CreateBody("x", "secret", null, null, null, null),
                new SessionResource.CreateBody("x", null, 1, null, null, null), new SessionResource.CreateBody("x", null, 1001, null, null, null),
                new SessionResource.CreateBody("x", null, null, null, "loudest", null), new SessionResource.CreateBody("x", null, null, null, "Fairness", null),
                new SessionResource.CreateBody("x", null, null, null, null, -1), new SessionResource.CreateBody("x", null, null, null, null, 51),
                new SessionResource.CreateBody("x", null, null, new SessionResource.RulesBody(null, null, null, null, null, "anyone"), null, null)}) {
            assertEquals(400, assertThrows(ApiException.class, () -> SessionResource.settings(bad)).status(), String.valueOf(bad));
        }
    }
}
