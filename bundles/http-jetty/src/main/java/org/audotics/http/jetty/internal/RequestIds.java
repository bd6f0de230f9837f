package org.audotics.http.jetty.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;

/**
 * The id of one request ({@code X-Request-Id}): the client's own when it sends a usable one, so a proxy or
 * client that already tags its requests can follow them through our logs, else a new random one. It is
 * echoed in the answer's header, written in every log line of the request (MDC key {@value #MDC_KEY}) and in
 * the error body. A client's value is kept only if it is short and plain (letters, digits, {@code . _ : -}),
 * because it goes into log lines and JSON unescaped.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    /** The request attribute that holds the id, read by the REST bundle (it does not import this fragment). */
    static final String ATTRIBUTE = "org.audotics.request_id";
    static final String MDC_KEY = "request_id";
    static final int MAX_LENGTH = 64;

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** The id of this request: the one given by an earlier handler (an error dispatch), the client's, or a new one. */
    static String of(HttpServletRequest request) {
        Object given = request.getAttribute(ATTRIBUTE);
        if (given instanceof String id) {
            return id;
        }
        String sent = request.getHeader(HEADER);
        String id = usable(sent) ? sent : generated();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    static boolean usable(String sent) {
        return sent != null && USABLE.matcher(sent).matches();
    }

    /** 128 random bits in hex: unique enough across nodes without coordination. */
    static String generated() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            out[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }
}
