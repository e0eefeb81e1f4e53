package com.brandcluster.events.board;

import com.brandcluster.platform.web.UnprocessableException;

/** 422: the post's fields are each valid but break a rule of the board (it would expire before it appears, ...). */
class InvalidPostException extends UnprocessableException {

    InvalidPostException(String detail) {
        super("invalid-post", "Invalid post", detail);
    }
}
