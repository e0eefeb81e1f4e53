package com.brandcluster.platform.feign;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.converter.autoconfigure.ClientHttpMessageConvertersCustomizer;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.cloud.openfeign.support.HttpMessageConverterCustomizer;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The message converters of every Feign client's encoder and decoder (Spring Cloud OpenFeign builds its
 * {@code SpringEncoder}/{@code SpringDecoder} from this bean): the client defaults and Boot's client customisers, with
 * the JSON converter bound explicitly to the given mapper, which is derived from the application's own
 * {@code JsonMapper} (same modules and settings) but reads tolerantly: a response with a property added by a newer
 * version of the called service still decodes.
 */
final class FeignHttpMessageConvertersForJsonMapper extends FeignHttpMessageConverters {

    private final JsonMapper jsonMapper;
    private final ObjectProvider<ClientHttpMessageConvertersCustomizer> customizers;
    private final ObjectProvider<HttpMessageConverterCustomizer> cloudCustomizers;
    private volatile List<HttpMessageConverter<?>> converters;

    FeignHttpMessageConvertersForJsonMapper(JsonMapper jsonMapper,
            ObjectProvider<ClientHttpMessageConvertersCustomizer> customizers,
            ObjectProvider<HttpMessageConverterCustomizer> cloudCustomizers) {
        super(customizers, cloudCustomizers);
        this.jsonMapper = jsonMapper;
        this.customizers = customizers;
        this.cloudCustomizers = cloudCustomizers;
    }

    /** The JSON mapper Feign's encoder and decoder use. */
    JsonMapper jsonMapper() {
        return jsonMapper;
    }

    @Override
    public List<HttpMessageConverter<?>> getConverters() {
        List<HttpMessageConverter<?>> current = converters;
        if (current == null) {
            synchronized (this) {
                current = converters;
                if (current == null) {
                    HttpMessageConverters.ClientBuilder builder = HttpMessageConverters.forClient();
                    builder.registerDefaults();
                    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
                    builder.withJsonConverter(new JacksonJsonHttpMessageConverter(jsonMapper));
                    List<HttpMessageConverter<?>> built = new ArrayList<>();
                    builder.build().forEach(built::add);
                    cloudCustomizers.forEach(customizer -> customizer.accept(built));
                    current = List.copyOf(built);
                    converters = current;
                }
            }
        }
        return current;
    }
}
