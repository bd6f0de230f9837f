package org.audotics.dsp.internal.scan;

/** Where a folder scan is. */
public enum ScanState { QUEUED, RUNNING, DONE, FAILED }
