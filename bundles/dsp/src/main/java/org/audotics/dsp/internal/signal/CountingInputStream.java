package org.audotics.dsp.internal.signal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from a file, so analysis can report how far it has come. */
final class CountingInputStream extends FilterInputStream {

    private final long size;
    private long count;
    private long mark;

    CountingInputStream(InputStream in, long size) {
        super(in);
        this.size = size;
    }

    double fraction() {
        return size <= 0 ? 0 : Math.min(1, (double) count / size);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public synchronized void mark(int limit) {
        super.mark(limit);
        mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        count = mark;
    }
}
