package io.otelref.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    @Path("/admin")
    static class Admin {
        @GET
        @Path("/fixes")
        public String fixes() {
            return "";
        }

        @PUT
        @Path("/fixes")
        public String changeFixes(String body) {
            return "";
        }

        @POST
        @Path("/reset")
        public void reset() {
        }
    }

    @Path("/api/items/")
    static class Items {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id: [0-9]{4}}")
        public String byNumber() {
            return "";
        }

        @DELETE
        @Path("/{id}")
        public void remove() {
        }

        @GET
        @Path("/special")
        public String special() {
            return "";
        }
    }

    private final AllowedMethods allowed = new AllowedMethods(List.of(Admin.class, Items.class));

    @Test
    void eachPathAllowsItsOwnMethodsNotThoseOfItsResourceClass() {
        assertEquals("GET, HEAD, OPTIONS, PUT", AllowedMethods.header(allowed.forPath("/admin/fixes")));
        assertEquals("OPTIONS, POST", AllowedMethods.header(allowed.forPath("/admin/reset")));
    }

    @Test
    void aClassPathAloneIsAResourceAndTrailingSlashesDoNotMatter() {
        assertEquals("GET, HEAD, OPTIONS", AllowedMethods.header(allowed.forPath("/api/items")));
        assertEquals("GET, HEAD, OPTIONS", AllowedMethods.header(allowed.forPath("api/items/")));
    }

    @Test
    void templatesMatchTheirVariablesOwnRegularExpressions() {
        assertEquals("DELETE, GET, HEAD, OPTIONS", AllowedMethods.header(allowed.forPath("/api/items/0042")),
                "{id: [0-9]{4}} and {id} both match 0042, and are equally literal");
        assertEquals("DELETE, OPTIONS", AllowedMethods.header(allowed.forPath("/api/items/abc")));
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertEquals("GET, HEAD, OPTIONS", AllowedMethods.header(allowed.forPath("/api/items/special")),
                "/special is more literal than /{id}, as in JAX-RS matching");
    }

    @Test
    void aPathNoResourceAnswersAllowsNothing() {
        assertTrue(allowed.forPath("/api/nothing").isEmpty());
        assertTrue(allowed.forPath("/admin/fixes/deeper").isEmpty());
    }
}
