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
import java.time.ZoneId;
import java.util.Optional;

/**
 * An IANA time-zone id known to the JDK's tz database ({@code Europe/Berlin}, {@code Asia/Shanghai}); fixed offsets
 * such as {@code +08:00} are refused, since they do not follow a region's DST rules. Null passes.
 */
@Documented
@Constraint(validatedBy = IanaZone.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IanaZone {

    String message() default "must be an IANA time zone such as Europe/Berlin";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    public final class Validator implements ConstraintValidator<IanaZone, String> {

        /** The zone of an IANA id, or empty when the id is not one. */
        public static Optional<ZoneId> parse(String id) {
            if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
                return Optional.empty();
            }
            return Optional.of(ZoneId.of(id));
        }


        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value).isPresent();
        }
    }
}
