package dev.demoforge.capture.ui.internal;

/** User-facing strings of the Capture perspective, from {@code OSGI-INF/l10n/bundle.properties} ({@code @Translation}). */
public final class Messages {
    public String columnDevice;
    public String columnDriver;
    public String columnStatus;
    public String columnStream;
    public String columnRate;
    public String columnSamples;
    public String columnDrops;
    public String cameraWaiting;
    public String cameraNone;
    public String recordTask;
    public String recordOperator;
    public String recordStart;
    public String recordStop;
    public String recordCounter;
    public String recordLast;
    public String recordHint;
    public String phaseWaiting;
    public String phaseReady;
    public String phaseStarting;
    public String phaseRecording;
    public String phaseStopping;
    public String phaseClosed;
    public String jobConnect;
    public String jobStart;
    public String jobStop;
    public String sessionWaiting;
    public String sessionConnected;
    public String sessionConnectFailed;
    public String sessionNoRecorder;
    public String sessionStarting;
    public String sessionRecording;
    public String sessionStartFailed;
    public String sessionStopping;
    public String sessionStopFailed;
    public String sessionRecorded;
    public String sessionChecks;
    public String sessionNotCatalogued;
    public String sessionCatalogFailed;
    public String sessionCatalogSessionFailed;
    public String sessionClosed;
}
