package com.brandcluster.assets.rendition;

import com.brandcluster.platform.web.UnprocessableException;

/** 422: the version's file is not an image this service can read (corrupt, truncated, or too many pixels). */
class UnreadableImageException extends UnprocessableException {

    UnreadableImageException(String detail) {
        super("unreadable-image", "Unreadable image", detail);
    }
}
