package com.example.movies.web.request;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.MethodParameter;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import com.example.movies.web.error.ApiException;
import com.example.movies.web.error.JsonParseError;

/**
 * Reads a {@link DrfBody} argument. First the caller must be allowed: the method's
 * {@code @PreAuthorize}, which method security checks again on the call, is checked
 * before the body is read, as DRF checks permissions before it parses (a caller without a
 * token learns that, not what is wrong with their body). Then the body, the way DRF's
 * default parsers read it (JSON, form-encoded or multipart; no body, or no content type,
 * is an empty object; any other media type is a 415; malformed JSON and bodies that are
 * not objects are 400s in DRF's shape), and the record, field by field
 * ({@link RecordReader}).
 */
class DrfBodyResolver implements HandlerMethodArgumentResolver {

    private final JsonMapper jsonMapper;

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    DrfBodyResolver(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(DrfBody.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException {
        this.preAuthorize.verify(SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(null, parameter.getMethod()));
        RecordReader<?> reader = RecordReader.of(parameter.getParameterType());
        boolean partial = parameter.getParameterAnnotation(DrfBody.class).partial();
        return reader.read(requestData(webRequest), partial);
    }

    private RequestData requestData(NativeWebRequest webRequest) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return new RequestData(this.jsonMapper.createObjectNode());
        }
        MediaType mediaType = parseMediaType(contentType);
        if (mediaType.isCompatibleWith(MediaType.APPLICATION_JSON) || mediaType.getSubtype().endsWith("+json")) {
            return new RequestData(readJsonObject(request.getInputStream().readAllBytes()));
        }
        if (mediaType.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                || mediaType.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            ObjectNode fields = this.jsonMapper.createObjectNode();
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                String[] values = field.getValue();
                // Like Django's QueryDict, a repeated field counts with its last value.
                fields.put(field.getKey(), values[values.length - 1]);
            }
            return new RequestData(fields);
        }
        throw ApiException.unsupportedMediaType(contentType);
    }

    private static MediaType parseMediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        }
        catch (InvalidMediaTypeException ex) {
            throw ApiException.unsupportedMediaType(contentType);
        }
    }

    private ObjectNode readJsonObject(byte[] body) {
        if (isBlank(body)) {
            return this.jsonMapper.createObjectNode();
        }
        JsonNode root;
        try {
            root = this.jsonMapper.readTree(body);
        }
        catch (JacksonException ex) {
            throw JsonParseError.of(ex);
        }
        if (root instanceof ObjectNode object) {
            return object;
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw ApiException.invalid("non_field_errors", "No data provided");
        }
        throw ApiException.invalid("non_field_errors",
                "Invalid data. Expected a dictionary, but got " + pythonTypeName(root) + ".");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** The Python type name DRF puts in its "Expected a dictionary" message. */
    private static String pythonTypeName(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isString()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        return node.isNumber() ? "float" : node.getNodeType().name().toLowerCase();
    }

}
