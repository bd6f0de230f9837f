package org.audotics.dsp.api;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Computes audio features from an audio file.
 *
 * <p>Provided by the DSP bundle; called by the analysis job workers, concurrently (one file per call).
 * CPU-bound: a call may take seconds; callers run it off request threads.
 */
@ProviderType
public interface AudioAnalyzer {

    /**
     * @param audioFile a readable WAV, FLAC, MP3 or Ogg Vorbis file
     * @return the features and the analyser version that computed them
     * @throws UnsupportedAudioFormatException when the file is none of the supported formats
     * @throws UndecodableAudioException       when the format is supported but the content cannot be
     *                                         decoded or is too short or silent to analyse
     */
    AnalysisResult analyze(Path audioFile);
}
