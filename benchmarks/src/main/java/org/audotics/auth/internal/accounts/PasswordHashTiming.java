package org.audotics.auth.internal.accounts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Argon2id cost at the configured parameters (OWASP: m=19 MiB, t=2, p=1): wall and CPU time of
 * {@code hash} and {@code verify} on one thread, p50 and p99 over N runs after a warm-up.
 *
 * <pre>java -cp target/audotics-benchmarks.jar org.audotics.auth.internal.accounts.PasswordHashTiming [runs] [memoryKib] [iterations]</pre>
 */
public final class PasswordHashTiming {

    private PasswordHashTiming() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int memory = args.length > 1 ? Integer.parseInt(args[1]) : PasswordHasher.OWASP_MEMORY_KIB;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : PasswordHasher.OWASP_ITERATIONS;
        PasswordHasher hasher = new PasswordHasher(memory, iterations, PasswordHasher.OWASP_PARALLELISM);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String password = "a tune only I hum, twice";
        for (int i = 0; i < 10; i++) {
            hasher.verify(password, hasher.hash(password)); // warm-up: JIT
        }
        long[] hashWall = new long[runs];
        long[] hashCpu = new long[runs];
        long[] verifyWall = new long[runs];
        String encoded = hasher.hash(password);
        for (int i = 0; i < runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            encoded = hasher.hash(password + i);
            hashWall[i] = System.nanoTime() - start;
            hashCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
            start = System.nanoTime();
            if (hasher.verify("a wrong password", encoded)) {
                throw new AssertionError("a wrong password matched");
            }
            verifyWall[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "Argon2id m=%d KiB, t=%d, p=1, %d runs, %d processors, Java %s%n", memory, iterations, runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        print("hash   wall", hashWall);
        print("hash   cpu ", hashCpu);
        print("verify wall", verifyWall);
        System.out.println("e.g. " + encoded.substring(0, encoded.lastIndexOf('$')) + "$...");
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
