package org.audotics.catalog.internal.store;

import org.apache.cayenne.CayenneDataObject;
import org.apache.cayenne.exp.property.PropertyFactory;
import org.apache.cayenne.exp.property.StringProperty;

/** One genre of a track. Mapped in {@code catalog.map.xml}. */
public class TrackGenreEntity extends CayenneDataObject {

    private static final long serialVersionUID = 1L;

    public static final StringProperty<String> TRACK_ID = PropertyFactory.createString("trackId", String.class);
    public static final StringProperty<String> GENRE = PropertyFactory.createString("genre", String.class);

    public String getTrackId() {
        return (String) readProperty("trackId");
    }

    public void setTrackId(String value) {
        writeProperty("trackId", value);
    }

    public String getGenre() {
        return (String) readProperty("genre");
    }

    public void setGenre(String value) {
        writeProperty("genre", value);
    }
}
