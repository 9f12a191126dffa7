package dev.demoforge.dataset.ui.internal;

/** User-facing strings of the Dataset perspective, from {@code OSGI-INF/l10n/bundle.properties} ({@code @Translation}). */
public final class Messages {
    public String episodesTitle;
    public String columnEpisode;
    public String columnTask;
    public String columnDuration;
    public String columnFrames;
    public String refresh;
    public String selectAll;
    public String selectNone;
    public String name;
    public String format;
    public String output;
    public String browse;
    public String export;
    public String cancel;
    public String options;
    public String endEffectorPose;
    public String endEffectorPoseTip;
    public String noFormats;
    public String noCatalog;
    public String noDatasetService;
    public String noEpisodes;
    public String noOutput;
    public String loaded;
    public String loadFailed;
    public String jobLoad;
    public String jobExport;
    public String openFailed;
    public String exported;
    public String exportCancelled;
    public String exportFailed;
    public String progress;
    public String columnDataset;
    public String columnEpisodes;
    public String columnSplits;
    public String columnLastBuild;
    public String build;
    public String noDataset;
    public String jobLoadDatasets;
    public String jobBuild;
    public String datasetsLoaded;
    public String built;
    public String buildFailed;
}
