package com.brandcluster.platform.feign;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.Problems;

/**
 * Another portal service refused a call with a 4xx problem detail (a 409 conflict, a 422 rule, a 403). Answered to
 * our own client with the same status, type, title and detail (the portal's services only write client-safe
 * details), so a refusal downstream reads like one here. A remote 404 is the subclass {@link RemoteNotFoundException}.
 */
public class RemoteProblemException extends DomainException {

    private final String methodKey;

    public RemoteProblemException(String methodKey, HttpStatus status, @Nullable String type, @Nullable String title,
            @Nullable String detail) {
        super(status, slug(type, status), title != null ? title : Problems.title(status),
                detail != null ? detail : Problems.detail(status));
        this.methodKey = methodKey;
    }

    /** The Feign method that was called, e.g. {@code DirectoryClient#enterprise(String)}. */
    public String methodKey() {
        return methodKey;
    }

    private static String slug(@Nullable String type, HttpStatus status) {
        if (type != null && type.startsWith(Problems.TYPE_PREFIX) && type.length() > Problems.TYPE_PREFIX.length()) {
            return type.substring(Problems.TYPE_PREFIX.length());
        }
        return Problems.slug(status);
    }
}
