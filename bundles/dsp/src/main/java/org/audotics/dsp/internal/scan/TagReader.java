package org.audotics.dsp.internal.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * Reads title, artists, album, genre, track and disc number from a file's tags with jaudiotagger
 * (ID3v1/v2 in MP3, Vorbis comments in FLAC and Ogg, RIFF INFO and ID3 in WAV, ID3 in AIFF). What the
 * tags lack comes from the file name: {@code "03 - Artist - Title.flac"}, {@code "03. Title.mp3"} or
 * just {@code "Title.wav"}; the artist falls back to {@value #UNKNOWN_ARTIST}. A file whose tags cannot be
 * read at all is described by its name alone: tags are optional, the audio is what gets analysed.
 */
final class TagReader {

    static final String UNKNOWN_ARTIST = "Unknown artist";
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,3})\\s*(?:[-._)]\\s*|\\s+)(.+)$");
    private static final Pattern NUMERIC_GENRE = Pattern.compile("^\\(?(\\d{1,3})\\)?$");
    private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d{1,4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    static {
        // jaudiotagger reports every oddity of every file through java.util.logging at INFO
        Logger.getLogger("org.jaudiotagger").setLevel(Level.SEVERE);
    }

    private TagReader() {
    }

    static FileTags read(Path file) {
        FileTags fromName = fromName(file);
        try {
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag = audio.getTag();
            int durationMs = audio.getAudioHeader() == null ? 0 : (int) Math.min(86_400_000, Math.round(audio.getAudioHeader().getPreciseTrackLength() * 1000));
            if (tag == null) {
                return new FileTags(fromName.title(), fromName.artists(), null, null, fromName.trackNumber(), 0, null, durationMs);
            }
            String title = first(tag, FieldKey.TITLE);
            List<String> artists = new ArrayList<>();
            for (String artist : tag.getAll(FieldKey.ARTIST)) {
                for (String name : artist.split("\\s*;\\s*|\\s+/\\s+")) {
                    if (!name.isBlank() && !artists.contains(name.strip())) {
                        artists.add(name.strip());
                    }
                }
            }
            return new FileTags(
                    title != null ? title : fromName.title(),
                    artists.isEmpty() ? fromName.artists() : List.copyOf(artists.subList(0, Math.min(50, artists.size()))),
                    first(tag, FieldKey.ALBUM),
                    genre(first(tag, FieldKey.GENRE)),
                    number(first(tag, FieldKey.TRACK), fromName.trackNumber(), 10_000),
                    number(first(tag, FieldKey.DISC_NO), 0, 1_000),
                    year(first(tag, FieldKey.YEAR)),
                    durationMs);
        } catch (Exception | LinkageError e) {
            return fromName; // unreadable or unsupported tags: the name must do
        }
    }

    static FileTags fromName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').strip();
        int track = 0;
        Matcher numbered = LEADING_NUMBER.matcher(base);
        if (numbered.matches()) {
            track = Integer.parseInt(numbered.group(1));
            base = numbered.group(2).strip();
        }
        String artist = UNKNOWN_ARTIST;
        int separator = base.indexOf(" - ");
        if (separator > 0 && separator < base.length() - 3) {
            artist = base.substring(0, separator).strip();
            base = base.substring(separator + 3).strip();
        }
        if (base.isBlank()) {
            base = name;
        }
        return new FileTags(limit(base, 500), List.of(limit(artist, 500)), null, null, track, 0, null, 0);
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            String value = tag.getFirst(key);
            return value == null || value.isBlank() ? null : limit(value.strip(), 500);
        } catch (RuntimeException unsupportedByThisFormat) {
            return null;
        }
    }

    /** ID3v1 stores genres as numbers, sometimes in parentheses: "(17)" is Rock. */
    private static String genre(String value) {
        if (value == null) {
            return null;
        }
        Matcher numeric = NUMERIC_GENRE.matcher(value);
        if (numeric.matches()) {
            String named = GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(numeric.group(1)));
            return named == null ? null : named.toLowerCase(Locale.ROOT);
        }
        return limit(value.toLowerCase(Locale.ROOT), 100);
    }

    /** "3", "03" or "3/12". */
    private static int number(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        Matcher matcher = NUMBER.matcher(value);
        return matcher.find() ? Math.min(max, Integer.parseInt(matcher.group(1))) : fallback;
    }

    private static String year(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = YEAR.matcher(value);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String limit(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
