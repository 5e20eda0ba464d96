package io.otelref.platform.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP methods each path of this service's REST API answers, for the {@code Allow} header that
 * RFC 9110 requires on a 405 and that an {@code OPTIONS} answer carries.
 *
 * <p>Why this exists: RESTEasy Reactive's 405 carries no {@code Allow} at all, and its automatic
 * {@code OPTIONS} answer lists every method of the whole resource class, not of the path asked about
 * (for {@code /admin/reset} it also listed the {@code GET} and {@code PUT} of {@code /admin/fixes}).
 * So the methods are read once, at startup, from the JAX-RS resource model itself: every bean whose
 * class carries {@link Path}, and each of its methods with an {@link HttpMethod} annotation, under the
 * joined class and method paths. A request path is matched against those templates as JAX-RS matches
 * it, and the methods of the most specific matching templates are its {@code Allow}; {@code HEAD}
 * comes with {@code GET}, and {@code OPTIONS} is always answered (here).
 */
@ApplicationScoped
public class AllowedMethods {

    private final List<Template> templates;

    @Inject
    AllowedMethods(BeanManager beans) {
        this(resourceClasses(beans.getBeans(Object.class, Any.Literal.INSTANCE)));
    }

    AllowedMethods(Collection<Class<?>> resourceClasses) {
        this.templates = templatesOf(resourceClasses);
    }

    /** The methods a request to {@code path} may use, e.g. {@code GET, HEAD, OPTIONS, PUT}; empty for a path no resource answers. */
    public SortedSet<String> forPath(String path) {
        String normalized = normalize(path);
        List<Template> matching = templates.stream().filter(template -> template.matches(normalized)).toList();
        int mostLiteral = matching.stream().mapToInt(Template::literalCharacters).max().orElse(0);
        SortedSet<String> allowed = new TreeSet<>();
        matching.stream().filter(template -> template.literalCharacters() == mostLiteral)
                .forEach(template -> allowed.add(template.method()));
        if (allowed.isEmpty()) {
            return allowed;
        }
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        allowed.add(HttpMethod.OPTIONS);
        return allowed;
    }

    /** {@code Allow}'s value: the methods, comma-separated. */
    public static String header(Set<String> methods) {
        return String.join(", ", methods);
    }

    /**
     * Answers {@code OPTIONS} for every path of the API with exactly that path's methods. Runs after
     * AdminAccess (a lower priority runs first), so that {@code /admin} paths answer it only with the token too.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 100)
    public Optional<Response> answerOptions(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return Optional.empty();
        }
        SortedSet<String> allowed = forPath(request.getUriInfo().getPath());
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Response.ok().header(HttpHeaders.ALLOW, header(allowed)).build());
    }

    /** Resource classes only: a REST client interface carries {@link Path} too, but names another service's paths. */
    private static List<Class<?>> resourceClasses(Set<Bean<?>> beans) {
        return beans.stream().map(Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(Path.class) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers()))
                .distinct().<Class<?>>map(type -> type).toList();
    }

    private static List<Template> templatesOf(Collection<Class<?>> resourceClasses) {
        List<Template> templates = new ArrayList<>();
        for (Class<?> resource : resourceClasses) {
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                httpMethodOf(method).ifPresent(httpMethod -> {
                    Path methodPath = method.getAnnotation(Path.class);
                    templates.add(Template.parse(classPath + "/" + (methodPath == null ? "" : methodPath.value()), httpMethod));
                });
            }
        }
        return List.copyOf(templates);
    }

    private static Optional<String> httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return Optional.of(httpMethod.value());
            }
        }
        return Optional.empty();
    }

    static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** One resource method: its path template as a regular expression, and its HTTP method. */
    record Template(Pattern pattern, int literalCharacters, String method) {

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }

        /** {@code /api/prices/{sku}} or {@code /api/items/{id: \d+}}: a variable matches one segment unless it says otherwise. */
        static Template parse(String template, String method) {
            String path = normalize(template);
            StringBuilder regex = new StringBuilder();
            int literal = 0;
            int i = 0;
            while (i < path.length()) {
                char c = path.charAt(i);
                if (c != '{') {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    literal++;
                    i++;
                    continue;
                }
                int end = closingBrace(path, i);
                String variable = path.substring(i + 1, end);
                int colon = variable.indexOf(':');
                regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).trim()).append(')');
                i = end + 1;
            }
            return new Template(Pattern.compile(regex.toString()), literal, method);
        }

        private static int closingBrace(String path, int open) {
            int depth = 0;
            for (int i = open; i < path.length(); i++) {
                if (path.charAt(i) == '{') {
                    depth++;
                } else if (path.charAt(i) == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced braces in the path template " + path);
        }
    }
}
