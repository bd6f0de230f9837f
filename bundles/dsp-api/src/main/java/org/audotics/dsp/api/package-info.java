/**
 * Audio analysis: turning an audio file into Spotify-style audio features. Provided by the DSP bundle.
 */
@Export
@Version("1.0.0")
package org.audotics.dsp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
