package io.leakwatch.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's configuration table lists every setting of ours the code reads, as its LEAKWATCH_*
 * environment variable, and nothing else: the keys of every {@code leakwatch.*} {@link ConfigMapping}
 * (members of a map of groups, such as the rate-limit rules, as application.properties names them) and
 * every {@code leakwatch.*} {@link ConfigProperty}.
 */
class ConfigurationTableTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern OUR_VARIABLE = Pattern.compile("`(LEAKWATCH_[A-Z0-9_]+)`");

    @Test
    void theReadmeTableListsExactlyTheSettingsTheCodeReads() throws Exception {
        Set<String> read = new TreeSet<>();
        for (String key : keysReadByTheCode()) {
            read.add(environmentVariable(key));
        }
        Set<String> documented = documentedVariables();

        assertTrue(read.size() > 40, "found the settings: " + read);
        assertEquals(List.of(), read.stream().filter(variable -> !documented.contains(variable)).toList(),
                "read by the code but missing from the README's configuration table");
        assertEquals(List.of(), documented.stream().filter(variable -> !read.contains(variable)).toList(),
                "in the README's configuration table but read by no code");
    }

    /** As SmallRye maps a property to an environment variable: upper case, every other character an underscore. */
    static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Set<String> documentedVariables() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> variables = new TreeSet<>();
        for (String line : readme.substring(start, end).lines().toList()) {
            if (line.startsWith("| `")) {
                String firstCell = line.substring(1, line.indexOf('|', 1));
                Matcher names = OUR_VARIABLE.matcher(firstCell);
                while (names.find()) {
                    variables.add(names.group(1));
                }
            }
        }
        return variables;
    }

    private static Set<String> keysReadByTheCode() throws Exception {
        Properties application = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            application.load(in);
        }
        Set<String> keys = new TreeSet<>();
        for (Class<?> type : portalClasses()) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null && mapping.prefix().startsWith("leakwatch")) {
                mappingKeys(mapping.prefix(), type, application, false, keys);
            }
            for (AnnotatedElement element : annotatedElements(type)) {
                ConfigProperty property = element.getAnnotation(ConfigProperty.class);
                if (property != null && property.name().startsWith("leakwatch.")) {
                    keys.add(property.name());
                }
            }
        }
        return keys;
    }

    /**
     * The keys of a mapping's members. In a map of groups only the keys application.properties gives (not
     * a profile's) count, with the members it sets or that have a default.
     */
    private static void mappingKeys(String prefix, Class<?> group, Properties application, boolean inMap, Set<String> keys) {
        for (Method member : group.getMethods()) {
            if (member.getParameterCount() > 0 || member.isDefault() || Modifier.isStatic(member.getModifiers())) {
                continue;
            }
            WithName renamed = member.getAnnotation(WithName.class);
            String key = prefix + "." + (renamed != null ? renamed.value() : kebab(member.getName()));
            Type returned = member.getGenericReturnType();
            Class<?> raw = member.getReturnType();
            if (raw == java.util.Map.class && returned instanceof ParameterizedType map
                    && map.getActualTypeArguments()[1] instanceof Class<?> value && isGroup(value)) {
                for (String entry : mapEntries(key, application)) {
                    mappingKeys(key + "." + entry, value, application, true, keys);
                }
            } else if (isGroup(raw)) {
                mappingKeys(key, raw, application, inMap, keys);
            } else if (!inMap || application.containsKey(key) || member.isAnnotationPresent(WithDefault.class)) {
                keys.add(key);
            }
        }
    }

    private static Set<String> mapEntries(String mapKey, Properties application) {
        Set<String> entries = new TreeSet<>();
        for (String key : application.stringPropertyNames()) {
            if (key.startsWith(mapKey + ".")) {
                entries.add(key.substring(mapKey.length() + 1).split("\\.", 2)[0]);
            }
        }
        return entries;
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("io.leakwatch.");
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<AnnotatedElement> annotatedElements(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            executables.add(constructor);
        }
        for (Executable executable : executables) {
            elements.addAll(List.of(executable.getParameters()));
        }
        return elements;
    }

    private static List<Class<?>> portalClasses() throws IOException, ClassNotFoundException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CLASSES.resolve("io").resolve("leakwatch"))) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        List<Class<?>> classes = new ArrayList<>();
        for (Path file : files) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            classes.add(Class.forName(name, false, ConfigurationTableTest.class.getClassLoader()));
        }
        return classes;
    }
}
