package dev.demoforge.capture.ui.internal;

import java.io.IOException;

import dev.demoforge.capture.EpisodeTaker;

/** The episode loop's recorder: the Capture perspective's {@link CaptureSession}, called on the loop's thread. */
final class SessionTaker implements EpisodeTaker {

    private final CaptureSession session;

    SessionTaker(CaptureSession session) {
        this.session = session;
    }

    @Override
    public String start(String instruction, String sessionId) throws IOException {
        return session.startEpisode(instruction, sessionId);
    }

    @Override
    public void stop() {
        session.stopEpisode();
    }

    @Override
    public boolean failed() {
        return session.recordingFailed();
    }

    @Override
    public void discarded(String episodeId) {
        session.discardEpisode(episodeId);
    }
}
