package io.leakwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.web.Route;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/openapi describes exactly the APIs the portal serves: every operation of its JAX-RS resources and
 * reactive routes under /api and /range is in the document, every operation in the document is served,
 * nothing else (no HTML page) is in it, and the admin API says it needs a bearer token.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    private static final Set<String> DOCUMENTED_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private JsonNode document;

    @BeforeEach
    void fetch() throws IOException {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void theDocumentHasExactlyTheOperationsThePortalServesUnderApiAndRange() throws Exception {
        Set<String> served = servedApiOperations();
        Set<String> documented = documentedOperations();

        assertTrue(served.size() > 10, "found the routes: " + served);
        assertEquals(List.of(), difference(served, documented), "served but not documented");
        assertEquals(List.of(), difference(documented, served), "documented but not served");
    }

    @Test
    void nothingButTheApisIsDocumented() {
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.stream().allMatch(path -> path.startsWith("/api/") || path.startsWith("/range/")), "paths: " + paths);
        List<String> schemas = new ArrayList<>();
        document.at("/components/schemas").fieldNames().forEachRemaining(schemas::add);
        assertTrue(schemas.stream().noneMatch(schema -> schema.startsWith("Template") || schema.equals("EngineImpl")),
                "no types of the pages' templates: " + schemas);
    }

    @Test
    void theAdminApiNeedsABearerTokenAndSaysSo() {
        JsonNode scheme = document.at("/components/securitySchemes/bearer");
        assertEquals("http", scheme.get("type").asText());
        assertEquals("bearer", scheme.get("scheme").asText());
        int adminOperations = 0;
        for (var paths = document.get("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (var operations = path.getValue().fields(); operations.hasNext(); ) {
                var operation = operations.next();
                String where = operation.getKey() + " " + path.getKey();
                boolean admin = path.getKey().startsWith("/api/admin/");
                JsonNode security = operation.getValue().path("security");
                if (admin) {
                    adminOperations++;
                    assertEquals("[{\"bearer\":[]}]", security.toString(), where);
                    assertTrue(operation.getValue().at("/responses/401").has("$ref"), where + " documents 401");
                    List<String> codes = new ArrayList<>();
                    operation.getValue().get("responses").fieldNames().forEachRemaining(codes::add);
                    assertTrue(codes.stream().anyMatch(code -> code.startsWith("2")), where + " documents its success: " + codes);
                } else {
                    assertTrue(security.isMissingNode() || security.isEmpty(), where + " is public");
                }
            }
        }
        assertTrue(adminOperations >= 8, "the admin operations: " + adminOperations);
    }

    private Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (DOCUMENTED_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + template(path.getKey()));
            }
        }));
        return operations;
    }

    /** Every JAX-RS operation and reactive route of the portal's classes whose path is under /api or /range. */
    private Set<String> servedApiOperations() throws Exception {
        Set<String> operations = new TreeSet<>();
        List<java.nio.file.Path> classFiles;
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : classFiles) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            Path base = type.getAnnotation(Path.class);
            for (Method method : declaredMethods(type)) {
                String httpMethod = httpMethodOf(method);
                if (base != null && httpMethod != null) {
                    Path sub = method.getAnnotation(Path.class);
                    operations.add(httpMethod + " " + template(join(base.value(), sub == null ? "" : sub.value())));
                }
                for (Route route : method.getAnnotationsByType(Route.class)) {
                    String path = route.path().isEmpty() ? route.regex().replaceAll("\\([^)]*\\)", "{}") : route.path();
                    List<String> methods = route.methods().length == 0 ? List.of("GET")
                            : Stream.of(route.methods()).map(Enum::name).toList();
                    methods.stream().filter(DOCUMENTED_METHODS::contains).forEach(m -> operations.add(m + " " + template(path)));
                }
            }
        }
        operations.removeIf(operation -> {
            String path = operation.substring(operation.indexOf(' ') + 1);
            return !(path.startsWith("/api/") || path.startsWith("/range/"));
        });
        return operations;
    }

    private static Method[] declaredMethods(Class<?> type) {
        try {
            return type.getDeclaredMethods();
        } catch (NoClassDefFoundError optionalDependency) {
            return new Method[0];
        }
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Path parameters, whatever their names or patterns, as {}. */
    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static List<String> difference(Set<String> from, Set<String> without) {
        return from.stream().filter(operation -> !without.contains(operation)).toList();
    }
}
