/**
 * Audio analysis: turning an audio file into Spotify-style audio features. Implemented by the DSP bundle
 * (a later issue); nothing provides it yet.
 */
@Export
@Version("1.0.0")
package org.audotics.dsp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
