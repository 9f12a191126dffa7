package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityCheck;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/**
 * Task success on the recorded state (never on a simulator's truth): the pick-and-place rule of {@link PickPlace}
 * with the target region {@code success.bin} of the task (the simulated station's default: the region where its
 * trials place the bin), the tool point from forward kinematics of the recorded joints. Without a region the rule is
 * "grasped, then released". An operator's mark (an event on a stream named {@value EpisodeData#MARK_STREAM}) takes
 * precedence: a failure mark FAILs; a success mark the recorded state contradicts WARNs. Score: 1 success, 0.5
 * undecided, 0 failure.
 */
@Component(service = QualityCheck.class)
public final class SuccessCheck implements QualityCheck {

    static final String ID = "success";

    private final ThresholdStore thresholds;

    @Activate
    public SuccessCheck(@Reference ThresholdStore thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Task success";
    }

    @Override
    public CheckResult evaluate(RawEpisode episode) throws Exception {
        TaskThresholds th = thresholds.forEpisode(episode);
        EpisodeData data = EpisodeData.load(episode);
        return analyse(data, Motion.of(data.joints(), th.arm() == null ? null : th.arm().toModel()), th.success());
    }

    static CheckResult analyse(EpisodeData data, Motion motion, TaskThresholds.Success s) {
        List<Reason> reasons = new ArrayList<>();
        Verdict verdict = fromState(data, motion, s, reasons);
        if (!data.marks().isEmpty()) {
            EpisodeData.Mark mark = data.marks().get(data.marks().size() - 1);
            String text = String.format(Locale.ROOT, "operator marked %s at %.1f s", mark.success() ? "success"
                    : "failure", mark.t());
            if (!mark.success()) {
                verdict = Verdict.FAIL;
            } else if (verdict != Verdict.PASS) {
                verdict = Verdict.WARN;
                text += "; the recorded state disagrees";
            }
            reasons.add(0, new Reason(text, mark.t(), mark.t()));
        }
        double score = switch (verdict) {
            case PASS -> 1;
            case WARN -> 0.5;
            case FAIL -> 0;
        };
        return new CheckResult(ID, verdict, score, reasons);
    }

    private static Verdict fromState(EpisodeData data, Motion motion, TaskThresholds.Success s,
            List<Reason> reasons) {
        double end = data.durationS();
        if (data.gripper().size() < 2) {
            reasons.add(new Reason("no gripper stream: success not evaluated", 0, end));
            return Verdict.WARN;
        }
        List<PickPlace.Closure> closures = PickPlace.closures(data, s);
        if (closures.isEmpty()) {
            reasons.add(new Reason("no grasp: the gripper never opened and closed again", 0, end));
            return Verdict.FAIL;
        }
        PickPlace.Closure grasp = null;
        PickPlace.Closure holding = null;
        for (PickPlace.Closure c : closures) {
            if (c.grasped() && c.reopened()) {
                grasp = c;
            } else if (c.grasped()) {
                holding = c;
            } else if (c.reopened() || closures.size() == 1) {
                reasons.add(new Reason(String.format(Locale.ROOT, "gripper closed empty at %.1f s: %s",
                        c.span().start(), c.evidence()), c.span().start(), c.span().end()));
            }
        }
        if (grasp == null && holding != null) {
            Span h = holding.span();
            reasons.add(new Reason(String.format(Locale.ROOT, "the recording ended holding the object, grasped at "
                    + "%.1f s: %s", h.start(), holding.evidence()), h.start(), h.end()));
            return Verdict.FAIL;
        }
        if (grasp == null) {
            return Verdict.FAIL;
        }
        Span g = grasp.span();
        reasons.add(new Reason(String.format(Locale.ROOT, "grasped %.1f-%.1f s: %s", g.start(), g.end(),
                grasp.evidence()), g.start(), g.end()));
        double release = g.end();
        if (s.bin() == null) {
            reasons.add(new Reason(String.format(Locale.ROOT, "released at %.1f s (no target region set for the "
                    + "task)", release), release, release));
            return Verdict.PASS;
        }
        if (motion == null || !motion.cartesian()) {
            reasons.add(new Reason(String.format(Locale.ROOT, "released at %.1f s; no arm model, so the release "
                    + "position was not checked", release), release, release));
            return Verdict.WARN;
        }
        double[] p = motion.positionAt(release);
        String at = String.format(Locale.ROOT, "(%.3f, %.3f, %.3f) m", p[0], p[1], p[2]);
        if (s.bin().contains(p)) {
            reasons.add(new Reason(String.format(Locale.ROOT, "released inside the target region at %.1f s %s",
                    release, at), release, release));
            return Verdict.PASS;
        }
        Grid path = motion.path();
        for (int i = path.index(release); i < path.size(); i++) {
            double[] q = {path.channels()[0][i], path.channels()[1][i], path.channels()[2][i]};
            if (s.bin().contains(q)) {
                double t = path.time(i);
                reasons.add(new Reason(String.format(Locale.ROOT, "gripper opened %.1f s before the target region, "
                        + "at %.1f s %s", t - release, release, at), release, t));
                return Verdict.FAIL;
            }
        }
        double off = s.bin().distance(p);
        reasons.add(new Reason(off > 0 ? String.format(Locale.ROOT, "released %.1f cm outside the target region "
                + "at %.1f s %s", 100 * off, release, at) : String.format(Locale.ROOT, "released %.1f cm above the "
                + "target region's height limit at %.1f s %s", 100 * (p[2] - s.bin().zMax()), release, at),
                release, release));
        return Verdict.FAIL;
    }
}
