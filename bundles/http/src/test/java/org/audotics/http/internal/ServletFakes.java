package org.audotics.http.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Just enough of the servlet API to call a servlet or filter in a unit test. */
final class ServletFakes {

    private ServletFakes() {
    }

    static HttpServletRequest request(String method, String pathInfo, String remoteAddress, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, call, args) -> switch (call.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getRemoteAddr" -> remoteAddress;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getProtocol" -> "HTTP/1.1";
                    case "getAttribute" -> null;
                    default -> throw new UnsupportedOperationException(call.getName());
                });
    }

    /** A response that records what was set and written. */
    static final class Response {
        int status = 200;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse servlet() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, call, args) -> switch (call.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "addHeader" -> {
                            headers.merge((String) args[0], (String) args[1], (a, b) -> a + ", " + b);
                            yield null;
                        }
                        case "setContentType" -> {
                            headers.put("Content-Type", (String) args[0]);
                            yield null;
                        }
                        case "setCharacterEncoding" -> null;
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(call.getName());
                    });
        }
    }
}
