package org.juniper.upgrade.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    /** The shape of intake's document: refs to component schemas, path, query and header parameters, bodies. */
    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "components": {"schemas": {
               "UUID": {"type": "string", "format": "uuid"},
               "NewRequest": {"type": "object", "properties": {"contract": {"type": "string"},
                 "email": {"type": "string"}, "database": {"type": "string"}, "targetVersion": {"type": "string"},
                 "purpose": {"type": "string"}}},
               "NewCampaign": {"type": "object", "properties": {"targetVersion": {"type": "string"},
                 "databases": {"type": "array", "items": {"$ref": "#/components/schemas/CampaignDatabase"}}}},
               "CampaignDatabase": {"type": "object", "properties": {"contract": {"type": "string"},
                 "backupKey": {"type": "string"}}}}},
             "paths": {
               "/api/v1/requests": {
                 "get": {},
                 "post": {"requestBody": {"content": {"application/json": {"schema":
                   {"$ref": "#/components/schemas/NewRequest"}}}}}},
               "/api/v1/requests/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true,
                 "schema": {"$ref": "#/components/schemas/UUID"}}]}},
               "/api/v1/requests/{id}/backup": {
                 "parameters": [{"name": "id", "in": "path", "required": true,
                   "schema": {"$ref": "#/components/schemas/UUID"}}],
                 "put": {"requestBody": {"content": {"application/zip": {}}}},
                 "head": {},
                 "patch": {"parameters": [{"name": "Upload-Offset", "in": "header",
                   "schema": {"type": "integer", "format": "int64"}}, {"name": "Upload-Length", "in": "header",
                   "schema": {"type": "integer", "format": "int64"}}],
                   "requestBody": {"content": {"application/offset+octet-stream": {}}}}},
               "/api/v1/requests/{id}/scripts": {"put": {"parameters": [{"name": "id", "in": "path",
                 "schema": {"$ref": "#/components/schemas/UUID"}}],
                 "requestBody": {"content": {"application/zip": {}}}}},
               "/api/v1/requests/{id}/start": {"post": {"parameters": [{"name": "id", "in": "path",
                 "schema": {"$ref": "#/components/schemas/UUID"}}]}},
               "/api/v1/requests/{id}/cancel": {"post": {"parameters": [{"name": "id", "in": "path",
                 "schema": {"$ref": "#/components/schemas/UUID"}}]}},
               "/api/v1/requests/{id}/log": {"get": {"parameters": [{"name": "id", "in": "path",
                 "schema": {"$ref": "#/components/schemas/UUID"}}, {"name": "Range", "in": "header",
                 "schema": {"type": "string"}}]}},
               "/ops/v1/contracts/{code}": {"put": {"parameters": [{"name": "code", "in": "path",
                 "schema": {"type": "string"}}], "requestBody": {"content": {"application/json": {"schema":
                 {"type": "object", "properties": {"project": {"type": "string"}}}}}}}},
               "/ops/v1/campaigns": {"post": {"requestBody": {"content": {"application/json": {"schema":
                 {"$ref": "#/components/schemas/NewCampaign"}}}}}},
               "/ops/v1/targets/{version}": {"delete": {"parameters": [{"name": "version", "in": "path",
                 "schema": {"type": "string"}}]}},
               "/ops/v1/purge": {"post": {"parameters": [{"name": "olderThan", "in": "query",
                 "schema": {"type": "string"}}]}},
               "/upgrade": {"get": {}}}}
            """;

    private static Generator generator(long seed) throws IOException {
        ApiModel api = ApiModel.parse(DOCUMENT.getBytes(StandardCharsets.UTF_8));
        byte[] backup = Generator.zip(Map.of("manifest.json", "{\"version\":\"14.0\"}".getBytes(StandardCharsets.UTF_8),
                "dump.sql", "CREATE TABLE t (id integer);\n".repeat(300).getBytes(StandardCharsets.UTF_8)));
        Fixtures fixtures = new Fixtures("127.0.0.1:15401", "local-ops-token", "FUZZ-T", "fuzz-t",
                "branch:fuzz-t:secret", List.of(new Fixtures.Request("0f6b1a52-8a8e-4c1b-9d43-1f0e9c6a2b11", "s1",
                        "new"), new Fixtures.Request("5d0c7e3a-2b4f-4f7e-8a61-93b2c4d5e6f7", "s2", "started")),
                backup, "T");
        return new Generator(api, fixtures, seed);
    }

    @Test
    void aCaseDependsOnlyOnTheSeedAndItsNumber() throws IOException {
        Generator forward = generator(7);
        Generator backward = generator(7);
        int cases = 600;
        List<FuzzCase> first = IntStream.range(0, cases).mapToObj(forward::generate).toList();
        for (int i = cases - 1; i >= 0; i--) {
            assertSame(first.get(i), backward.generate(i));
        }
    }

    @Test
    void anotherSeedGivesOtherCases() throws IOException {
        Generator one = generator(1);
        Generator two = generator(2);
        long differing = IntStream.range(0, 500).filter(i -> !wire(one.generate(i)).equals(wire(two.generate(i))))
                .count();
        assertTrue(differing > 450, differing + " of 500 cases differ");
    }

    @Test
    void theCasesForACountMakeAtLeastThatManyRequests() throws IOException {
        Generator generator = generator(3);
        int cases = generator.casesFor(2000);
        int requests = IntStream.range(0, cases).map(i -> generator.generate(i).requests()).sum();
        int last = generator.generate(cases - 1).requests();
        assertTrue(requests >= 2000 && requests - last < 2000, cases + " cases make " + requests + " requests");
    }

    @Test
    void everyOperationAndEveryKindOfMutationComesUp() throws IOException {
        Generator generator = generator(4);
        Set<String> routes = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < 2500; i++) {
            for (List<Exchange> wave : generator.generate(i).waves()) {
                for (Exchange exchange : wave) {
                    routes.add(exchange.method() + " " + exchange.route());
                    kinds.add(exchange.kind().replaceAll("/.*", ""));
                }
            }
        }
        ApiModel api = ApiModel.parse(DOCUMENT.getBytes(StandardCharsets.UTF_8));
        for (ApiModel.Operation op : api.operations()) {
            assertTrue(routes.contains(op.toString()), op + " never came up");
        }
        assertEquals(new TreeSet<>(List.of("auth", "body", "framing", "header", "method", "parallel", "path", "query",
                "route", "valid")), kinds);
    }

    private static void assertSame(FuzzCase expected, FuzzCase actual) {
        assertEquals(expected.waves().size(), actual.waves().size(), "case " + expected.index());
        assertEquals(wire(expected), wire(actual), "case " + expected.index());
        for (int w = 0; w < expected.waves().size(); w++) {
            for (int e = 0; e < expected.waves().get(w).size(); e++) {
                Exchange a = expected.waves().get(w).get(e);
                Exchange b = actual.waves().get(w).get(e);
                assertArrayEquals(a.wire("id", "secret"), b.wire("id", "secret"));
                assertEquals(a.detail(), b.detail());
            }
        }
    }

    /** A case's requests as text, with a digest of each wire form standing for its bytes. */
    private static String wire(FuzzCase fuzzCase) {
        return fuzzCase.waves().stream().flatMap(List::stream).map(e -> e.kind() + " " + e.method() + " "
                + e.target() + " " + Arrays.hashCode(e.wire("id", "secret"))).collect(Collectors.joining("\n"));
    }
}
