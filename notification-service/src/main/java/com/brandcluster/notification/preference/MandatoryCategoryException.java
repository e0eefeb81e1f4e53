package com.brandcluster.notification.preference;

import com.brandcluster.notification.inbox.Category;
import com.brandcluster.platform.web.UnprocessableException;

/** A mandatory category's e-mails (membership decisions) cannot be turned off. */
class MandatoryCategoryException extends UnprocessableException {

    MandatoryCategoryException(Category category) {
        super("mandatory-category", "Mandatory category",
                "E-mails of category " + category + " cannot be turned off.");
        withProperty("category", category.name());
    }
}
