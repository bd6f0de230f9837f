package org.audotics.dsp.internal.shell;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.audotics.dsp.internal.jobs.JobState;
import org.audotics.dsp.internal.scan.FolderScanner;
import org.audotics.dsp.internal.scan.ScanJob;
import org.audotics.dsp.internal.scan.ScanRefusedException;

/**
 * {@code audotics:scan DIR}: scans a music folder into the catalog and analyses it, drawing a progress
 * bar until every file is imported and analysed (Ctrl-C stops watching; the scan goes on). The same as
 * {@code POST /v1/scans}, confined to the same library roots.
 */
@Service
@Command(scope = "audotics", name = "scan", description = "Import a music folder into the catalog and analyse its audio")
public final class ScanCommand implements Action {

    private static final int BAR_WIDTH = 30;

    @Argument(index = 0, name = "folder", description = "Folder on the server to scan (recursively)", required = true)
    String folder;

    @Option(name = "--no-wait", description = "Start the scan and return at once")
    boolean noWait;

    @Reference
    FolderScanner scanner;

    @Override
    public Object execute() throws Exception {
        PrintStream out = System.out;
        ScanJob scan;
        try {
            scan = scanner.start(Path.of(folder).toAbsolutePath().toString());
        } catch (ScanRefusedException e) {
            System.err.println("Cannot scan: " + e.getMessage());
            return null;
        } catch (InvalidPathException e) {
            System.err.println("Cannot scan: '" + folder + "' is not a valid path");
            return null;
        }
        out.println("Scan " + scan.id() + " of " + scan.folder());
        if (noWait) {
            out.println("Follow it with GET /v1/scans/" + scan.id());
            return null;
        }
        FolderScanner.Progress progress;
        do {
            Thread.sleep(500); // interrupted by Ctrl-C: stops watching, not the scan
            progress = scanner.progress(scan.id()).orElseThrow();
            out.print("\r" + line(progress));
            out.flush();
        } while (!progress.finished());
        out.println();
        ScanJob done = progress.scan();
        if (done.errorMessage() != null) {
            out.println("Scan failed: " + done.errorMessage());
        } else {
            out.printf(Locale.ROOT, "%d files: %d imported, %d unchanged, %d unreadable; %d analysed, %d analyses failed%n", done.filesFound(),
                    done.imported(), done.unchanged(), done.failed(), progress.analyses(JobState.DONE), progress.analyses(JobState.FAILED));
        }
        return null;
    }

    static String line(FolderScanner.Progress progress) {
        ScanJob scan = progress.scan();
        int analysed = progress.analyses(JobState.DONE) + progress.analyses(JobState.FAILED);
        int work = scan.filesFound() + scan.imported();
        double share = progress.finished() ? 1 : work == 0 ? 0 : (scan.filesDone() + analysed) / (double) work;
        int filled = (int) Math.round(share * BAR_WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  files %d/%d  analysed %d/%d", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                Math.round(share * 100), scan.filesDone(), scan.filesFound(), analysed, scan.imported());
    }
}
