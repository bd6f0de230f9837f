package org.audotics.auth.internal.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.audotics.auth.internal.Scopes;
import org.junit.jupiter.api.Test;

class AuthorizePageTest {

    private static final String EVIL = "<script>alert('x')</script>\" onload=\"x&";

    @Test
    void escapingCoversElementContentAndQuotedAttributes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;", AuthorizePage.escape("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("plain text, é ü 日本", AuthorizePage.escape("plain text, é ü 日本"));
    }

    @Test
    void everyDynamicValueOnTheConsentPageIsEscaped() {
        String page = AuthorizePage.consent(EVIL, Set.of("user-read-private"), "pending\"><x>", EVIL, EVIL);
        assertFalse(page.contains("<script>"), page);
        assertFalse(page.contains("\" onload=\""), page);
        assertFalse(page.contains("pending\"><x>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onload=&quot;x&amp;"), page);
        assertTrue(page.contains("value=\"pending&quot;&gt;&lt;x&gt;\""), page);
        assertTrue(page.contains("<title>Allow &lt;script&gt;"), page);
    }

    @Test
    void theConsentPageNamesEachScopeInWordsAndHasTheFormFields() {
        String page = AuthorizePage.consent("My player", Set.of("user-top-read", "playlist-modify-private"), "p1", null, null);
        assertTrue(page.contains("<li>See your top artists and tracks.</li>"), page);
        assertTrue(page.contains("<li>Create, change and delete your private playlists.</li>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"authorize\""), page);
        assertTrue(page.contains("name=\"pending\" value=\"p1\""), page);
        assertTrue(page.contains("type=\"email\" name=\"email\""), page);
        assertTrue(page.contains("type=\"password\" name=\"password\""), page);
        assertTrue(page.contains("value=\"allow\">Allow") && page.contains("value=\"deny\">Deny"), page);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<meta charset=\"utf-8\">"), page);
        assertFalse(page.contains("<script"), "no script on the page");
    }

    @Test
    void noScopeSaysNoPersonalDataAndEveryUserScopeHasASentence() {
        assertTrue(AuthorizePage.consent("App", Set.of(), "p", null, null).contains(AuthorizePage.NO_SCOPE));
        assertEquals(Scopes.USER, AuthorizePage.SENTENCES.keySet());
    }

    @Test
    void theErrorPageEscapesToo() {
        String page = AuthorizePage.error("Title <i>", EVIL);
        assertFalse(page.contains("<script>") || page.contains("<i>"), page);
    }
}
