package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.tasks.TaskSpec;

/** Per-task thresholds from the workspace's quality-thresholds.json over the built-in defaults. */
class ThresholdStoreTest {

    private static final String TASK = "Stack the blocks.";

    @TempDir
    Path workspace;

    @Test
    void defaultsDependOnTheEmbodiment() throws IOException {
        ThresholdStore store = new ThresholdStore();
        TaskThresholds sim = store.forWorkspace(workspace, TaskThresholds.SIM_ROBOT, TASK);
        assertEquals("sim", sim.arm().model());
        assertEquals(0.19, sim.success().bin().x(), 1e-12);
        assertEquals(-1.65, sim.smoothness().sparcWarn(), 1e-12);
        TaskThresholds other = store.forWorkspace(workspace, "koch", TASK);
        assertNull(other.arm());
        assertNull(other.success().bin());
        assertNull(other.safety().jointLimits());
    }

    @Test
    void taskEntriesOverrideTheCommonEntryWhichOverridesDefaults() throws IOException {
        Files.writeString(workspace.resolve(ThresholdStore.FILE_NAME), """
                {"*": {"hesitation": {"hesitation_s": 1.5, "min_idle_s": 0.8}},
                 "Stack the blocks.": {"hesitation": {"hesitation_s": 2.5},
                                       "success": {"bin": {"half_x": 0.02}},
                                       "safety": {"max_force": 40}}}
                """);
        ThresholdStore store = new ThresholdStore();
        TaskThresholds t = store.forWorkspace(workspace, TaskThresholds.SIM_ROBOT, TASK);
        assertEquals(2.5, t.hesitation().hesitationS(), 1e-12, "task entry wins");
        assertEquals(0.8, t.hesitation().minIdleS(), 1e-12, "common entry");
        assertEquals(0.03, t.hesitation().idleSpeed(), 1e-12, "default kept");
        assertEquals(0.02, t.success().bin().halfX(), 1e-12);
        assertEquals(0.065, t.success().bin().halfY(), 1e-12, "merged key by key");
        assertEquals(40, t.safety().maxForce(), 1e-12);
        TaskThresholds other = store.forWorkspace(workspace, TaskThresholds.SIM_ROBOT, "Another task");
        assertEquals(1.5, other.hesitation().hesitationS(), 1e-12);
        assertEquals(25, other.safety().maxForce(), 1e-12);
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path file = workspace.resolve(ThresholdStore.FILE_NAME);
        Files.writeString(file, "{\"*\": {\"safety\": {\"max_force\": 30}}}");
        ThresholdStore store = new ThresholdStore();
        assertEquals(30, store.forWorkspace(workspace, "koch", TASK).safety().maxForce(), 1e-12);
        Files.writeString(file, "{\"*\": {\"safety\": {\"max_force\": 35}}}");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertEquals(35, store.forWorkspace(workspace, "koch", TASK).safety().maxForce(), 1e-12);
    }

    @Test
    void armModelFromDenavitHartenbergRows() throws IOException {
        Files.writeString(workspace.resolve(ThresholdStore.FILE_NAME), """
                {"*": {"arm": {"dh": [[0, 1.5707963, 0.1, 0], [0.3, 0, 0, 0]], "tool_length": 0.05}}}
                """);
        var model = new ThresholdStore().forWorkspace(workspace, "two-link", TASK).arm().toModel();
        assertEquals(2, model.dof());
        double[] p = model.forwardKinematics(new double[] {0, 0});
        assertEquals(0.3, p[0], 1e-6);
        assertEquals(-0.05, p[1], 1e-6, "tool along the last z axis, which the twist turned to -y");
        assertEquals(0.1, p[2], 1e-6);
    }

    @Test
    void malformedFileNamesItself() throws IOException {
        Path file = workspace.resolve(ThresholdStore.FILE_NAME);
        Files.writeString(file, "{\"*\": {\"hesitation\": ");
        IOException e = assertThrows(IOException.class,
                () -> new ThresholdStore().forWorkspace(workspace, TaskThresholds.SIM_ROBOT, TASK));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not valid JSON"),
                e.getMessage());
        Files.writeString(file, "{\"*\": {\"hesitation\": {\"hesitation_s\": \"long\"}}}");
        IOException typed = assertThrows(IOException.class,
                () -> new ThresholdStore().forWorkspace(workspace, TaskThresholds.SIM_ROBOT, TASK));
        assertTrue(typed.getMessage().contains(file.toString()), typed.getMessage());
    }

    @Test
    void theTaskSpecificationOverridesTheFile() throws IOException {
        Files.writeString(workspace.resolve(ThresholdStore.FILE_NAME), """
                {"*": {"hesitation": {"hesitation_s": 1.5, "min_idle_s": 0.8}},
                 "Stack the blocks.": {"hesitation": {"hesitation_s": 2.5, "idle_speed": 0.05}}}
                """);
        TaskThresholds t = new ThresholdStore().forWorkspace(workspace, TaskThresholds.SIM_ROBOT, TASK,
                spec("hesitation", "{\"hesitation_s\": 4}"));
        assertEquals(4, t.hesitation().hesitationS(), 1e-12, "task specification wins");
        assertEquals(0.05, t.hesitation().idleSpeed(), 1e-12, "task entry of the file");
        assertEquals(0.8, t.hesitation().minIdleS(), 1e-12, "common entry of the file");
        assertEquals(2, t.hesitation().filterHz(), 1e-12, "default");
    }

    @Test
    void anUnknownKeyInTheFileNamesFileEntryAndKey() throws IOException {
        Path file = workspace.resolve(ThresholdStore.FILE_NAME);
        Files.writeString(file, "{\"Stack the blocks.\": {\"safety\": {\"max_forse\": 40}}}");
        IOException e = assertThrows(IOException.class,
                () -> new ThresholdStore().forWorkspace(workspace, TaskThresholds.SIM_ROBOT, TASK));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("entry 'Stack the blocks.'")
                && e.getMessage().contains("unknown threshold 'safety.max_forse'"), e.getMessage());
    }

    @Test
    void malformedTaskParametersNameTheTask() {
        IOException e = assertThrows(IOException.class, () -> new ThresholdStore().forWorkspace(workspace, "koch",
                TASK, spec("success", "{\"bin\": {\"x\": 0.2, \"depth\": 0.1}}")));
        assertTrue(e.getMessage().startsWith("task 'stack' (success check 'success'): unknown threshold "
                + "'success.bin.depth'"), e.getMessage());
        IOException typed = assertThrows(IOException.class, () -> new ThresholdStore().forWorkspace(workspace,
                "koch", TASK, spec("hesitation", "{\"hesitation_s\": \"long\"}")));
        assertTrue(typed.getMessage().startsWith("task 'stack' (success check 'hesitation'): "), typed.getMessage());
    }

    private static TaskSpec spec(String check, String params) {
        return new TaskSpec("id", "stack", TASK, check, params, 0, 0, 1, List.of(), 1);
    }
}
