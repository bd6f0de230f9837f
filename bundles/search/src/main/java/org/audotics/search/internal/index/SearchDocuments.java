package org.audotics.search.internal.index;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.Track;
import org.audotics.library.api.Playlist;
import org.audotics.search.api.SearchType;

/** Turns catalog items and public playlists into search documents (see {@link Fields}). */
public final class SearchDocuments {

    private final Analyzer analyzer;
    private final Function<String, String> ownerNames;

    /** Without owner names: playlists are found by their name and description only. */
    public SearchDocuments(Analyzer analyzer) {
        this(analyzer, ownerId -> null);
    }

    /** @param ownerNames an account id's display name, or null when it has none or is unknown */
    public SearchDocuments(Analyzer analyzer, Function<String, String> ownerNames) {
        this.analyzer = analyzer;
        this.ownerNames = ownerNames;
    }

    public static String key(SearchType type, String id) {
        return type.parameterValue() + ":" + id;
    }

    public Document track(Track track) {
        Document doc = base(SearchType.TRACK, track.id(), track.name(), track.popularity());
        doc.add(new TextField(Fields.TRACK, track.name(), Field.Store.NO));
        artists(doc, track.artists());
        if (track.album() != null) {
            doc.add(new TextField(Fields.ALBUM, track.album().name(), Field.Store.NO));
            year(doc, track.album().releaseDate());
        }
        genres(doc, track.genres());
        return doc;
    }

    public Document artist(Artist artist) {
        Document doc = base(SearchType.ARTIST, artist.id(), artist.name(), artist.popularity());
        doc.add(new TextField(Fields.ARTIST, artist.name(), Field.Store.NO));
        genres(doc, artist.genres());
        return doc;
    }

    public Document album(Album album) {
        Document doc = base(SearchType.ALBUM, album.id(), album.name(), album.popularity());
        doc.add(new TextField(Fields.ALBUM, album.name(), Field.Store.NO));
        artists(doc, album.artists());
        genres(doc, album.genres());
        year(doc, album.releaseDate());
        LocalDate day = releaseDay(album.releaseDate());
        if (day != null) {
            doc.add(new IntPoint(Fields.RELEASED, (int) day.toEpochDay()));
        }
        return doc;
    }

    /** A public playlist; its followers are the tie-break, as popularity is for catalog items. */
    public Document playlist(Playlist playlist) {
        return playlist(playlist, ownerNames.apply(playlist.ownerId()));
    }

    /** A page of public playlists, each owner's name looked up once (a rebuild reads many playlists of few owners). */
    public List<Document> playlists(List<Playlist> page) {
        Map<String, Optional<String>> names = new HashMap<>();
        return page.stream()
                .map(playlist -> playlist(playlist, names.computeIfAbsent(playlist.ownerId(), id -> Optional.ofNullable(ownerNames.apply(id))).orElse(null)))
                .toList();
    }

    private Document playlist(Playlist playlist, String owner) {
        Document doc = base(SearchType.PLAYLIST, playlist.id(), playlist.name(), playlist.followers());
        if (!playlist.description().isEmpty()) {
            doc.add(new TextField(Fields.DESCRIPTION, playlist.description(), Field.Store.NO));
        }
        if (owner != null) {
            doc.add(new TextField(Fields.OWNER, owner, Field.Store.NO));
        }
        return doc;
    }

    private Document base(SearchType type, String id, String name, int popularity) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, key(type, id), Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, type.parameterValue(), Field.Store.NO));
        doc.add(new StoredField(Fields.ID, id));
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
        doc.add(new TextField(Fields.NAME, name, Field.Store.NO));
        doc.add(new StringField(Fields.NAME_KEY, SearchAnalyzer.key(analyzer, name), Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.POPULARITY, popularity));
        return doc;
    }

    private static void artists(Document doc, List<ArtistRef> artists) {
        for (ArtistRef artist : artists) {
            doc.add(new TextField(Fields.ARTIST, artist.name(), Field.Store.NO));
        }
    }

    private static void genres(Document doc, List<String> genres) {
        for (String genre : genres) {
            doc.add(new TextField(Fields.GENRE, genre, Field.Store.NO));
        }
    }

    private static void year(Document doc, String releaseDate) {
        if (releaseDate != null && releaseDate.length() >= 4) {
            try {
                doc.add(new IntPoint(Fields.YEAR, Integer.parseInt(releaseDate.substring(0, 4))));
            } catch (NumberFormatException notAYear) {
                // an album with a malformed date has no year: year: filters skip it
            }
        }
    }

    /** @return the release day of a full date ({@code yyyy-mm-dd}), else null (year or month precision) */
    static LocalDate releaseDay(String releaseDate) {
        if (releaseDate == null || releaseDate.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(releaseDate);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
