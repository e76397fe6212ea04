package org.juniper.upgrade.deployment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads, taken from its files: application.properties (profile prefixes dropped), the config mappings
 * and config properties of its sources and of platform-bindings when it depends on it, and its image file.
 */
final class ServiceConfig {
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern METHOD = Pattern.compile("^\\s+([\\w.<>, ?]+?)\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern NESTED = Pattern.compile("interface\\s+(\\w+)\\s*\\{");

    final String name;
    final Map<String, String> properties = new LinkedHashMap<>();
    final Set<String> configNames = new TreeSet<>();
    final Map<String, String> imageEnv = new LinkedHashMap<>();

    private ServiceConfig(String name) {
        this.name = name;
    }

    static ServiceConfig of(String service) {
        ServiceConfig config = new ServiceConfig(service);
        Path module = Project.path(service);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Project.read(module.resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (!key.startsWith("%")) {
                config.properties.put(plain, properties.getProperty(key));
            }
            config.configNames.add(plain);
        }
        List<Path> sources = new ArrayList<>(List.of(module.resolve("src/main/java")));
        if (Project.read(module.resolve("pom.xml")).contains("<artifactId>platform-bindings</artifactId>")) {
            sources.add(Project.path("platform-bindings/src/main/java"));
        }
        for (Path folder : sources) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(f -> f.toString().endsWith(".java")).map(Project::read).forEach(config::readSource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path dockerfile = module.resolve("src/main/docker/Dockerfile.jvm");
        if (Files.exists(dockerfile)) {
            for (String line : Project.read(dockerfile).split("\n")) {
                if (line.startsWith("ENV ")) {
                    String[] assignment = line.substring(4).strip().split("=", 2);
                    config.imageEnv.put(assignment[0], assignment[1]);
                }
            }
        }
        return config;
    }

    /** Config mapping interfaces: each method a property under the prefix, nested interfaces one level deeper. */
    private void readSource(String source) {
        Matcher property = PROPERTY.matcher(source);
        while (property.find()) {
            configNames.add(property.group(1));
        }
        Matcher mapping = MAPPING.matcher(source);
        if (!mapping.find()) {
            return;
        }
        String prefix = mapping.group(1);
        Map<String, String> nestedPrefixes = new LinkedHashMap<>();
        Matcher method = METHOD.matcher(source);
        List<String[]> methods = new ArrayList<>();
        while (method.find()) {
            methods.add(new String[] {method.group(1).strip(), method.group(2), String.valueOf(method.start())});
        }
        Matcher nested = NESTED.matcher(source);
        List<int[]> nestedBodies = new ArrayList<>();
        List<String> nestedNames = new ArrayList<>();
        boolean first = true;
        while (nested.find()) {
            if (first) {
                first = false;
                continue;
            }
            nestedNames.add(nested.group(1));
            nestedBodies.add(new int[] {nested.start(), source.indexOf("\n    }", nested.start())});
        }
        for (String[] m : methods) {
            if (nestedNames.contains(m[0])) {
                nestedPrefixes.put(m[0], prefix + "." + kebab(m[1]));
            }
        }
        for (String[] m : methods) {
            if (nestedNames.contains(m[0])) {
                continue;
            }
            int at = Integer.parseInt(m[2]);
            String owner = prefix;
            for (int i = 0; i < nestedBodies.size(); i++) {
                if (at > nestedBodies.get(i)[0] && at < nestedBodies.get(i)[1]) {
                    owner = nestedPrefixes.get(nestedNames.get(i));
                    if (owner == null) {
                        throw new IllegalStateException("no accessor of nested mapping " + nestedNames.get(i));
                    }
                }
            }
            configNames.add(owner + "." + kebab(m[1]));
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** SmallRye Config's environment form of a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Incoming channels that are switched on or off per deployment: channel name to its settings. */
    Map<String, Map<String, String>> incomingChannels() {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("mp.messaging.incoming.")) {
                String rest = key.substring("mp.messaging.incoming.".length());
                String channel = rest.substring(0, rest.indexOf('.'));
                channels.computeIfAbsent(channel, c -> new LinkedHashMap<>())
                        .put(rest.substring(channel.length() + 1), value);
            }
        });
        return channels;
    }

    /** Every topic the service reads or writes, dead-letter topics included. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".topics"))) {
                for (String topic : value.split(",")) {
                    topics.add(topic.strip());
                }
            }
        });
        return topics;
    }

    /** Whether an environment variable sets something this service reads. */
    boolean reads(String envVar) {
        for (String name : configNames) {
            if (envName(name).equals(envVar)) {
                return true;
            }
        }
        for (String channel : incomingChannels().keySet()) {
            // SmallRye Reactive Messaging's switch of a configured channel
            if (envName("mp.messaging.incoming." + channel + ".enabled").equals(envVar)) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP port the service listens on given the environment of its container. */
    int httpPort(Map<String, String> env) {
        return Integer.parseInt(setting(env, "quarkus.http.port", "8080"));
    }

    String httpHost(Map<String, String> env) {
        return setting(env, "quarkus.http.host", "0.0.0.0");
    }

    /** Whether health and metrics are served on a management interface of their own, apart from the API. */
    boolean managementInterface() {
        return Boolean.parseBoolean(properties.get("quarkus.management.enabled"));
    }

    /** The port of the management interface (health, metrics) given the environment of its container. */
    int managementPort(Map<String, String> env) {
        return Integer.parseInt(setting(env, "quarkus.management.port", "9000"));
    }

    String managementHost(Map<String, String> env) {
        return setting(env, "quarkus.management.host", "0.0.0.0");
    }

    /** A property as the container sees it: its environment, then the image's, then application.properties. */
    private String setting(Map<String, String> env, String property, String fallback) {
        String variable = envName(property);
        return env.getOrDefault(variable, imageEnv.getOrDefault(variable, properties.getOrDefault(property, fallback)));
    }
}
