package dev.demoforge.ui.internal;

/** User-facing strings of the workbench shell, from {@code OSGI-INF/l10n/bundle.properties} (e4 {@code @Translation}). */
public final class Messages {
    public String statusReady;
    public String statusIdle;
    public String statusRecording;
    public String statusWorkspace;
}
