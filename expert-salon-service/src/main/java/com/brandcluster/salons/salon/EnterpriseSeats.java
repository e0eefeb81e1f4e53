package com.brandcluster.salons.salon;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Patterns 2 and 3: one counter document per salon and enterprise (its key is unique), holding the seats the
 * enterprise's open registrations use; changed only by a conditional {@code $inc}, so an enterprise never holds more
 * than the salon's seats per enterprise.
 */
@Document("salon_enterprise_seats")
record EnterpriseSeats(@Id String key, String salonId, String enterpriseId, int seats) {

    static String key(String salonId, String enterpriseId) {
        return salonId + "/" + enterpriseId;
    }
}
