/**
 * The machine-learning runtime: train, save, load and run small neural-network classifiers. Provided
 * by the long-lived ml bundle, which embeds Deeplearning4j/ND4J and is never redeployed (ND4J's native
 * libraries cannot be unloaded); bundles that need a model, including hot-swappable recommenders, call
 * this facade and never embed ND4J themselves.
 *
 * <p>1.1: {@link org.audotics.ml.api.LinearAlgebra}, dense Gram matrices and symmetric inverses on native BLAS for
 * collaborative-filtering training.
 */
@Export
@Version("1.1.0")
package org.audotics.ml.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
