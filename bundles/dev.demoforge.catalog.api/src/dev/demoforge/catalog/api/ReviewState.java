package dev.demoforge.catalog.api;

/** A reviewer's (or the automatic gate's) decision on an episode. @since 0.1 */
public enum ReviewState { PENDING, ACCEPTED, REJECTED, FLAGGED }
