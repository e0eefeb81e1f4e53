/** iCalendar (RFC 5545) export of consultations and salon registrations. */
@NullMarked
package com.brandcluster.salons.calendar;

import org.jspecify.annotations.NullMarked;
