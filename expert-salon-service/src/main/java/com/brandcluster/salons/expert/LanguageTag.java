package com.brandcluster.salons.expert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** A well-formed BCP 47 language tag with a language subtag ({@code zh-CN}, {@code en}, {@code de-DE}); null passes. */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as zh-CN or en";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    public final class Validator implements ConstraintValidator<LanguageTag, String> {

        /** The tag in its canonical form ({@code zh-cn} gives {@code zh-CN}), or null when it is not a valid tag. */
        public static Locale parse(String tag) {
            if (tag == null || tag.isBlank() || tag.length() > 35) {
                return null;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(tag).build();
                return locale.getLanguage().isEmpty() ? null : locale;
            } catch (IllformedLocaleException e) {
                return null;
            }
        }


        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }
    }
}
