package com.brandcluster.events.board;

import com.brandcluster.platform.web.NotFoundException;

class PostNotFoundException extends NotFoundException {

    PostNotFoundException(String postId) {
        super("post", postId);
    }
}
