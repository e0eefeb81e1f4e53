package com.brandcluster.membership.standard;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A standard code such as {@code GB/T 29187-2012}, see {@link StandardCode}; null is valid (use @NotNull). */
@Documented
@Constraint(validatedBy = ValidStandardCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidStandardCode {

    String message() default "must be a standard code such as GB/T 29187-2012, T/ZZB 0017-2016 or ISO 9001:2015";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidStandardCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || StandardCode.isValid(StandardCode.normalise(value));
        }
    }
}
