/**
 * Group listening sessions in real time: events that every member of a session receives, on every node.
 * Provided by the realtime bundle.
 */
@Export
@Version("1.1.0")
package org.audotics.realtime.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
