package org.audotics.catalog.internal.store;

import org.apache.cayenne.CayenneDataObject;
import org.apache.cayenne.exp.property.PropertyFactory;
import org.apache.cayenne.exp.property.StringProperty;

/** One credited artist of a track, at a 0-based position. Mapped in {@code catalog.map.xml}. */
public class TrackArtistEntity extends CayenneDataObject {

    private static final long serialVersionUID = 1L;

    public static final StringProperty<String> TRACK_ID = PropertyFactory.createString("trackId", String.class);
    public static final StringProperty<String> ARTIST_ID = PropertyFactory.createString("artistId", String.class);

    public String getTrackId() {
        return (String) readProperty("trackId");
    }

    public void setTrackId(String value) {
        writeProperty("trackId", value);
    }

    public Integer getPosition() {
        return (Integer) readProperty("position");
    }

    public void setPosition(Integer value) {
        writeProperty("position", value);
    }

    public String getArtistId() {
        return (String) readProperty("artistId");
    }

    public void setArtistId(String value) {
        writeProperty("artistId", value);
    }
}
