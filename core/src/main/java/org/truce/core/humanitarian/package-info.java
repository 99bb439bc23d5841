/**
 * Humanitarian notification and deconfliction: notified sites and movements acknowledged per
 * party, pauses, corridors, convoys, and the geometry that flags reports near them.
 */
package org.truce.core.humanitarian;
