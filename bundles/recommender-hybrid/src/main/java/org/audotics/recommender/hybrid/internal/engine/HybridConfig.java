package org.audotics.recommender.hybrid.internal.engine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the hybrid engine, PID {@value #PID} ({@code etc/org.audotics.recommender.hybrid.cfg}). The
 * model defaults are the hyper-parameters chosen on the Last.fm validation split (docs/recommender.md).
 */
@ObjectClassDefinition(name = "Audotics hybrid recommender", description = "iALS + RP3β collaborative model from the listening history, popularity and content fallback")
public @interface HybridConfig {

    String PID = "org.audotics.recommender.hybrid";

    @AttributeDefinition(name = "Training interval", description = "Minutes between two trainings across the cluster: every minute (and at activation) a node starts one when the newest stored model is older than this; 0 trains only when no model is stored; negative never trains on its own (POST /v1/recommender/training still does)")
    int training_interval_minutes() default 60;

    @AttributeDefinition(name = "Training lease", description = "Seconds a node holds the cluster's training lease without renewing it (it renews every third of this while it trains); a node that dies mid-training frees it after this long")
    int training_lease_seconds() default 120;

    @AttributeDefinition(name = "Models kept", description = "Stored model versions kept in the database, at least 1; older ones are deleted after each training")
    int models_keep() default 3;

    @AttributeDefinition(name = "Model poll", description = "Seconds between two checks of the database for a newer stored model (catches a pub/sub announcement this node missed); 0 relies on pub/sub alone")
    int models_poll_seconds() default 60;

    @AttributeDefinition(name = "Holdout share", description = "Share of each listener's liked tracks held out to measure the offline metrics of a training (listeners with at least 5); 0 measures nothing and halves the training time")
    double evaluation_holdout_share() default 0.2;

    @AttributeDefinition(name = "Evaluated listeners", description = "Listeners ranked at most when measuring the offline metrics (each a full scan of the tracks)")
    int evaluation_max_users() default 1000;

    @AttributeDefinition(name = "Page size", description = "Interactions read per history call while training, 1..10000")
    int training_page_size() default 10_000;

    @AttributeDefinition(name = "Training threads", description = "Threads the training uses (requests are never slowed by more than these)")
    int training_threads() default 1;

    @AttributeDefinition(name = "Factors", description = "iALS dimensions k")
    int als_factors() default 128;

    @AttributeDefinition(name = "Regularisation", description = "iALS λ, scaled per row by (n + α0·N)^ν")
    double als_regularization() default 0.003;

    @AttributeDefinition(name = "Unobserved weight", description = "iALS α0, the weight of every unobserved cell")
    double als_unobserved_weight() default 1.111;

    @AttributeDefinition(name = "Frequency exponent", description = "iALS ν in [0, 1]")
    double als_frequency_exponent() default 1.0;

    @AttributeDefinition(name = "Epochs", description = "iALS alternations")
    int als_epochs() default 10;

    @AttributeDefinition(name = "CG steps", description = "Conjugate-gradient steps per row and half-epoch")
    int als_cg_steps() default 4;

    @AttributeDefinition(name = "Confidence α", description = "c = 1 + α·ln(1 + strength/ε)")
    double confidence_alpha() default 1.0;

    @AttributeDefinition(name = "Confidence ε", description = "Strength (full plays) at which the log term is ln 2")
    double confidence_epsilon() default 1.0;

    @AttributeDefinition(name = "RP3β α", description = "Exponent of the walk's transition probabilities")
    double rp3_alpha() default 0.8;

    @AttributeDefinition(name = "RP3β β", description = "Popularity exponent dividing each destination's weight")
    double rp3_beta() default 0.35;

    @AttributeDefinition(name = "RP3β neighbours", description = "Neighbours kept per track")
    int rp3_neighbours() default 300;

    @AttributeDefinition(name = "RP3β log strengths", description = "Walk over ln(1 + strength) instead of 0/1")
    boolean rp3_log_scaled() default true;

    @AttributeDefinition(name = "RP3β walk cap", description = "A listener's tracks walked at most (an even sample beyond)")
    int rp3_max_walk_items() default 2000;

    @AttributeDefinition(name = "Factor weight", description = "Weight of the iALS score in the blend")
    double blend_factor_weight() default 0.3;

    @AttributeDefinition(name = "Graph weight", description = "Weight of the RP3β score in the blend")
    double blend_graph_weight() default 0.7;

    @AttributeDefinition(name = "Popularity penalty", description = "Weight of −ln(1 + listeners)/ln(1 + max listeners) in the blend")
    double blend_popularity_penalty() default 0.2;

    @AttributeDefinition(name = "Factor popularity exponent", description = "γ: each track's iALS score is multiplied by (1 + listeners)^−γ before the blend (0: off)")
    double blend_factor_popularity_exponent() default 0.0;

    @AttributeDefinition(name = "Similar: co-listening weight", description = "GET /v1/tracks/{id}/similar: weight of the model's item–item similarity (factor cosine + RP3β) in a similar track's score")
    double similar_co__listening_weight() default 0.7;

    @AttributeDefinition(name = "Similar: sound weight", description = "GET /v1/tracks/{id}/similar: weight of the audio-feature closeness in a similar track's score (tracks the model does not know are answered by sound alone)")
    double similar_sound_weight() default 0.3;

    @AttributeDefinition(name = "Factor import", description = "Directory with Spark MLlib userFactors/ and itemFactors/ JSON lines; when set, the factors are loaded from there instead of trained (RP3β is still trained from the history). Empty: train")
    String factors_import() default "";
}
