package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.dataset.DatasetService;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.KinematicModel;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.FeatureSpec;

/**
 * The end-effector pose of a real recording of the simulated station: the feature the dataset service adds when the
 * sim arm's factory declares its kinematic model, its values (forward kinematics of the interpolated joint state),
 * and how LeRobot (feature info with the frame) and robomimic ({@code robot0_eef_pos}/{@code _quat}, read by h5py)
 * store it.
 */
class EndEffectorPoseExportTest {

    @TempDir
    static Path tmp;
    private static DatasetService service;
    private static RawEpisode episode;
    private static KinematicModel model;

    @BeforeAll
    static void setUp() throws Exception {
        service = OsgiServices.get(DatasetService.class);
        episode = SimEpisode.get();
        model = OsgiServices.get(DeviceDriverFactory.class, f -> f.driverId().equals("sim.arm"))
                .kinematicModel(new DeviceConfig("arm", "sim.arm", Map.of())).orElseThrow();
    }

    @Test
    void specPlacesA7DPoseInTheArmsBaseFrameRightAfterTheJointState() throws Exception {
        DatasetSpec spec = service.spec("ee", episode, true);
        List<String> keys = spec.features().stream().map(FeatureSpec::key).toList();
        assertEquals(keys.indexOf("observation.state") + 1, keys.indexOf("observation.ee_pose"), keys.toString());
        FeatureSpec pose = spec.feature("observation.ee_pose").orElseThrow();
        assertEquals(List.of("x", "y", "z", "qx", "qy", "qz", "qw"), pose.names());
        assertEquals("sim_base", pose.info().get("frame"));
        assertEquals(spec.features().size() - 1, service.spec("plain", episode).features().size());
    }

    @Test
    void eachRowIsTheForwardKinematicsOfThatRowsJointState() throws Exception {
        DatasetSpec spec = service.spec("ee", episode, true);
        var aligned = service.align(episode, spec);
        float[][] poses = aligned.vectors("observation.ee_pose");
        float[][] state = aligned.vectors("observation.state");
        assertEquals(aligned.length(), poses.length);
        for (int r = 0; r < poses.length; r += 17) {
            double[] q = new double[6];
            for (int j = 0; j < 6; j++) {
                q[j] = state[r][j];
            }
            double[] expected = model.forwardKinematics(q);
            for (int k = 0; k < 7; k++) {
                assertEquals(expected[k], poses[r][k], 1e-6, "row " + r + " element " + k);
            }
            double norm = Math.sqrt(poses[r][3] * poses[r][3] + poses[r][4] * poses[r][4] + poses[r][5] * poses[r][5]
                    + poses[r][6] * poses[r][6]);
            assertEquals(1.0, norm, 1e-5, "unit quaternion at row " + r);
        }
        double reach = Arrays.stream(poses).mapToDouble(p -> Math.hypot(p[0], p[1])).max().orElse(0);
        assertTrue(reach > 0.1 && reach < 0.53, "tool reach " + reach + " m within the arm's 0.53 m");
    }

    @Test
    void lerobotInfoJsonStatesTheFrameOfThePose() throws Exception {
        Path out = tmp.resolve("lerobot");
        service.export(exporter("lerobot"), "ee", List.of(episode), out, Map.of(DatasetService.EE_POSE_OPTION,
                "true"), new NullProgressMonitor());
        JsonObject f = JsonParser.parseString(Files.readString(out.resolve("meta/info.json"))).getAsJsonObject()
                .getAsJsonObject("features").getAsJsonObject("observation.ee_pose");
        assertEquals("float32", f.get("dtype").getAsString());
        assertEquals(7, f.getAsJsonArray("shape").get(0).getAsInt());
        assertEquals("sim_base", f.getAsJsonObject("info").get("frame").getAsString());
    }

    @Test
    void robomimicStoresTheRobosuiteEefPositionAndQuaternion() throws Exception {
        Path out = tmp.resolve("robomimic");
        service.export(exporter("robomimic"), "ee", List.of(episode), out, Map.of(DatasetService.EE_POSE_OPTION,
                "true"), new NullProgressMonitor());
        Path file = Files.list(out).filter(p -> p.toString().endsWith(".hdf5")).findFirst().orElseThrow();
        String script = "import h5py, json, sys\n"
                + "f = h5py.File(sys.argv[1], 'r')\n"
                + "o = f['data/demo_0/obs']\n"
                + "print(json.dumps({'pos': list(o['robot0_eef_pos'].shape), 'quat': list(o['robot0_eef_quat'].shape),"
                + " 'next': list(f['data/demo_0/next_obs/robot0_eef_quat'].shape),"
                + " 'state': o['state'][5].tolist(), 'p': o['robot0_eef_pos'][5].tolist(),"
                + " 'q': o['robot0_eef_quat'][5].tolist()}))\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString()).redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        JsonObject r = JsonParser.parseString(text.trim()).getAsJsonObject();
        int n = r.getAsJsonArray("pos").get(0).getAsInt();
        assertEquals(3, r.getAsJsonArray("pos").get(1).getAsInt());
        assertEquals(List.of(n, 4), List.of(r.getAsJsonArray("quat").get(0).getAsInt(),
                r.getAsJsonArray("quat").get(1).getAsInt()));
        assertEquals(n, r.getAsJsonArray("next").get(0).getAsInt());
        double[] q = new double[6];
        for (int j = 0; j < 6; j++) {
            q[j] = r.getAsJsonArray("state").get(j).getAsDouble();
        }
        double[] expected = model.forwardKinematics(q);
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k], r.getAsJsonArray("p").get(k).getAsDouble(), 1e-5, "pos " + k);
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[3 + k], r.getAsJsonArray("q").get(k).getAsDouble(), 1e-5, "quat " + k);
        }
    }

    @Test
    void aBadEePoseValueIsRefusedByName() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service.export(
                exporter("lerobot"), "ee", List.of(episode), tmp.resolve("bad"),
                Map.of(DatasetService.EE_POSE_OPTION, "yes"), new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("ee_pose"), e.getMessage());
    }

    private static DatasetExporter exporter(String id) throws Exception {
        return OsgiServices.get(DatasetExporter.class, e -> e.formatId().equals(id));
    }
}
