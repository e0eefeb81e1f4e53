package com.brandcluster.events.board;

/** Which side of the board a post is on: an enterprise asks for something, or offers it. */
enum PostKind {
    NEED,
    OFFER;

    /** The side whose posts can fulfil this one: a need is met by offers, an offer by needs. */
    PostKind opposite() {
        return this == NEED ? OFFER : NEED;
    }
}
