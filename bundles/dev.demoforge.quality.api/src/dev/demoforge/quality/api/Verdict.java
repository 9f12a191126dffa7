package dev.demoforge.quality.api;

/** Outcome of a check, ordered from best to worst. @since 0.1 */
public enum Verdict { PASS, WARN, FAIL }
