package com.brandcluster.platform.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Everything one service holds about the caller: per document, the part about them.
 *
 * @param service    the service that answered (its {@code spring.application.name})
 * @param subject    the caller's subject
 * @param exportedAt when the export was made
 * @param records    the caller's documents, each with its collection, id and the part that is about them
 */
public record PersonalDataExport(String service, String subject, Instant exportedAt,
                                 List<PersonalDataDocuments.Item> records) {
}
