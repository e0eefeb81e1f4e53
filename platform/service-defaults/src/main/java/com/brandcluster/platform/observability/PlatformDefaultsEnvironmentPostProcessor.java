package com.brandcluster.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code brandcluster-defaults.properties} (from service-defaults' jar) as the property source with the lowest
 * precedence: the platform's defaults for Jackson strictness, error rendering, actuator exposure and health groups,
 * tracing, Feign timeouts and circuit breakers, messaging. Anything a service configures wins.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE_NAME = "brandcluster-defaults";
    static final String RESOURCE = "brandcluster-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        ClassPathResource resource = new ClassPathResource(RESOURCE,
                PlatformDefaultsEnvironmentPostProcessor.class.getClassLoader());
        if (!resource.exists()) {
            return;
        }
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader().load(PROPERTY_SOURCE_NAME, resource)) {
                environment.getPropertySources().addLast(source);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + RESOURCE, ex);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
