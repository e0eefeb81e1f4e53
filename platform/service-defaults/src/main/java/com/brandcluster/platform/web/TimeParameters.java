package com.brandcluster.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;

/**
 * Instants and dates in request parameters and path variables (ISO-8601) limited to the years 1 to 9999: what MongoDB
 * dates and every client can hold. Java would parse {@code -999999999-01-01T00:00:00Z}, and the query built from it
 * would fail deep inside the MongoDB driver with a 500; outside the range it is a 400 naming the parameter.
 */
final class TimeParameters {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private TimeParameters() {
    }

    static void register(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) text -> {
            Instant instant = Instant.parse(text.trim());
            check(LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC).getYear(), text);
            return instant;
        });
        registry.addConverter(String.class, LocalDate.class, (Converter<String, LocalDate>) text -> {
            LocalDate date = LocalDate.parse(text.trim());
            check(date.getYear(), text);
            return date;
        });
        registry.addConverter(String.class, LocalDateTime.class, (Converter<String, LocalDateTime>) text -> {
            LocalDateTime dateTime = LocalDateTime.parse(text.trim());
            check(dateTime.getYear(), text);
            return dateTime;
        });
    }

    private static void check(int year, String text) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DateTimeParseException("Year outside " + MIN_YEAR + ".." + MAX_YEAR, text, 0);
        }
    }
}
