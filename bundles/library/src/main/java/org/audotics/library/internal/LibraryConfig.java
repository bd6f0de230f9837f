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
}
