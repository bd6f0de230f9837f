package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** What is left of a refused request's body is read, up to the bound. */
class UnreadBodyTest {

    /** A body of {@code size} bytes (negative: endless) that counts what was read. */
    private static HttpServletRequest request(long size, AtomicLong read) {
        ServletInputStream body = new ServletInputStream() {
            @Override
            public int read() {
                if (size >= 0 && read.get() >= size) {
                    return -1;
                }
                read.incrementAndGet();
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                long left = size < 0 ? length : Math.min(length, size - read.get());
                if (left <= 0) {
                    return -1;
                }
                read.addAndGet(left);
                return (int) left;
            }

            @Override
            public boolean isFinished() {
                return size >= 0 && read.get() >= size;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(UnreadBodyTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContentLengthLong" -> size;
                    case "getInputStream" -> body;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void readsTheRestOfABody() {
        AtomicLong read = new AtomicLong();
        UnreadBody.drain(request(3_000_000, read));
        assertEquals(3_000_000, read.get());
    }

    @Test
    void stopsAtTheBound() {
        AtomicLong read = new AtomicLong();
        UnreadBody.drain(request(-1, read));
        assertEquals(UnreadBody.LIMIT_BYTES, read.get());
    }

    @Test
    void leavesBodilessRequestsAlone() {
        AtomicLong read = new AtomicLong();
        UnreadBody.drain(request(0, read));
        assertEquals(0, read.get());
    }
}
