/**
 * The machine-learning runtime: train, save, load and run small neural-network classifiers. Provided
 * by the long-lived ml bundle, which embeds Deeplearning4j/ND4J and is never redeployed (ND4J's native
 * libraries cannot be unloaded); bundles that need a model, including hot-swappable recommenders, call
 * this facade and never embed ND4J themselves.
 */
@Export
@Version("1.0.0")
package org.audotics.ml.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
