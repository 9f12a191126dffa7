package dev.demoforge.driver.sim.internal;

import java.util.List;
import java.util.StringJoiner;

/**
 * Ground truth of one simulated pick-and-place trial, fixed when the trial is drawn. Times in seconds from the trial
 * start, positions in metres and angles in radians in the arm's base frame "sim_base". Immutable.
 *
 * @param seed         seed the trial was drawn from
 * @param episodeId    recording episode that started the trial, or {@code null}
 * @param outcome      what happens to the object
 * @param durationS    trial length including hesitations
 * @param hesitations  pauses of the operator, each {start, end}
 * @param tremorHz     operator tremor frequency, 0 without tremor
 * @param tremorAmpRad tremor amplitude on the shoulder joints, 0 without tremor
 * @param submovements number of segments done as two overlapping sub-movements (0 without)
 * @param object       object centre at the start {x, y, z, yaw}
 * @param objectSize   cube edge, m
 * @param massKg       object mass
 * @param bin          target bin region {x, y, halfX, halfY} (axis-aligned rectangle on the table)
 * @param release      where the operator releases the object {x, y, z} (object centre)
 * @param graspOffset  tool point minus object centre at the grasp {dx, dy}; large for a failed grasp
 * @param phases       phase starts, in order: reach, grasp, lift, place, release, home
 */
record TrialTruth(long seed, String episodeId, Outcome outcome, double durationS, List<double[]> hesitations,
        double tremorHz, double tremorAmpRad, int submovements, double[] object, double objectSize, double massKg,
        double[] bin, double[] release, double[] graspOffset, List<Phase> phases) {

    /** Outcome of a trial, spelled as in the truth JSON. */
    enum Outcome {
        SUCCESS("success"), FAILED_GRASP("failed_grasp"), DROPPED_OUTSIDE("dropped_outside");

        final String json;

        Outcome(String json) {
            this.json = json;
        }
    }

    /** The start of a named phase. */
    record Phase(String name, double tS) {
        String toJson() {
            return new Json().field("phase", name).field("t_s", tS).end();
        }
    }

    TrialTruth {
        hesitations = List.copyOf(hesitations);
        phases = List.copyOf(phases);
    }

    /** Whether the operator's motion is jerky (tremor and/or sub-movements). */
    boolean jerky() {
        return tremorHz > 0 || submovements > 0;
    }

    /** Start time of a phase, s from trial start. */
    double phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No phase " + name)).tS();
    }

    /** The truth as one JSON object; identical for identical seeds and episode ids. */
    String toJson() {
        StringJoiner hes = new StringJoiner(",", "[", "]");
        for (double[] h : hesitations) {
            hes.add(new Json().field("start_s", h[0]).field("end_s", h[1]).end());
        }
        StringJoiner ph = new StringJoiner(",", "[", "]");
        phases.forEach(p -> ph.add(p.toJson()));
        String jerkyDetail = jerky()
                ? new Json().field("tremor_hz", tremorHz).field("tremor_amp_rad", tremorAmpRad)
                        .field("submovements", submovements).end()
                : "null";
        return new Json().field("type", "trial")
                .field("seed", seed)
                .field("episode_id", episodeId)
                .field("outcome", outcome.json)
                .field("duration_s", durationS)
                .raw("hesitation", hes.toString())
                .field("jerky", jerky())
                .raw("jerky_detail", jerkyDetail)
                .raw("object", new Json().field("x", object[0]).field("y", object[1]).field("z", object[2])
                        .field("yaw", object[3]).field("size_m", objectSize).field("mass_kg", massKg).end())
                .raw("bin", new Json().field("x", bin[0]).field("y", bin[1]).field("half_x", bin[2])
                        .field("half_y", bin[3]).end())
                .raw("release", new Json().field("x", release[0]).field("y", release[1]).field("z", release[2])
                        .end())
                .raw("grasp_offset", new Json().field("dx", graspOffset[0]).field("dy", graspOffset[1]).end())
                .raw("phases", ph.toString())
                .field("frame", "sim_base")
                .end();
    }
}
