package org.truce.core.actor;

import java.time.LocalDate;

/** A name an actor used from a date on: renamings are affiliation changes the record must keep. */
public record ActorName(String name, LocalDate from, String source) {}
