package org.audotics.dsp.internal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped quantile map onto Spotify's scale (docs/dsp.md, "Feature scale"), and the knot file's rules. */
class FeatureScaleTest {

    private static final List<String> MAPPED = List.of("energy", "danceability", "valence", "acousticness");

    @Test
    void mapsEveryFeatureTheAnalyzerReportsOnSpotifysScale() {
        assertEquals(Set.copyOf(MAPPED), FeatureScale.shipped().features());
    }

    @Test
    void theShippedMapIsMonotoneAndStaysInRange() {
        FeatureScale scale = FeatureScale.shipped();
        for (String feature : MAPPED) {
            double previous = -1;
            for (int i = 0; i <= 1000; i++) {
                double mapped = scale.map(feature, i / 1000.0);
                assertTrue(mapped >= 0 && mapped <= 1, feature + " out of range at " + i / 1000.0 + ": " + mapped);
                assertTrue(mapped >= previous, feature + " decreases at " + i / 1000.0 + ": " + previous + " -> " + mapped);
                previous = mapped;
            }
            assertTrue(scale.map(feature, 0.9) > scale.map(feature, 0.1), feature + " is not flat");
        }
    }

    /**
     * The knots pair the fitting corpus's percentiles with Spotify's: the corpus median (recorded by the generator)
     * lands on Spotify's median, computed here afresh from the real data set.
     */
    @Test
    void theFittingCorpusMedianMapsNearSpotifysMedian() throws Exception {
        Path csv = Path.of("../../../shared/data/spotify-features/tracks-by-genre.csv");
        assumeTrue(Files.isRegularFile(csv), "../shared/data (the project's shared data) is not beside the checkout");
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        FeatureScale scale = FeatureScale.shipped();
        for (String feature : MAPPED) {
            int column = header.indexOf(feature);
            int id = header.indexOf("track_id");
            Set<String> seen = new HashSet<>();
            List<Double> values = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                if (cells.length == header.size() && seen.add(cells[id])) {
                    try {
                        values.add(Double.parseDouble(cells[column]));
                    } catch (NumberFormatException messy) {
                        // a messy row of the real data set: skipped, as the generator skips it
                    }
                }
            }
            double spotifyMedian = median(values.stream().mapToDouble(Double::doubleValue).toArray());
            double[] fitted = scale.fittedMedian(feature);
            assertTrue(fitted != null, feature + ": the knot file records no fitted medians");
            assertEquals(spotifyMedian, fitted[1], 1e-4, feature + ": the knots were fitted to another Spotify set");
            double corpusMedian = fitted[0];
            assertEquals(spotifyMedian, scale.map(feature, corpusMedian), 0.05,
                    feature + ": corpus median " + corpusMedian + " should map to Spotify's median");
        }
    }

    @Test
    void interpolatesBetweenKnotsAndClampsOutsideThem() throws Exception {
        FeatureScale scale = FeatureScale.parse(new StringReader("# a comment\nenergy\traw\t0.2,0.4,0.8\nenergy\tspotify\t0.1,0.5,0.9\n"));
        assertEquals(0.3, scale.map("energy", 0.3), 1e-12);
        assertEquals(0.7, scale.map("energy", 0.6), 1e-12);
        assertEquals(0.5, scale.map("energy", 0.4), 1e-12);
        assertEquals(0.1, scale.map("energy", 0.0), 1e-12);
        assertEquals(0.9, scale.map("energy", 1.0), 1e-12);
        assertEquals(0.1, scale.map("energy", Double.NaN), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> scale.map("valence", 0.5));
    }

    @Test
    void refusesKnotsThatWouldBreakTheOrderOrTheRange() {
        for (String bad : new String[] {
            "energy\traw\t0.2,0.2,0.8\nenergy\tspotify\t0.1,0.5,0.9\n",   // raw not strictly increasing
            "energy\traw\t0.2,0.4,0.8\nenergy\tspotify\t0.1,0.6,0.5\n",   // Spotify side decreasing
            "energy\traw\t0.2,0.4,1.8\nenergy\tspotify\t0.1,0.5,0.9\n",   // outside [0, 1]
            "energy\traw\t0.2,0.4\nenergy\tspotify\t0.1,0.5,0.9\n",       // sides of different lengths
            "energy\traw\t0.2,0.4,0.8\n",                                 // no Spotify side
            "energy\tcooked\t0.2,0.4,0.8\n"}) {
            assertThrows(IllegalArgumentException.class, () -> FeatureScale.parse(new StringReader(bad)), bad);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
