package org.audotics.http.jetty.internal;

import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The access-log line of an asynchronous request (long polling, streaming), written when it completes. */
final class AccessLogOnCompletion implements AsyncListener {

    private final long started;
    private final String requestId;

    AccessLogOnCompletion(long started, String requestId) {
        this.started = started;
        this.requestId = requestId;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (event.getSuppliedRequest() instanceof HttpServletRequest request
                && event.getSuppliedResponse() instanceof HttpServletResponse response) {
            AccessLog.log(request, response, started, requestId);
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
