package org.audotics.catalog.internal.store;

import org.apache.cayenne.CayenneDataObject;
import org.apache.cayenne.exp.property.PropertyFactory;
import org.apache.cayenne.exp.property.StringProperty;

/** One of the own artists of an album, at a 0-based position. Mapped in {@code catalog.map.xml}. */
public class AlbumArtistEntity extends CayenneDataObject {

    private static final long serialVersionUID = 1L;

    public static final StringProperty<String> ALBUM_ID = PropertyFactory.createString("albumId", String.class);
    public static final StringProperty<String> ARTIST_ID = PropertyFactory.createString("artistId", String.class);

    public String getAlbumId() {
        return (String) readProperty("albumId");
    }

    public void setAlbumId(String value) {
        writeProperty("albumId", value);
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
