package io.otelref.conventions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.semconv.AttributeKeyTemplate;
import io.opentelemetry.semconv.ServiceAttributes;
import io.opentelemetry.semconv.incubating.ServiceIncubatingAttributes;
import io.otelref.telemetry.attributes.AppAttributes;

/**
 * The registry of OpenTelemetry semantic-convention attribute names, read by reflection from the
 * official artifacts on the classpath, and the judge of any attribute key against it.
 *
 * <p>The registry is every public static final {@link AttributeKey} (an exact name) and
 * {@link AttributeKeyTemplate} (a prefix such as {@code http.request.header.}, matched by any key that
 * continues it) of the {@code *Attributes} classes of {@code opentelemetry-semconv} (package
 * {@code io.opentelemetry.semconv}: the stable conventions, resource attributes such as
 * {@code ServiceAttributes} and {@code TelemetryAttributes} included) and of the
 * {@code *IncubatingAttributes} classes of {@code opentelemetry-semconv-incubating} (every convention,
 * development and experimental ones too, e.g. {@code DeploymentIncubatingAttributes}). A key is
 * <ul>
 *   <li>{@link Verdict#CURRENT_STABLE} when the stable artifact declares it (the incubating artifact
 *       also declares every stable key, marked {@code @Deprecated} there only to point at the stable
 *       constant: that is not a deprecation of the name);</li>
 *   <li>{@link Verdict#CURRENT_INCUBATING} when only the incubating artifact does, without
 *       {@code @Deprecated};</li>
 *   <li>{@link Verdict#DEPRECATED} when every constant of that name is {@code @Deprecated} (the
 *       annotation is kept at run time; the replacement is only in the javadoc, hence
 *       {@link KnownReplacements}), or when it is a name we know the conventions renamed and dropped;</li>
 *   <li>{@link Verdict#APP} when {@link AppAttributes} declares it: our own keys;</li>
 *   <li>{@link Verdict#UNKNOWN} otherwise, an {@code app.*} key that AppAttributes does not declare
 *       included (the conventions have an {@code app.*} namespace of their own, for client apps, whose
 *       names are judged like any other).</li>
 * </ul>
 * Immutable and thread-safe once loaded.
 */
public final class SemanticConventions {

    static final String STABLE_ARTIFACT = "opentelemetry-semconv";
    static final String INCUBATING_ARTIFACT = "opentelemetry-semconv-incubating";

    private static final String STABLE_PACKAGE = "io/opentelemetry/semconv/";
    private static final String INCUBATING_PACKAGE = "io/opentelemetry/semconv/incubating/";
    private static final String APP_PREFIX = "app.";

    /** How many distinct names the registry holds, by verdict. */
    public record Size(long stable, long incubating, long deprecated) {

        public long total() {
            return stable + incubating + deprecated;
        }
    }

    /** One public static final key or template constant of an artifact's {@code *Attributes} class. */
    private record Declaration(String name, boolean template, boolean stableArtifact, boolean deprecated, String constant) {
    }

    /** A name (or template prefix) with the verdict all its declarations add up to. */
    private record Entry(String name, Verdict verdict, String basis) {
    }

    private record Artifact(String name, String version, List<Declaration> declarations) {
    }

    private final Artifact stable;
    private final Artifact incubating;
    private final Map<String, Entry> exact;
    private final List<Entry> templates;
    private final Map<String, String> appKeys;

    private SemanticConventions(Artifact stable, Artifact incubating, Map<String, String> appKeys) {
        this.stable = stable;
        this.incubating = incubating;
        this.exact = entries(stable, incubating, false);
        List<Entry> byLongestPrefix = new ArrayList<>(entries(stable, incubating, true).values());
        byLongestPrefix.sort(Comparator.comparingInt((Entry entry) -> entry.name().length()).reversed()
                .thenComparing(Entry::name));
        this.templates = List.copyOf(byLongestPrefix);
        this.appKeys = Collections.unmodifiableMap(new TreeMap<>(appKeys));
    }

    /**
     * Reads both artifacts from the classpath: from the jar (or class directory) each was loaded from,
     * every {@code *Attributes} class of its package, and {@link AppAttributes}.
     */
    public static SemanticConventions load() {
        return new SemanticConventions(
                read(STABLE_ARTIFACT, ServiceAttributes.class, STABLE_PACKAGE, true),
                read(INCUBATING_ARTIFACT, ServiceIncubatingAttributes.class, INCUBATING_PACKAGE, false),
                declaredAppKeys());
    }

    /** What {@code key} is, as the registry and AppAttributes say. */
    public Judgement judge(String key) {
        String appConstant = appKeys.get(key);
        if (appConstant != null) {
            return new Judgement(key, Verdict.APP, appConstant, Optional.empty());
        }
        Entry entry = exact.get(key);
        if (entry == null) {
            entry = templates.stream()
                    .filter(template -> key.startsWith(template.name()) && key.length() > template.name().length())
                    .findFirst()
                    .map(template -> new Entry(template.name(), template.verdict(), "template " + template.basis()))
                    .orElse(null);
        }
        if (entry != null) {
            return new Judgement(key, entry.verdict(), entry.basis(),
                    entry.verdict() == Verdict.DEPRECATED ? KnownReplacements.of(key) : Optional.empty());
        }
        Optional<String> dropped = KnownReplacements.droppedFromRegistry(key);
        if (dropped.isPresent()) {
            return new Judgement(key, Verdict.DEPRECATED, dropped.get(), KnownReplacements.of(key));
        }
        String searched = "not in " + versions();
        return new Judgement(key, Verdict.UNKNOWN,
                key.startsWith(APP_PREFIX) ? "an app.* key AppAttributes does not declare, " + searched : searched,
                Optional.empty());
    }

    /** {@code opentelemetry-semconv 1.45.0, opentelemetry-semconv-incubating 1.45.0-alpha}. */
    public String versions() {
        return stable.name() + " " + stable.version() + ", " + incubating.name() + " " + incubating.version();
    }

    public String stableVersion() {
        return stable.version();
    }

    public String incubatingVersion() {
        return incubating.version();
    }

    /** The exact names, by verdict. */
    public Size keys() {
        return size(exact.values());
    }

    /** The template prefixes ({@code http.request.header.}), by verdict. */
    public Size templates() {
        return size(templates);
    }

    /** Our own keys, from {@link AppAttributes}: key to the constant that declares it. */
    public Map<String, String> appKeys() {
        return appKeys;
    }

    /** Every exact name with the given verdict, sorted. */
    public List<String> names(Verdict verdict) {
        return exact.values().stream().filter(entry -> entry.verdict() == verdict).map(Entry::name).sorted().toList();
    }

    /** Registry size and versions in one line, for reports. */
    public String describe() {
        Size keys = keys();
        Size templates = templates();
        return versions() + ": " + keys.total() + " keys (" + keys.stable() + " stable, " + keys.incubating()
                + " incubating, " + keys.deprecated() + " deprecated) and " + templates.total() + " templates ("
                + templates.stable() + " stable, " + templates.incubating() + " incubating, " + templates.deprecated()
                + " deprecated)";
    }

    @Override
    public String toString() {
        return "SemanticConventions[" + versions() + "]";
    }

    private static Size size(Collection<Entry> entries) {
        return new Size(count(entries, Verdict.CURRENT_STABLE), count(entries, Verdict.CURRENT_INCUBATING),
                count(entries, Verdict.DEPRECATED));
    }

    private static long count(Collection<Entry> entries, Verdict verdict) {
        return entries.stream().filter(entry -> entry.verdict() == verdict).count();
    }

    // Stable artifact first, so that a key's basis names the stable constant when there is one.
    private static Map<String, Entry> entries(Artifact stable, Artifact incubating, boolean templates) {
        Map<String, List<Declaration>> byName = new LinkedHashMap<>();
        Stream.concat(stable.declarations().stream(), incubating.declarations().stream())
                .filter(declaration -> declaration.template() == templates)
                .forEach(declaration -> byName.computeIfAbsent(declaration.name(), name -> new ArrayList<>()).add(declaration));
        Map<String, Entry> entries = new TreeMap<>();
        byName.forEach((name, declarations) -> entries.put(name, entry(name, declarations)));
        return entries;
    }

    private static Entry entry(String name, List<Declaration> declarations) {
        Optional<Declaration> stable = first(declarations, d -> d.stableArtifact() && !d.deprecated());
        if (stable.isPresent()) {
            return new Entry(name, Verdict.CURRENT_STABLE, stable.get().constant());
        }
        Optional<Declaration> incubating = first(declarations, d -> !d.deprecated());
        if (incubating.isPresent()) {
            return new Entry(name, Verdict.CURRENT_INCUBATING, incubating.get().constant());
        }
        return new Entry(name, Verdict.DEPRECATED, declarations.getFirst().constant() + " is @Deprecated");
    }

    private static Optional<Declaration> first(List<Declaration> declarations, Predicate<Declaration> matching) {
        return declarations.stream().filter(matching).findFirst();
    }

    private static Artifact read(String artifact, Class<?> anchor, String packagePath, boolean stableArtifact) {
        Path location = location(anchor);
        List<String> classNames = new ArrayList<>();
        String version = null;
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(packagePath))) {
                    files.map(file -> packagePath + file.getFileName()).forEach(classNames::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(entry -> entry.getName()).forEach(classNames::add);
                    if (jar.getManifest() != null) {
                        version = jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + artifact + " at " + location, e);
        }
        if (version == null) {
            version = Optional.ofNullable(anchor.getPackage().getImplementationVersion()).orElse("(unknown version)");
        }
        List<Declaration> declarations = new ArrayList<>();
        classNames.stream()
                .filter(name -> name.startsWith(packagePath) && name.endsWith("Attributes.class"))
                .map(name -> name.substring(packagePath.length()))
                .filter(simpleName -> !simpleName.contains("/") && !simpleName.contains("$"))
                .sorted()
                .forEach(simpleName -> declarations.addAll(declarations(
                        load(packagePath.replace('/', '.') + simpleName.replace(".class", ""), anchor), stableArtifact)));
        if (declarations.isEmpty()) {
            throw new IllegalStateException("no *Attributes constants in " + artifact + " at " + location);
        }
        return new Artifact(artifact, version, List.copyOf(declarations));
    }

    private static List<Declaration> declarations(Class<?> attributes, boolean stableArtifact) {
        List<Declaration> declarations = new ArrayList<>();
        for (Field field : attributes.getFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
                continue;
            }
            Object value = get(field);
            String constant = attributes.getSimpleName() + "." + field.getName();
            boolean deprecated = field.isAnnotationPresent(Deprecated.class);
            if (value instanceof AttributeKey<?> key) {
                declarations.add(new Declaration(key.getKey(), false, stableArtifact, deprecated, constant));
            } else if (value instanceof AttributeKeyTemplate<?> template) {
                // A template makes "<prefix>.<suffix>" keys; an empty suffix shows the prefix, dot included.
                declarations.add(new Declaration(template.getAttributeKey("").getKey(), true, stableArtifact, deprecated,
                        constant));
            }
        }
        return declarations;
    }

    private static Map<String, String> declaredAppKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Field field : AppAttributes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && get(field) instanceof AttributeKey<?> key) {
                keys.put(key.getKey(), AppAttributes.class.getSimpleName() + "." + field.getName());
            }
        }
        return keys;
    }

    private static Path location(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell which jar " + anchor.getName() + " was loaded from", e);
        }
    }

    private static Class<?> load(String className, Class<?> anchor) {
        try {
            return Class.forName(className, true, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("listed but not loadable: " + className, e);
        }
    }

    private static Object get(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
