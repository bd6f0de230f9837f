package org.audotics.library.internal.playlists;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A playlist's {@code snapshot_id}: its version number, made opaque (base64url) so clients compare it and never
 * compute with it. Comparing strings is enough: any value other than the current one is stale.
 */
final class SnapshotIds {

    private SnapshotIds() {
    }

    static String of(long version) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v" + version).getBytes(StandardCharsets.US_ASCII));
    }
}
