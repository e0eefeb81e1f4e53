package com.brandcluster.events.board;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 429: the enterprise has put as many posts on this board today (UTC) as one may. */
class PostingQuotaExceededException extends DomainException {

    PostingQuotaExceededException(int postsPerDay) {
        super(HttpStatus.TOO_MANY_REQUESTS, "posting-quota-exceeded", "Posting quota exceeded",
                "An enterprise puts at most " + postsPerDay + " posts a day on a cluster's board; post again after"
                        + " midnight UTC, or edit an existing post.");
        withProperty("postsPerDay", postsPerDay);
    }
}
