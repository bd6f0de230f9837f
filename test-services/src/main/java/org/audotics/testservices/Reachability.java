package org.audotics.testservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a server answers on an address, and a free port to start one on. */
final class Reachability {

    /** Long enough for a loaded machine's loopback, short enough that a missing server costs little. */
    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private Reachability() {
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port to start a test server on", e);
        }
    }

    /** Tells the developer which server a test run uses: on a laptop it may not be the one they expect. */
    static void announce(String message) {
        System.out.println("[audotics test services] " + message);
    }
}
