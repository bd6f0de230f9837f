package org.audotics.dsp.internal.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.api.AnalysisResult;
import org.audotics.dsp.api.AudioAnalyzer;
import org.audotics.dsp.internal.signal.HeuristicFeatures;
import org.audotics.dsp.internal.signal.SignalAnalysis;
import org.audotics.dsp.internal.signal.SignalFeatures;
import org.audotics.ml.api.ModelRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The complete analysis of one file: the signal measurements ({@link SignalAnalysis}), the heuristic
 * features ({@link HeuristicFeatures}) and the learned ones ({@link FeatureModels}), as Spotify-style
 * {@link AudioFeatures}; energy, danceability, valence and acousticness are our own measures mapped onto
 * Spotify's distribution ({@link FeatureScale}), the measures themselves kept as {@link RawFeatures}. Also offered to other bundles as the {@link AudioAnalyzer} service.
 *
 * <p>The models are loaded on the first analysis, not at start: loading them starts ND4J's native
 * libraries (seconds, several hundred MB), which a server that never analyses should not pay.
 */
@Component(service = {TrackAnalyzer.class, AudioAnalyzer.class})
public final class TrackAnalyzer implements AudioAnalyzer {

    /**
     * A file's signal measurements, the features computed from them (energy, danceability, valence and
     * acousticness on Spotify's scale, {@link FeatureScale}) and our own measures behind the mapped ones.
     */
    public record Analysis(SignalFeatures signal, AudioFeatures features, RawFeatures raw) {
    }

    private final ModelRuntime runtime;
    private volatile FeatureModels models;

    @Activate
    public TrackAnalyzer(@Reference ModelRuntime runtime) {
        this.runtime = runtime;
    }

    /** For tests: an analyzer with the given models (a factory, so DS sees one constructor only). */
    public static TrackAnalyzer withModels(FeatureModels models) {
        TrackAnalyzer analyzer = new TrackAnalyzer((ModelRuntime) null);
        analyzer.models = models;
        return analyzer;
    }

    @Override
    public AnalysisResult analyze(Path audioFile) {
        Analysis analysis = analyze(audioFile, progress -> { });
        return new AnalysisResult(analysis.features(), analysis.signal().durationMs(), SignalAnalysis.VERSION);
    }

    /**
     * @throws org.audotics.dsp.api.UnsupportedAudioFormatException for unsupported formats
     * @throws org.audotics.dsp.api.UndecodableAudioException for unreadable, too short or silent audio
     */
    public Analysis analyze(Path audioFile, DoubleConsumer progress) {
        SignalFeatures signal = SignalAnalysis.analyze(audioFile, progress);
        float[] d = signal.descriptors();
        FeatureModels.Learned learned = models().estimate(d);
        double energy = HeuristicFeatures.energy(d);
        RawFeatures raw = new RawFeatures(energy, HeuristicFeatures.danceability(d), HeuristicFeatures.valence(d, signal.mode(), energy),
                unit(learned.acousticness()));
        FeatureScale scale = FeatureScale.shipped();
        AudioFeatures features = new AudioFeatures(
                round(scale.map("acousticness", raw.acousticness())),
                round(scale.map("danceability", raw.danceability())),
                round(scale.map("energy", raw.energy())),
                round(learned.instrumentalness()),
                signal.key(),
                round(HeuristicFeatures.liveness(d)),
                Math.max(-60, Math.min(5, round(signal.loudness()))),
                signal.mode(),
                round(learned.speechiness()),
                Math.min(300, round(signal.tempo())),
                signal.timeSignature(),
                round(scale.map("valence", raw.valence())));
        return new Analysis(signal, features, raw);
    }

    private FeatureModels models() {
        FeatureModels loaded = models;
        if (loaded == null) {
            synchronized (this) {
                if (models == null) {
                    try {
                        models = FeatureModels.load(runtime);
                    } catch (IOException e) {
                        throw new IllegalStateException("the feature models could not be loaded: " + e.getMessage(), e);
                    }
                }
                loaded = models;
            }
        }
        return loaded;
    }

    /** A probability as a 0..1 value: NaN (degenerate descriptors) reads as 0, as the rounding always made it. */
    private static double unit(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
