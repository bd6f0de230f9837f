-- Fills the listening history of a catalog filled by fill-catalog.sql with :events generated events of :users
-- listeners over :tracks tracks, straight in SQL (no ingest involved), in one transaction, plus the daily rollups
-- the ingest would have written (history_track_day, history_artist_day) and each listener's history version.
--
-- The data has a structure a collaborative model can learn, and that a popularity list cannot answer alone:
--   * listener n's activity is skewed (a few heavy listeners, many light ones): its number is drawn as
--     users · r^1.5, then scattered over 1..users by a multiplicative permutation, so low numbers (the accounts
--     the benchmark signs in as, table bench_real_user) are listeners of ordinary activity, not the heaviest;
--   * each listener belongs to one of 60 taste communities (n % 60), and 80 % of their events are on tracks of
--     that community (tracks 60k + community + 1, whose genre fill-catalog.sql makes the same word), the rest
--     anywhere; within both, track popularity falls off as r^2 (a long tail);
--   * 85 % plays of 30–100 % of the track (weight = completion), 10 % skips (−0.5), 5 % likes (+2), spread over
--     the last 90 days.
-- Seeded (setseed), so a run is repeatable. Listener ids are bench_real_user's id for numbers it lists (accounts
-- the benchmark registered, so their tokens are the listeners the model knows), 'bu' || n for the others.
-- Usage: psql -v users=100000 -v events=10000000 -v tracks=1000000 -f benchmarks/fill-history.sql <database>
-- (bench_real_user (n int, id text) must exist: CREATE TABLE it, empty, when no account is needed).
\set ON_ERROR_STOP on
BEGIN;
SELECT setseed(0.15) AS seeded \gset

CREATE TEMP TABLE bench_event ON COMMIT DROP AS
SELECT e,
       1 + (floor(:users * power(r_user, 1.5))::bigint * 7919) % :users AS listener,
       r_home, r_track, r_type, r_completion, r_time
FROM (SELECT e, random() AS r_user, random() AS r_home, random() AS r_track, random() AS r_type,
             random() AS r_completion, random() AS r_time
      FROM generate_series(1::bigint, :events) e) draws;

INSERT INTO history_event (user_id, track_id, event_type, started_at, ms_played, weight, context_type, context_id)
SELECT COALESCE(real.id, 'bu' || ev.listener),
       'btr' || ev.track_number,
       CASE WHEN ev.r_type < 0.85 THEN 'play' WHEN ev.r_type < 0.95 THEN 'skip' ELSE 'like' END,
       ev.started_at,
       CASE WHEN ev.r_type < 0.85 THEN ev.played ELSE 5000 END,
       CASE WHEN ev.r_type < 0.85 THEN LEAST(1.0, ev.played::double precision / ev.duration)
            WHEN ev.r_type < 0.95 THEN -0.5 ELSE 2.0 END,
       NULL, NULL
FROM (SELECT b.*,
             t.track_number,
             150000 + t.track_number % 120000 AS duration, -- fill-catalog.sql's duration_ms
             ((150000 + t.track_number % 120000) * (0.3 + 0.7 * b.r_completion))::bigint AS played,
             (extract(epoch FROM now()) * 1000)::bigint - (b.r_time * 90 * 86400000)::bigint AS started_at
      FROM bench_event b
      CROSS JOIN LATERAL (SELECT CASE
              WHEN b.r_home < 0.8 THEN 60 * floor((:tracks / 60 - 1) * power(b.r_track, 2))::bigint + b.listener % 60 + 1
              ELSE 1 + floor((:tracks - 1) * power(b.r_track, 2))::bigint END AS track_number) t) ev
LEFT JOIN bench_real_user real ON real.n = ev.listener
ORDER BY ev.started_at;

INSERT INTO history_track_day (user_id, track_id, day_number, score, plays)
SELECT user_id, track_id, (started_at / 86400000)::int, SUM(weight), SUM(CASE WHEN event_type = 'play' THEN 1 ELSE 0 END)
FROM history_event GROUP BY 1, 2, 3;

INSERT INTO history_artist_day (user_id, artist_id, day_number, score, plays)
SELECT h.user_id, ta.artist_id, (h.started_at / 86400000)::int, SUM(h.weight), SUM(CASE WHEN h.event_type = 'play' THEN 1 ELSE 0 END)
FROM history_event h JOIN track_artist ta ON ta.track_id = h.track_id GROUP BY 1, 2, 3;

-- the version the read cache keys a listener's answers by (one per stored batch): as if each had sent one batch
INSERT INTO history_user_version (user_id, version) SELECT DISTINCT user_id, 1 FROM history_event;

COMMIT;
ANALYZE history_event; ANALYZE history_track_day; ANALYZE history_artist_day;
