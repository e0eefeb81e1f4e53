package com.brandcluster.platform.feign;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The remote service answered 404: what we asked for does not exist there. Answered as a 404 problem to our own
 * client (never a 500); callers that expect absence catch it: {@code catch (RemoteNotFoundException e)}.
 */
public class RemoteNotFoundException extends RemoteProblemException {

    public RemoteNotFoundException(String methodKey, @Nullable String type, @Nullable String title,
            @Nullable String detail) {
        super(methodKey, HttpStatus.NOT_FOUND, type, title, detail);
    }
}
