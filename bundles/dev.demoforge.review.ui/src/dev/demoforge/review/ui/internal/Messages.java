package dev.demoforge.review.ui.internal;

/** User-facing strings of the Review perspective, from {@code OSGI-INF/l10n/bundle.properties} ({@code @Translation}). */
public final class Messages {
    public String columnVerdict;
    public String columnId;
    public String columnSmoothness;
    public String columnProblems;
    public String filter;
    public String open;
    public String noEditor;
    public String columnTask;
    public String columnOperator;
    public String columnStation;
    public String columnStarted;
    public String columnDuration;
    public String columnFrames;
    public String columnDrops;
    public String columnStatus;
    public String columnReview;
    public String refresh;
    public String accept;
    public String reject;
    public String jobLoad;
    public String noCatalog;
    public String noReviewLog;
    public String loaded;
    public String selected;
    public String loadFailed;
    public String reviewed;
    public String reviewFailed;
    public String rejectBecause;
}
