package com.brandcluster.platform.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.brandcluster.platform.web.Problems;

/**
 * Completes the generated document: the info block, one server {@code "/"} (paths already start with
 * {@code /api/<service>}, and the documents are used through the gateway), the {@code bearer} JWT scheme, and the
 * RFC 9457 {@code Problem} schema as every operation's {@code default} (error) response.
 */
final class PlatformOpenApi implements OpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    static final String SCHEMAS = "#/components/schemas/";

    private final String title;
    private final @Nullable String description;
    private final String version;

    PlatformOpenApi(String title, @Nullable String description, String version) {
        this.title = title;
        this.description = description;
        this.version = version;
    }

    @Override
    public void customise(OpenAPI api) {
        api.setInfo(new Info().title(title).description(description).version(version));
        api.setServers(List.of(new Server().url("/")));
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token of the realm brand-cluster (Keycloak). Through the "
                        + "gateway a browser session needs none: the gateway relays the session's token."));
        api.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        components.addSchemas(FIELD_ERROR, object(Map.of(
                "field", string("The request field (or parameter) at fault"),
                "message", string("What is wrong with it")), Set.of("field", "message")));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> {
                path.readOperations().forEach(PlatformOpenApi::addProblemResponse);
                if (path.getPatch() != null) {
                    describeMergePatch(path.getPatch(), components);
                }
            });
        }
    }

    /**
     * A JSON merge patch (RFC 7396) is read as a tree and merged onto the resource's editable form, so its body is
     * described by that form ({@code @Schema(implementation = ...)} on the parameter) with no property required:
     * {@code <Form>Patch}.
     */
    private static void describeMergePatch(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || !operation.getRequestBody().getContent().containsKey(MERGE_PATCH_JSON)) {
            return;
        }
        for (MediaType mediaType : operation.getRequestBody().getContent().values()) {
            Schema<?> body = mediaType.getSchema();
            String ref = body == null ? null : body.get$ref();
            if (ref == null || !ref.startsWith(SCHEMAS)) {
                continue;
            }
            String form = ref.substring(SCHEMAS.length());
            Schema<?> formSchema = components.getSchemas() == null ? null : components.getSchemas().get(form);
            if (formSchema == null) {
                continue;
            }
            Schema<Object> patch = typed("object").description("A JSON merge patch (RFC 7396) of " + form
                    + ": any of its properties; null removes an optional one.");
            patch.setProperties(formSchema.getProperties());
            components.addSchemas(form + "Patch", patch);
            mediaType.setSchema(new Schema<>().$ref(SCHEMAS + form + "Patch"));
        }
    }

    private static void addProblemResponse(Operation operation) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        responses.addApiResponse("default", new ApiResponse()
                .description("An error, as RFC 9457 problem details")
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        Schema<Object> errors = typed("array").description("The fields at fault (validation problems)");
        errors.setItems(new Schema<>().$ref(SCHEMAS + FIELD_ERROR));
        Schema<Object> status = typed("integer").format("int32").description("The HTTP status code");
        Map<String, Schema<?>> properties = Map.of(
                "type", string("A stable URI naming the kind of problem, urn:brandcluster:problem:<slug>"),
                "title", string("A short summary of the kind of problem"),
                "status", status,
                "detail", string("What went wrong this time (safe to show)"),
                "instance", string("The request path"),
                Problems.TRACE_ID, string("The trace id to quote when reporting the problem"),
                Problems.ERRORS, errors);
        return object(properties, Set.of("type", "title", "status"))
                .description("RFC 9457 problem details (application/problem+json)");
    }

    private static Schema<Object> object(Map<String, Schema<?>> properties, Set<String> required) {
        Schema<Object> schema = typed("object");
        properties.keySet().stream().sorted().forEach(name -> schema.addProperty(name, properties.get(name)));
        required.stream().sorted().forEach(schema::addRequiredItem);
        return schema;
    }

    private static Schema<Object> string(String description) {
        return typed("string").description(description);
    }

    /** A schema with its type set for OpenAPI 3.0 and 3.1 alike. */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        return schema;
    }
}
