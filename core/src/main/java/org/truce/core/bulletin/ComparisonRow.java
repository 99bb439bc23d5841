package org.truce.core.bulletin;

/**
 * One party's count in the reporting day against the previous day, the mean of the seven days
 * before it, and the mean per day in the period before the agreement in force entered into force
 * (null when no agreement applies or nothing was recorded before it). {@code party} is null for
 * the row of all parties together.
 */
public record ComparisonRow(String party, int today, int previousDay, double previousWeekDailyMean,
    Double preAgreementDailyMean) {}
