package org.audotics.dsp.internal.jobs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the DSP bundle, PID {@value #PID} ({@code etc/org.audotics.dsp.cfg}). */
@ObjectClassDefinition(name = "Audotics DSP", description = "Audio uploads, analysis workers and folder scans")
public @interface DspConfig {

    String PID = "org.audotics.dsp";

    @AttributeDefinition(name = "Audio folder", description = "Where uploaded audio is kept; empty: data/audotics/audio. Every node needs the same folder (shared storage) to run each other's jobs")
    String audio_folder() default "";

    @AttributeDefinition(name = "Largest upload (MB)", description = "Uploads larger than this are refused with 413")
    int max_upload_mb() default 200;

    @AttributeDefinition(name = "Worker threads", description = "Analyses run at once on this node (each uses one core)")
    int worker_threads() default 2;

    @AttributeDefinition(name = "Stale job (s)", description = "A running job not updated for this long (its node died) is queued again by any node")
    int stale_job_seconds() default 300;

    @AttributeDefinition(name = "Library roots", description = "Comma-separated absolute folders that folder scans may read (and their"
            + " subfolders); empty: data/audotics/music. Symbolic links leading out of every root are not followed")
    String library_roots() default "";
}
