package com.brandcluster.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * RFC 9457 problem details for every error path: the exception handler and error controller of servlet services,
 * the request-size limit, and the reactive error handler plus {@link ReactiveProblemWriter} for the gateway.
 */
@AutoConfiguration(
        beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
                "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration",
                "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration"},
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(JsonMapper.class)
@EnableConfigurationProperties(WebDefaultsProperties.class)
public final class ProblemDetailsAutoConfiguration {

    /** Order of the request-size filter: right after the observation filter, so the 413 carries the trace id. */
    public static final int REQUEST_SIZE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    static class ServletProblemDetailsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ServletProblemWriter servletProblemWriter(JsonMapper jsonMapper) {
            return new ServletProblemWriter(jsonMapper);
        }

        @Bean
        ProblemDetailsExceptionHandler platformProblemDetailsExceptionHandler() {
            return new ProblemDetailsExceptionHandler();
        }

        @Bean
        @ConditionalOnMissingBean(ErrorController.class)
        ProblemErrorController platformErrorController(ObjectProvider<ErrorAttributes> errorAttributes) {
            return new ProblemErrorController(errorAttributes.getIfAvailable(DefaultErrorAttributes::new));
        }

        @Bean
        WebMvcConfigurer boundedTimeParameters() {
            return new WebMvcConfigurer() {
                @Override
                public void addFormatters(FormatterRegistry registry) {
                    TimeParameters.register(registry);
                }
            };
        }

        @Bean
        FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ServletProblemWriter writer,
                WebDefaultsProperties properties) {
            FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                    new RequestSizeLimitFilter(writer, properties));
            registration.setOrder(REQUEST_SIZE_FILTER_ORDER);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Tomcat.class, ConfigurableTomcatWebServerFactory.class})
    static class TomcatProblemDetailsConfiguration {

        /**
         * Replaces Tomcat's error report valve (Boot's, and the one the host would add) with
         * {@link ProblemErrorReportValve}. Runs after Boot's customiser, which adds its valve in a context customiser.
         */
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(ConfigurableTomcatWebServerFactory factory) {
                    factory.addContextCustomizers(context -> {
                        if (context.getParent() instanceof StandardHost host) {
                            for (Valve valve : host.getPipeline().getValves()) {
                                if (valve instanceof ErrorReportValve) {
                                    host.getPipeline().removeValve(valve);
                                }
                            }
                            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                            host.getPipeline().addValve(new ProblemErrorReportValve());
                        }
                    });
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(ErrorWebExceptionHandler.class)
    static class ReactiveProblemDetailsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReactiveProblemWriter reactiveProblemWriter(JsonMapper jsonMapper) {
            return new ReactiveProblemWriter(jsonMapper);
        }

        @Bean
        @Order(-2)
        @ConditionalOnBean(ReactiveProblemWriter.class)
        ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler(ReactiveProblemWriter writer) {
            return new ProblemErrorWebExceptionHandler(writer);
        }
    }
}
