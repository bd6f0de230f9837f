package org.audotics.http.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.audotics.http.api.ErrorCodes;
import org.osgi.service.component.annotations.Component;

/**
 * Answers every path that nothing else serves with the JSON error body, instead of the servlet
 * container's HTML 404 page.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=audotics-not-found"})
public final class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.error(request, response, 404, ErrorCodes.NOT_FOUND, "no resource at this path");
    }
}
