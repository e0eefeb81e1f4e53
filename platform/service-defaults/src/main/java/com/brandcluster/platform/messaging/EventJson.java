package com.brandcluster.platform.messaging;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON dialect of event messages: read tolerantly (unknown properties ignored, so that a producer can add fields
 * without breaking older consumers), {@code java.time} values written as ISO-8601 strings. Deliberately separate from
 * the HTTP mapper, which refuses unknown properties.
 */
public final class EventJson {

    /** Name of the {@code JsonMapper} bean for events. It is not a default candidate: inject it by name. */
    public static final String MAPPER_BEAN_NAME = "eventJsonMapper";

    private EventJson() {
    }

    /** A new event mapper; the application context holds one as {@value #MAPPER_BEAN_NAME}. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
