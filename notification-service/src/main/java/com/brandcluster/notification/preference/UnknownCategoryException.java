package com.brandcluster.notification.preference;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;

import com.brandcluster.notification.inbox.Category;
import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.Problems;

/** A preference names a category that does not exist. */
class UnknownCategoryException extends DomainException {

    UnknownCategoryException(String name) {
        super(HttpStatus.BAD_REQUEST, "unknown-category", "Unknown category",
                "There is no notification category " + name + "; the categories are "
                        + Arrays.toString(Category.values()) + ".");
        withProperty("category", name);
        withProperty(Problems.ERRORS, List.of(new Problems.FieldError("email." + name, "is not a known category")));
    }
}
