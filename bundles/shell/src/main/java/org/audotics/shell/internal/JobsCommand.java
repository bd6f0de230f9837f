package org.audotics.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.audotics.health.api.JobSource;
import org.audotics.health.api.JobStatus;
import org.osgi.framework.BundleContext;

/**
 * {@code audotics:jobs [KIND] [--limit N]}: the newest jobs of every kind (or of one: {@code import}, {@code scan},
 * {@code analysis}, {@code training}), each with a progress bar, its state and one line of detail. The kinds are the
 * registered {@link JobSource}s: a bundle that is not running has none to list.
 */
@Service
@Command(scope = "audotics", name = "jobs", description = "List import, scan, analysis and training jobs with their progress")
public final class JobsCommand implements Action {

    @Argument(index = 0, name = "kind", description = "Only this kind: import, scan, analysis or training")
    String kind;

    @Option(name = "--limit", description = "At most this many jobs per kind, newest first (1 to 1000; default 10)")
    int limit = 10;

    @Reference
    BundleContext context;

    @Override
    public Object execute() {
        if (limit < 1 || limit > 1000) {
            System.err.println("Cannot list jobs: --limit must be 1 to 1000");
            return null;
        }
        List<Jobs.Source> sources = Jobs.sources(context);
        if (kind != null && sources.stream().noneMatch(source -> source.kind().equals(kind))) {
            System.err.println("Cannot list jobs: no job source of kind '" + kind + "'; the kinds are "
                    + sources.stream().map(Jobs.Source::kind).toList());
            return null;
        }
        Instant now = Instant.now();
        for (Jobs.Source source : sources) {
            if (kind != null && !source.kind().equals(kind)) {
                continue;
            }
            JobSource jobs = context.getService(source.reference());
            if (jobs == null) {
                continue; // went away meanwhile
            }
            try {
                print(source.kind(), jobs.recentJobs(limit), now);
            } catch (RuntimeException e) {
                System.out.println(source.kind() + ": cannot read the jobs: " + e.getMessage());
                System.out.println();
            } finally {
                context.ungetService(source.reference());
            }
        }
        return null;
    }

    private static void print(String kind, List<JobStatus> jobs, Instant now) {
        System.out.println(kind + " jobs: " + (jobs.isEmpty() ? "none" : jobs.size() + (jobs.size() == 1 ? " (newest)" : " (newest first)")));
        if (!jobs.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (JobStatus job : jobs) {
                rows.add(List.of(job.id(), job.state(), Text.bar(job.progress()), Text.age(job.createdAt(), now) + " ago", job.detail()));
            }
            Text.table(List.of("ID", "STATE", "PROGRESS", "CREATED", "DETAIL"), rows).forEach(line -> System.out.println("  " + line));
        }
        System.out.println();
    }
}
