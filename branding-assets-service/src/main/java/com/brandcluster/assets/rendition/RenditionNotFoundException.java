package com.brandcluster.assets.rendition;

import com.brandcluster.platform.web.NotFoundException;

/** 404: the asset has no rendition of this size, or none at all (not an image, or not a kind that has them). */
public class RenditionNotFoundException extends NotFoundException {

    public RenditionNotFoundException(String detail) {
        super("rendition-not-found", "Rendition not found", detail);
        withProperty("sizes", Renditions.SIZES);
    }
}
