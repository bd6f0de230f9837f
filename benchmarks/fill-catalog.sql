-- Fills an empty, migrated catalog (Liquibase change sets catalog-1 … catalog-3 applied by a first start of the
-- server) with :n generated tracks in one transaction, straight in SQL: :n/20 artists, :n/10 albums of ten
-- tracks each, one artist credit and one genre per track, audio features on every track. Names are 1–4 words
-- (tracks) or 2 words (artists, albums) of a 20 000-word vocabulary of 4–8 letters a–p
-- (translate(md5('w' || i)), the same words benchmarks/search-million.sh queries. Leaves the catalog revision
-- alone, so a search index on disk at that revision stays as it was (empty) until POST /v1/search/index rebuilds
-- it: that is the rebuild the benchmark times. Add `UPDATE catalog_revision SET revision = revision + 1` to make
-- a server rebuild by itself at start instead.
-- Usage: psql -v n=1000000 -f benchmarks/fill-catalog.sql <database>
\set ON_ERROR_STOP on
BEGIN;
-- a table joined by number, not an array: a subscript of a 20 000-word array detoasts the whole array every time
CREATE TEMP TABLE bench_vocab ON COMMIT DROP AS
    SELECT i, translate(substr(md5('w' || i), 1, 4 + i % 5), '0123456789', 'ghijklmnop') AS word
    FROM generate_series(0, 19999) i;
ALTER TABLE bench_vocab ADD PRIMARY KEY (i);
ANALYZE bench_vocab;

INSERT INTO artist (id, external_id, name)
SELECT 'bar' || n, 'bench-artist-' || n, initcap((SELECT word FROM bench_vocab WHERE i = ((n * 7919) % 20000)::int)) || ' ' || initcap((SELECT word FROM bench_vocab WHERE i = ((n * 104729 + 13) % 20000)::int))
FROM generate_series(1::bigint, :n / 20) n;

INSERT INTO album (id, external_id, name, release_date, album_type, label)
SELECT 'bal' || n, 'bench-album-' || n, initcap((SELECT word FROM bench_vocab WHERE i = ((n * 31337) % 20000)::int)) || ' ' || initcap((SELECT word FROM bench_vocab WHERE i = ((n * 2663 + 7) % 20000)::int)),
       (1950 + n % 76) || '-' || lpad((1 + n % 12)::text, 2, '0') || '-' || lpad((1 + n % 28)::text, 2, '0'), 'album', NULL
FROM generate_series(1::bigint, :n / 10) n;

INSERT INTO album_artist (album_id, position, artist_id)
SELECT 'bal' || n, 0, 'bar' || (1 + n % (:n / 20)) FROM generate_series(1::bigint, :n / 10) n;

INSERT INTO track (id, external_id, name, album_id, duration_ms, popularity, explicit, track_number, disc_number,
                   acousticness, danceability, energy, instrumentalness, music_key, liveness, loudness, mode, speechiness,
                   tempo, time_signature, valence)
SELECT 'btr' || n, 'bench-track-' || n,
       concat_ws(' ', initcap((SELECT word FROM bench_vocab WHERE i = ((n * 7) % 20000)::int)),
                 CASE WHEN n % 4 >= 1 THEN (SELECT word FROM bench_vocab WHERE i = ((n * 7919 + 1) % 20000)::int) END,
                 CASE WHEN n % 4 >= 2 THEN (SELECT word FROM bench_vocab WHERE i = ((n * 15485863 + 2) % 20000)::int) END,
                 CASE WHEN n % 4 >= 3 THEN (SELECT word FROM bench_vocab WHERE i = ((n * 32452843 + 3) % 20000)::int) END),
       'bal' || (1 + n % (:n / 10)), 150000 + n % 120000, (n * 13) % 101, n % 17 = 0, 1 + n / (:n / 10), 1,
       ((n * 37) % 1000) / 1000.0, ((n * 53) % 1000) / 1000.0, ((n * 71) % 1000) / 1000.0, ((n * 89) % 1000) / 1000.0,
       n % 12, ((n * 97) % 1000) / 1000.0, -((n * 101) % 600) / 10.0, n % 2, ((n * 103) % 1000) / 1000.0,
       60 + (n * 107) % 140, 4, ((n * 109) % 1000) / 1000.0
FROM generate_series(1::bigint, :n) n;

-- the track's artist is its album's
INSERT INTO track_artist (track_id, position, artist_id)
SELECT 'btr' || n, 0, 'bar' || (1 + (1 + n % (:n / 10)) % (:n / 20)) FROM generate_series(1::bigint, :n) n;

INSERT INTO track_genre (track_id, genre)
SELECT 'btr' || n, lower((SELECT word FROM bench_vocab WHERE i = ((n % 60))::int)) FROM generate_series(1::bigint, :n) n;

COMMIT;
ANALYZE artist; ANALYZE album; ANALYZE album_artist; ANALYZE track; ANALYZE track_artist; ANALYZE track_genre;
