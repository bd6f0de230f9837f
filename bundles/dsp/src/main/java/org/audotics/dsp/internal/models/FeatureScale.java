package org.audotics.dsp.internal.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Puts our own 0..1 measures on Spotify's scale: a monotone piecewise-linear map per feature, through
 * knots that pair a quantile of our raw measure over a reference corpus of real recordings with the same
 * quantile of Spotify's values for real tracks (quantile mapping). "0.8 energy" then means what it means
 * to a client written for Spotify: about as high as in Spotify's catalogue. The map matches distributions
 * only; it does not make a track's value agree with Spotify's for that track.
 *
 * <p>The knots ship as {@value #RESOURCE}, made by {@code benchmarks/accuracy/spotify-scale.py}
 * (method and figures in docs/dsp.md): one line per feature and side, {@code feature<TAB>raw|spotify<TAB>v,v,...},
 * raw knots strictly increasing, Spotify knots non-decreasing, both in [0, 1]; and optionally
 * {@code feature<TAB>median<TAB>raw,spotify}, the two medians the knots were fitted to (a record of the fit, for
 * tests and readers; the map does not read it); {@code #} starts a comment.
 * Values between knots are interpolated linearly, values outside the first and last raw knot are clamped to
 * the end knots (the generator puts them at 0 and 1). Immutable and thread-safe.
 */
public final class FeatureScale {

    public static final String RESOURCE = "scale/spotify-scale.tsv";

    private static volatile FeatureScale shipped;

    private final Map<String, double[][]> knots;
    private final Map<String, double[]> medians;

    private FeatureScale(Map<String, double[][]> knots, Map<String, double[]> medians) {
        this.knots = Collections.unmodifiableMap(knots);
        this.medians = Collections.unmodifiableMap(medians);
    }

    /** The knots shipped in the bundle, read once. */
    public static FeatureScale shipped() {
        FeatureScale loaded = shipped;
        if (loaded == null) {
            try (InputStream in = FeatureScale.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the feature scale " + RESOURCE + " is missing from the bundle");
                }
                loaded = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("the feature scale " + RESOURCE + " could not be read", e);
            }
            shipped = loaded;
        }
        return loaded;
    }

    /**
     * @throws IllegalArgumentException when a line is malformed, a feature lacks one side, the sides differ in
     *         length, raw knots do not increase strictly or Spotify knots decrease, or a knot is outside [0, 1]
     */
    public static FeatureScale parse(Reader text) throws IOException {
        Map<String, double[]> raw = new LinkedHashMap<>();
        Map<String, double[]> spotify = new LinkedHashMap<>();
        Map<String, double[]> medians = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(text);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3 || !(parts[1].equals("raw") || parts[1].equals("spotify") || parts[1].equals("median"))) {
                throw new IllegalArgumentException("not 'feature<TAB>raw|spotify|median<TAB>values': " + line);
            }
            double[] values = Arrays.stream(parts[2].split(",")).mapToDouble(Double::parseDouble).toArray();
            if (parts[1].equals("median") && values.length != 2) {
                throw new IllegalArgumentException("a median line holds the raw and the Spotify median: " + line);
            }
            (parts[1].equals("raw") ? raw : parts[1].equals("spotify") ? spotify : medians).put(parts[0], values);
        }
        Map<String, double[][]> knots = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> feature : raw.entrySet()) {
            String name = feature.getKey();
            double[] x = feature.getValue();
            double[] y = spotify.get(name);
            if (y == null || y.length != x.length || x.length < 2) {
                throw new IllegalArgumentException(name + ": raw and Spotify knots must pair up (at least two)");
            }
            for (int i = 0; i < x.length; i++) {
                if (!(x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1)) {
                    throw new IllegalArgumentException(name + ": knot " + i + " outside [0, 1]");
                }
                if (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1])) {
                    throw new IllegalArgumentException(name + ": knot " + i + " breaks the order (raw must increase, Spotify not decrease)");
                }
            }
            knots.put(name, new double[][] {x, y});
        }
        if (!spotify.keySet().equals(raw.keySet())) {
            throw new IllegalArgumentException("features with Spotify knots but no raw ones: " + spotify.keySet());
        }
        return new FeatureScale(knots, medians);
    }

    /** The features this scale maps. */
    public Set<String> features() {
        return knots.keySet();
    }

    /** {raw median of the fitting corpus, Spotify's median} as recorded by the generator, or null. */
    double[] fittedMedian(String feature) {
        double[] m = medians.get(feature);
        return m == null ? null : m.clone();
    }

    /** The knots of one feature: {raw values, Spotify values}, copies (for tests and tools). */
    double[][] knots(String feature) {
        double[][] k = knots.get(feature);
        return new double[][] {k[0].clone(), k[1].clone()};
    }

    /**
     * A raw measure on Spotify's scale.
     *
     * @param feature a name in {@link #features()}, e.g. {@code "energy"}
     * @param raw our measure, 0..1 (NaN reads as 0)
     * @throws IllegalArgumentException for a feature this scale does not map
     */
    public double map(String feature, double raw) {
        double[][] k = knots.get(feature);
        if (k == null) {
            throw new IllegalArgumentException("no scale for feature '" + feature + "'");
        }
        double[] x = k[0];
        double[] y = k[1];
        double v = Double.isNaN(raw) ? 0 : raw;
        if (v <= x[0]) {
            return y[0];
        }
        if (v >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int i = Arrays.binarySearch(x, v);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (v - x[lo]) / (x[hi] - x[lo]);
    }
}
