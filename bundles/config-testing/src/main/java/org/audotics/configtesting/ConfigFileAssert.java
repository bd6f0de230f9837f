package org.audotics.configtesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Asserts that a shipped {@code src/main/cfg/<pid>.cfg} lists exactly the attributes of a metatype
 * configuration {@code @interface}, each with its default value, so the file an admin reads never drifts
 * from what the code does when the file is absent.
 */
public final class ConfigFileAssert {

    private ConfigFileAssert() {
    }

    /**
     * @param cfgFile   the shipped file
     * @param config    the {@code @ObjectClassDefinition} annotation type
     */
    public static void assertMatchesDefaults(Path cfgFile, Class<?> config) throws IOException {
        assertMatchesDefaults(cfgFile, List.of(config));
    }

    /**
     * For a PID read by several components, each with its own configuration type: the file lists the keys of all.
     *
     * @param cfgFile the shipped file
     * @param configs the {@code @ObjectClassDefinition} annotation types sharing its PID
     */
    public static void assertMatchesDefaults(Path cfgFile, List<Class<?>> configs) throws IOException {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(cfgFile, StandardCharsets.UTF_8)) {
            file.load(reader);
        }
        Map<String, String> expected = new TreeMap<>();
        for (Class<?> config : configs) {
            for (Method attribute : config.getDeclaredMethods()) {
                Object value = attribute.getDefaultValue();
                if (value == null) {
                    fail(config.getSimpleName() + "." + attribute.getName() + " has no default");
                }
                expected.put(propertyName(attribute.getName()), render(value));
            }
        }
        Map<String, String> actual = new TreeMap<>();
        file.stringPropertyNames().forEach(key -> actual.put(key, file.getProperty(key).strip()));
        assertEquals(expected, actual, cfgFile + " must list every key of "
                + configs.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")) + " with its default");
    }

    /** The metatype mapping: {@code __} is {@code _}, {@code _} is {@code .}, {@code $$} is {@code $}. */
    static String propertyName(String method) {
        return method.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_').replace("$$", "$");
    }

    private static String render(Object value) {
        if (value instanceof String[] strings) {
            return String.join(",", strings);
        }
        if (value.getClass().isArray()) {
            Object[] boxed = Arrays.stream(toObjects(value)).toArray();
            return Arrays.stream(boxed).map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static Object[] toObjects(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        Object[] result = new Object[length];
        for (int i = 0; i < length; i++) {
            result[i] = java.lang.reflect.Array.get(array, i);
        }
        return result;
    }
}
