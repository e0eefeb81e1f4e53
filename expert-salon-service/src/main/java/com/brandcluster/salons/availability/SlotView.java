package com.brandcluster.salons.availability;

import org.jspecify.annotations.NullMarked;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A free slot as UTC instants, and as local date-times with their offset in the zone the caller asked for. */
@NullMarked
record SlotView(Instant start, Instant end, OffsetDateTime localStart, OffsetDateTime localEnd) {

    static SlotView of(SlotCalendar.Slot slot, ZoneId zone) {
        return new SlotView(slot.start(), slot.end(), slot.start().atZone(zone).toOffsetDateTime(),
                slot.end().atZone(zone).toOffsetDateTime());
    }
}
