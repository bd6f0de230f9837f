package org.audotics.library.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The library bundle's configuration, PID {@value #PID}. */
@ObjectClassDefinition(name = "Audotics library", description = "Playlists, saved items and follows")
public @interface LibraryConfig {

    String PID = "org.audotics.library";

    @AttributeDefinition(name = "Playlist cache (s)", description = "How long a playlist read (details and first page of tracks) is kept in the shared"
            + " cache; every change of the playlist evicts it on every node first, so no client reads an older playlist after a change answered. 0 turns the cache off")
    int playlist_cache_seconds() default 60;

    @AttributeDefinition(name = "Saved-contains cache (s)", description = "How long an answer of /v1/me/tracks/contains, /v1/me/albums/contains and"
            + " /v1/me/following/contains stays in the shared cache; every save, removal, follow or unfollow of the user makes their cached answers unused"
            + " on every node before it answers. 0 turns the cache off")
    int contains_cache_seconds() default 60;
}
