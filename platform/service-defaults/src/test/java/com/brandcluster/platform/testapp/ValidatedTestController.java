package com.brandcluster.platform.testapp;

import java.util.Map;

import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A controller validated by Spring's method-validation proxy (class-level {@code @Validated}). */
@RestController
@Validated
class ValidatedTestController {

    @GetMapping("/api/test/validated/members/{number}")
    Map<String, Object> member(@PathVariable @Size(max = 5) String number) {
        return Map.of("number", number);
    }
}
