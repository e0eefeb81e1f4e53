package com.brandcluster.notification.membership;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The electorate of a convention ballot, kept from ballot-opened: the outcome events name no enterprises, and the
 * enterprises that could vote are the ones to tell.
 */
@Document(Ballot.COLLECTION)
record Ballot(@Id String conventionId, String clusterId, List<String> electorate, long version) {

    static final String COLLECTION = "ballots";
}
