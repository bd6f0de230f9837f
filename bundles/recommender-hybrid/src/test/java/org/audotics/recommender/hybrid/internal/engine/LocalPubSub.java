package org.audotics.recommender.hybrid.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.audotics.cache.api.PubSub;

/** Pub/sub between engines of one test, as the cache bundle's in-process backend delivers it (to every subscriber). */
final class LocalPubSub implements PubSub {

    private final Map<String, List<Consumer<String>>> channels = new ConcurrentHashMap<>();
    final List<String> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String channel, String message) {
        published.add(channel + " " + message);
        channels.getOrDefault(channel, List.of()).forEach(listener -> listener.accept(message));
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> channels.getOrDefault(channel, List.of()).remove(listener);
    }
}
