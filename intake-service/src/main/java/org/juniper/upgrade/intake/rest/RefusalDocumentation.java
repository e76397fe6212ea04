package org.juniper.upgrade.intake.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenAPI document says what a route answers when it refuses: the refusal body under every 4xx and 5xx, 401 on
 * the operations API, 429 on creation, 503 on uploads; and that the API takes a bearer token in a header.
 */
public class RefusalDocumentation implements OASFilter {
    private static final String REFUSAL = "#/components/schemas/Refusal";
    private static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema failure = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("reason", text("a stable code for programs, e.g. TARGET:DOWNGRADE"))
                .addProperty("message", text("what is wrong, for people"))
                .addProperty("expected", text("what would be accepted"));
        openAPI.getComponents().addSchema("Refusal", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Everything that is wrong with the request, each with what would do")
                .addProperty("failures", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(failure)));
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme(BEARER).description("A request's secret, a hosting branch's "
                        + "credential or the operations token, as 'Authorization: Bearer <secret>'; never in a URL"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        refusal(operation, "4XX", "Refused: what is wrong and what would do");
        refusal(operation, "5XX", "The platform cannot answer now; nothing accepted was lost");
        if (path.startsWith("/ops/")) {
            refusal(operation, "401", "The operations token is missing or wrong");
        }
        boolean creation = path.equals("/api/v1/requests") && method == PathItem.HttpMethod.POST;
        if (creation) {
            refusal(operation, "429", "Too many requests created from this address; see Retry-After");
        }
        if (path.endsWith("/backup") && method != PathItem.HttpMethod.HEAD) {
            refusal(operation, "503", "Too many uploads in flight; see Retry-After");
        }
        if (path.startsWith("/upgrade")) {
            return;
        }
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        if (creation) {
            // the secret of an earlier request is optional: the new one shares it
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
        }
    }

    private static void refusal(Operation operation, String status, String description) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                .description(existing != null && existing.getDescription() != null ? existing.getDescription()
                        : description)
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(REFUSAL)))));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
