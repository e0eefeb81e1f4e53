package com.brandcluster.events.board;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A region as ISO 3166: a country ({@code CN}: the whole country) or one of its subdivisions ({@code CN-GD}
 * Guangdong, {@code CN-ZJ} Zhejiang), in either case. Codes rather than free text, so that "same region" in search
 * and matching is a comparison, not a guess. The country must exist; the subdivision's form is checked (the JDK has
 * no list of subdivisions). Null passes.
 */
@Documented
@Constraint(validatedBy = RegionCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface RegionCode {

    String message() default "must be an ISO 3166 country or subdivision code such as CN or CN-GD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<RegionCode, String> {

        private static final Pattern FORM = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
        private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

        /** The code in its canonical upper-case form. */
        static String canonical(String code) {
            return code.strip().toUpperCase(Locale.ROOT);
        }

        /** The country part: {@code CN} of {@code CN-GD}. */
        static String country(String canonicalCode) {
            return canonicalCode.substring(0, 2);
        }

        static boolean isValid(String code) {
            String canonical = canonical(code);
            return FORM.matcher(canonical).matches() && COUNTRIES.contains(country(canonical));
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValid(value);
        }
    }
}
