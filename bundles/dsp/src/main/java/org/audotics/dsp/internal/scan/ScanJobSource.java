package org.audotics.dsp.internal.scan;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.audotics.health.api.JobSource;
import org.audotics.health.api.JobStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The folder scans ({@code POST /v1/scans}, {@code audotics:scan}) for the operator's {@code audotics:jobs}. */
@Component(service = JobSource.class, property = JobSource.KIND + "=scan")
public final class ScanJobSource implements JobSource {

    private final FolderScanner scanner;

    @Activate
    public ScanJobSource(@Reference FolderScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public List<JobStatus> recentJobs(int limit) {
        return scanner.recent(Math.max(1, Math.min(limit, 1000))).stream().map(ScanJobSource::status).toList();
    }

    static JobStatus status(ScanJob scan) {
        boolean ended = scan.state() == ScanState.DONE || scan.state() == ScanState.FAILED;
        String detail = String.format(Locale.ROOT, "%s: files %d/%d, %d imported, %d unchanged, %d unreadable%s", scan.folder(), scan.filesDone(),
                scan.filesFound(), scan.imported(), scan.unchanged(), scan.failed(), scan.errorMessage() == null ? "" : ": " + scan.errorMessage());
        return new JobStatus("scan", scan.id(), scan.state().name().toLowerCase(Locale.ROOT), ended ? 1 : Math.max(0, Math.min(1, scan.fileProgress())),
                detail, Instant.ofEpochMilli(scan.createdAt()), ended ? Instant.ofEpochMilli(scan.updatedAt()) : null);
    }
}
